/**
 * Where a base report comes from. Each source answers for one report path: the base report's
 * text, none, or why it could not be read. Sources are tried in order; the first with a report wins.
 * A later source (the Stryker Dashboard) implements the same interface.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { mergeBase, showFileAt, type GitContext } from '../git/gitCli';
import { err, ok, type Result } from '../shared/types';

export interface BaseReportText {
  /** What the base is, for `new since <label>`: a branch name, "saved baseline". */
  readonly label: string;
  /** Longer, for tooltips: where exactly it came from. */
  readonly detail: string;
  readonly text: string;
}

export interface BaseReportSource {
  readonly name: string;
  /** The base report of the report at `reportPath` (absolute); ok(undefined) when this source has none. */
  read(reportPath: string): Promise<Result<BaseReportText | undefined, string>>;
}

/** The first source with a report; errors are collected (the caller says them once) and the next source is tried. */
export async function readBaseReport(sources: readonly BaseReportSource[], reportPath: string): Promise<{ base: BaseReportText | undefined; problems: string[] }> {
  const problems: string[] = [];
  for (const source of sources) {
    const r = await source.read(reportPath);
    if (!r.ok) problems.push(`${source.name}: ${r.error}`);
    else if (r.value !== undefined) return { base: r.value, problems };
  }
  return { base: undefined, problems };
}

/** The report file as committed at the merge base of `base` and HEAD: `git show <merge-base>:<report path>`. */
export function mergeBaseReportSource(git: Omit<GitContext, 'cwd'> & { readonly repoRoot: string }, base: string): BaseReportSource {
  return {
    name: 'report at the merge base',
    read: async (reportPath) => {
      const relative = path.relative(git.repoRoot, reportPath);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return ok(undefined);
      const ctx = { ...git, cwd: git.repoRoot };
      const since = await mergeBase(ctx, base);
      if (!since.ok) return err(since.error.message);
      const text = await showFileAt(ctx, since.value, relative.split(path.sep).join('/'));
      if (!text.ok) return err(text.error.message);
      return ok(text.value === undefined ? undefined : { label: base, detail: `${relative} at ${since.value.slice(0, 12)} (merge base with ${base})`, text: text.value });
    },
  };
}

/** Where the saved baseline of a report is kept: `<storage>/baselines/<sha256 of the report path>.report`. */
export function baselineFile(storageDir: string, reportPath: string): string {
  return path.join(storageDir, 'baselines', `${createHash('sha256').update(reportPath).digest('hex')}.report`);
}

/** Copies the report's current text to the baseline store (bounded by `maxBytes`). */
export async function saveBaseline(storageDir: string, reportPath: string, maxBytes: number): Promise<Result<string, string>> {
  const text = await readBounded(reportPath, maxBytes);
  if (!text.ok) return text;
  const file = baselineFile(storageDir, reportPath);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(`${file}.tmp`, text.value);
    await fs.rename(`${file}.tmp`, file);
    return ok(file);
  } catch (error) {
    return err(`cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** A baseline the user saved (Mutant Lens: Save Report as Baseline), per report path. */
export function savedBaselineSource(storageDir: string, maxBytes: number): BaseReportSource {
  return {
    name: 'saved baseline',
    read: async (reportPath) => {
      const file = baselineFile(storageDir, reportPath);
      const text = await readBounded(file, maxBytes);
      if (!text.ok) return text.error === MISSING ? ok(undefined) : err(text.error);
      const saved = await fs.stat(file).then((s) => s.mtime.toISOString().slice(0, 16).replace('T', ' '), () => '?');
      return ok({ label: 'saved baseline', detail: `baseline of ${reportPath} saved ${saved} UTC`, text: text.value });
    },
  };
}

const MISSING = 'does not exist';

async function readBounded(file: string, maxBytes: number): Promise<Result<string, string>> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return err(`${file} is not a file`);
    if (stat.size > maxBytes) return err(`${file} is larger than ${maxBytes} bytes`);
    return ok((await fs.readFile(file)).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(code === 'ENOENT' ? MISSING : `cannot read ${file} (${code ?? String(error)})`);
  }
}
