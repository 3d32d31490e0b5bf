// The bench's measurements inside the real extension host (bench/rows/activation.mjs starts it;
// never part of `npm run test:integration`). It activates Mutant Lens itself, after noting what
// the extension host holds, and writes the figures as JSON to $MUTANT_LENS_BENCH_OUT:
// - activateMs, activateCpuMs: what activate() logged ("activate() took N ms (CPU M ms)");
// - started: child processes whose start has a frame of the extension's bundle on its stack;
// - descendants: child processes of the extension host seen (sampled every 5 ms) from just before
//   activation until it settled, with their command lines (VS Code's own file search runs here too);
// - watchesAdded: inotify watches the extension host holds after activation settled minus before
//   (unknown when VS Code activated the extension before the suite ran: reports in the workspace);
//   watchedUnderWorkspace: how many of them (of all it holds, then) are on a file or folder of the
//   workspace; watchesHeld: all the extension host holds.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MutantLensApi } from '../../../src/api';
import { logLines } from '../git/gitHelpers';
import { waitFor } from '../helpers';
import { descendants, inotifyWatches, recordStarts, watchedUnder } from '../processProbe';

export async function run(): Promise<void> {
  const out = process.env.MUTANT_LENS_BENCH_OUT;
  if (out === undefined) throw new Error('MUTANT_LENS_BENCH_OUT is not set');
  const reports = Number(process.env.MUTANT_LENS_BENCH_REPORTS ?? '0');
  const extension = vscode.extensions.getExtension<MutantLensApi>('mutant-lens.mutant-lens');
  if (extension === undefined) throw new Error('Mutant Lens is not installed');
  // With reports in the workspace, VS Code has activated it already (workspaceContains): then the
  // watches are told by where they are (the workspace is no repository; no other extension of the
  // host watches it), and nothing is known of before.
  const activeBefore = extension.isActive;
  if (activeBefore && reports === 0) throw new Error('Mutant Lens was active before the bench started');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';

  const before = new Set(inotifyWatches().map((watch) => watch.id));
  const alive = new Set(descendants());
  const seen = new Map<number, string>();
  const sample = (): void => {
    for (const pid of descendants()) if (!alive.has(pid) && !seen.has(pid)) seen.set(pid, commandLine(pid));
  };
  const sampler = setInterval(sample, 5);
  const starts = recordStarts(path.join(extension.extensionPath, 'dist', 'extension.js'));
  try {
    const lens = await extension.activate();
    await lens.settled();
    if (reports > 0) await waitFor(() => lens.getReports().filter((r) => r.state === 'ok').length, (n) => n === reports, `${reports} reports loaded`, 120_000);
    await lens.settled();
    // Watches are opened asynchronously (chokidar scans first): wait until their number holds still
    // for $MUTANT_LENS_BENCH_STILL_MS (3 s by default).
    const stillMs = Number(process.env.MUTANT_LENS_BENCH_STILL_MS ?? '3000');
    const watchCount = (): number => inotifyWatches().length;
    let last = watchCount();
    let stableSince = Date.now();
    const deadline = Date.now() + 180_000;
    while (Date.now() - stableSince < stillMs && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = watchCount();
      if (now !== last) {
        last = now;
        stableSince = Date.now();
      }
    }
    sample();
    const added = inotifyWatches().filter((watch) => !before.has(watch.id));
    const logged = await waitFor(() => logLines('activate() took '), (lines) => lines.length > 0, 'the activate() time in the log', 30_000).catch(() => []);
    const times = /took ([\d.]+) ms \(CPU ([\d.]+) ms\)$/.exec(logged[0] ?? '');
    const activateMs = times === null ? undefined : Number(times[1]);
    const activateCpuMs = times === null ? undefined : Number(times[2]);
    const result = {
      activateMs,
      activateCpuMs,
      started: starts.started,
      descendants: [...seen].map(([pid, command]) => ({ pid, command })),
      activeBefore,
      watchesHeld: inotifyWatches().length,
      watchesAdded: activeBefore ? undefined : added.length,
      watchedUnderWorkspace: watchedUnder(folder, activeBefore ? inotifyWatches() : added).length,
      reports: lens.getReports().map((r) => `${r.state} ${path.relative(folder, r.path)}`),
    };
    writeFileSync(out, JSON.stringify(result, null, 2));
  } finally {
    clearInterval(sampler);
    starts.stop();
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 200);
  } catch {
    return '(gone)';
  }
}
