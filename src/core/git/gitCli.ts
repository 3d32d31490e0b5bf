/**
 * The git commands behind changed lines, run through runProcess with an argument array. Every
 * failure is a typed GitError whose message is one line a user can act on.
 */
import { runProcess, type ProcessError } from '../shared/process';
import { err, ok, type Result } from '../shared/types';
import { chooseBase, combineChanges, parseLines, parseNulList, parseRemoteHead, type BaseChoice, type ChangedLines } from './changedLines';
import { parseDiff, type DiffFile } from './diffParse';

export interface GitContext {
  /** The git program: an absolute path (see gitLocate), never a bare name in the extension. */
  readonly gitPath: string;
  /** Any folder inside the repository (the repository root for the diff and untracked files). */
  readonly cwd: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Bytes of output accepted; more is an error ("output too large"). Default 64 MiB. */
  readonly maxStdoutBytes?: number;
}

export type GitError =
  | { readonly kind: 'gitNotFound'; readonly message: string }
  | { readonly kind: 'notARepository'; readonly message: string }
  | { readonly kind: 'baseNotFound'; readonly base: string; readonly message: string }
  | { readonly kind: 'timeout' | 'cancelled'; readonly message: string }
  | { readonly kind: 'failed'; readonly exitCode: number | null; readonly stderrTail: string; readonly message: string };

type GitResult<T> = Promise<Result<T, GitError>>;

