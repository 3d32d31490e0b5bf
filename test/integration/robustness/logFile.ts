// Reads the lines of the "Mutant Lens" log channel as VS Code writes them to disk.
//
// A LogOutputChannel (createOutputChannel(name, { log: true })) is backed by a file that VS Code's
// extension host writes at <logsLocation>/<extension id>/<channel name>.log, where logsLocation is
// <user-data-dir>/logs/<session>/exthost<N> (read in code-server 4.100's extensionHostProcess.js).
// The test cannot see the extension's context.logUri, so it finds the user-data-dir on the command
// line of an ancestor process (code-server's server is started with --user-data-dir) and takes the
// newest matching file. Lines look like `2025-01-01 10:00:00.123 [warning] text`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const EXTENSION_ID = 'mutant-lens.mutant-lens';
const CHANNEL_FILE = 'Mutant Lens.log';

function userDataDir(): string {
  for (let pid = process.pid, hops = 0; pid > 1 && hops < 10; hops++) {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const at = args.indexOf('--user-data-dir');
    if (at >= 0 && args[at + 1] !== undefined) return args[at + 1] as string;
    const parent = /^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    pid = Number(parent?.[1] ?? 0);
  }
  throw new Error('no ancestor process was started with --user-data-dir');
}

function candidates(dir: string, depth: number): string[] {
  if (depth < 0 || !existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...candidates(full, depth - 1));
    else if (entry.name === CHANNEL_FILE && path.basename(dir) === EXTENSION_ID) found.push(full);
  }
  return found;
}

/** The channel's log file of this extension host session (the newest one). */
export function findLogFile(): string {
  const logs = path.join(userDataDir(), 'logs');
  const files = candidates(logs, 4).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files[0] === undefined) throw new Error(`no ${EXTENSION_ID}/${CHANNEL_FILE} under ${logs}`);
  return files[0];
}

export interface LogLine {
  readonly level: string;
  readonly text: string;
}

/** Every line of the log file, parsed. */
export function readLog(file: string): LogLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[(\w+)\] (.*)$/.exec(line);
      return match === null ? { level: '?', text: line } : { level: match[1] as string, text: match[2] as string };
    });
}