/** Output and exit code of a git command that started and finished. */
interface Ran {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const ENV_OVERRIDES = { LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };

/** Runs git; a non-zero exit is returned, not an error (callers know which codes are fine). */
export async function runGit(ctx: GitContext, args: readonly string[]): GitResult<Ran> {
  const r = await runProcess({
    command: ctx.gitPath,
    args,
    cwd: ctx.cwd,
    env: { ...process.env, ...ENV_OVERRIDES },
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
    maxStdoutBytes: ctx.maxStdoutBytes,
  });
  if (!r.ok) return err(fromProcessError(r.error, ctx));
  if (r.value.stdoutTruncated) return err(failed(args, r.value.exitCode, r.value.stderr, 'output too large'));
  if (/not a git repository/i.test(r.value.stderr)) {
    return err({ kind: 'notARepository', message: `Not inside a git repository: ${ctx.cwd}` });
  }
  return ok(r.value);
}

function fromProcessError(e: ProcessError, ctx: GitContext): GitError {
  switch (e.kind) {
    case 'notFound':
      return { kind: 'gitNotFound', message: `Git was not found ("${ctx.gitPath}"): install git or set mutantLens.gitPath.` };
    case 'cwdNotFound':
      return { kind: 'notARepository', message: `Not inside a git repository: ${ctx.cwd} does not exist` };
    case 'timeout':
      return { kind: 'timeout', message: `${e.command} took longer than ${ctx.timeoutMs ?? 0} ms and was stopped` };
    case 'aborted':
      return { kind: 'cancelled', message: `${e.command} was cancelled` };
    case 'refused':
    case 'spawnFailed':
      return { kind: 'failed', exitCode: null, stderrTail: '', message: e.message };
  }
}

function failed(args: readonly string[], exitCode: number | null, stderr: string, why?: string): GitError {
  const lastLine = parseLines(stderr).pop() ?? '';
  const detail = why ?? (lastLine.length > 0 ? lastLine : `exit code ${exitCode ?? 'none'}`);
  return { kind: 'failed', exitCode, stderrTail: stderr.slice(-2000), message: `git ${args[0] ?? ''} failed: ${detail}` };
}

/** Output of a command that must exit 0. */
async function gitOk(ctx: GitContext, args: readonly string[]): GitResult<string> {
  const r = await runGit(ctx, args);
  if (!r.ok) return r;
  return r.value.exitCode === 0 ? ok(r.value.stdout) : err(failed(args, r.value.exitCode, r.value.stderr));
}

export async function findRepoRoot(ctx: GitContext): GitResult<string> {
  const r = await gitOk(ctx, ['rev-parse', '--show-toplevel']);
  return r.ok ? ok(r.value.trim()) : r;
}

export interface GitDirs {
  /** The repository's own git folder (for a worktree: `.git/worktrees/<name>` of the main one): HEAD and index. */
  readonly gitDir: string;
  /** The folder shared by every worktree: refs, packed-refs. The same as gitDir outside worktrees. */
  readonly commonDir: string;
}

/** Where HEAD, the index and the refs of the repository at `ctx.cwd` live (a `.git` file of a worktree followed). */
export async function gitDirs(ctx: GitContext): GitResult<GitDirs> {
  const r = await gitOk(ctx, ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir']);
  if (!r.ok) return r;
  const [gitDir, commonDir] = parseLines(r.value);
  return gitDir === undefined || commonDir === undefined ? err(failed(['rev-parse'], 0, '', 'no git folder in the output')) : ok({ gitDir, commonDir });
}

export async function listBranches(ctx: GitContext): GitResult<string[]> {
  const r = await gitOk(ctx, ['for-each-ref', '--format=%(refname:short)', 'refs/heads']);
  return r.ok ? ok(parseLines(r.value)) : r;
}

/** The remote's default branch (`origin/main`), or undefined when origin/HEAD is not set. */
export async function remoteDefaultBranch(ctx: GitContext): GitResult<string | undefined> {
  const r = await runGit(ctx, ['symbolic-ref', '-q', 'refs/remotes/origin/HEAD']);
  if (!r.ok) return r;
  return ok(r.value.exitCode === 0 ? parseRemoteHead(r.value.stdout) : undefined);
}

/** Chooses the base (setting, origin's default, main, master, HEAD) and checks that it exists. */
export async function resolveBase(ctx: GitContext, setting: string | undefined): GitResult<BaseChoice> {
  let choice: BaseChoice = { base: setting?.trim() ?? '', source: 'setting' };
  if (choice.base.length === 0) {
    const remote = await remoteDefaultBranch(ctx);
    if (!remote.ok) return remote;
    const branches = await listBranches(ctx);
    if (!branches.ok) return branches;
    choice = chooseBase({ setting, remoteHead: remote.value, branches: branches.value });
  }
  const found = await runGit(ctx, ['rev-parse', '--verify', '--quiet', `${choice.base}^{commit}`]);
  if (!found.ok) return found;
  if (found.value.exitCode !== 0) return err(baseNotFound(choice.base, 'no such branch or commit here (not fetched?)'));
  return ok(choice);
}

function baseNotFound(base: string, why: string): GitError {
  return { kind: 'baseNotFound', base, message: `Base "${base}" not found: ${why}` };
}

/** The commit where HEAD left the base; missing in shallow clones. */
export async function mergeBase(ctx: GitContext, base: string): GitResult<string> {
  const r = await runGit(ctx, ['merge-base', base, 'HEAD']);
  if (!r.ok) return r;
  if (r.value.exitCode === 0) return ok(r.value.stdout.trim());
  if (r.value.exitCode === 1) return err(baseNotFound(base, 'no common history with HEAD (a shallow clone? try git fetch --unshallow)'));
  return err(baseNotFound(base, parseLines(r.value.stderr).pop() ?? 'unknown revision'));
}

/** Committed, staged and unstaged changes since the merge base of `base` and HEAD. */
export async function diffAgainst(ctx: GitContext, base: string): GitResult<DiffFile[]> {
  const since = await mergeBase(ctx, base);
  if (!since.ok) return since;
  const args = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '-U0', '--find-renames', '--ignore-submodules=all', since.value, '--'];
  const r = await gitOk(ctx, args);
  return r.ok ? ok(parseDiff(r.value)) : r;
}

/** Untracked, not ignored files, relative to the repository root. */
export async function untrackedFiles(ctx: GitContext): GitResult<string[]> {
  const r = await gitOk(ctx, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ':/']);
  // A nested repository shows as its folder, `dir/`: not a file.
  return r.ok ? ok(parseNulList(r.value).filter((p) => !p.endsWith('/'))) : r;
}

/** Everything together: changed lines per absolute path against the chosen base. */
export async function changedLinesSince(ctx: GitContext, setting: string | undefined): GitResult<{ base: BaseChoice; changed: ChangedLines }> {
  const root = await findRepoRoot(ctx);
  if (!root.ok) return root;
  const at = { ...ctx, cwd: root.value };
  const base = await resolveBase(at, setting);
  if (!base.ok) return base;
  const diff = await diffAgainst(at, base.value.base);
  if (!diff.ok) return diff;
  const untracked = await untrackedFiles(at);
  if (!untracked.ok) return untracked;
  return ok({ base: base.value, changed: combineChanges(root.value, diff.value, untracked.value) });
}

/**
 * The text of `path` (relative to the repository root, `/`-separated) at `commit`, or undefined
 * when the commit has no such file. Bounded by `ctx.maxStdoutBytes`.
 */
export async function showFileAt(ctx: GitContext, commit: string, path: string): GitResult<string | undefined> {
  const args = ['show', '--no-textconv', `${commit}:${path}`];
  const r = await runGit(ctx, args);
  if (!r.ok) return r;
  if (r.value.exitCode === 0) return ok(r.value.stdout);
  if (/does not exist in|exists on disk, but not in/.test(r.value.stderr)) return ok(undefined);
  return err(failed(args, r.value.exitCode, r.value.stderr));
}
