/**
 * A small glob matcher for report settings, matched against '/'-separated paths relative to a
 * workspace folder: `**` any number of folders, `*` and `?` within one name, `{a,b}` choices,
 * `[abc]` / `[!abc]` / `[a-z]` character classes (never `/`). Everything else is literal.
 *
 * Patterns come from workspace settings, so matching must not be steerable into a long run: the
 * pattern is compiled into a Thompson automaton (repeated `**` collapsed first) and simulated
 * over the path one character at a time, each state visited at most once per character. No
 * backtracking RegExp is ever built. The work is bounded by `maxGlobSteps(pattern, path)`.
 */

/** Longer patterns are refused (they never match; the caller says so once). */
export const MAX_GLOB_LENGTH = 1000;

type Token =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'one' }
  | { readonly kind: 'star' }
  | { readonly kind: 'globstar' }
  | { readonly kind: 'globstarSlash' }
  | { readonly kind: 'class'; readonly test: (code: number) => boolean }
  | { readonly kind: 'choice'; readonly branches: Token[][] };

/** A state: `test` consumes one character then goes to `next[0]`; without `test` it is a free move to every `next`; no `next`: accept. */
interface State {
  test?: (code: number) => boolean;
  next: number[];
}

export interface CompiledGlob {
  readonly pattern: string;
  readonly states: readonly State[];
  readonly start: number;
}

export type GlobCompilation = { readonly glob: CompiledGlob } | { readonly refused: string };

const SLASH = 47;
/** State 0 accepts. */
const ACCEPT = 0;
const notSlash = (code: number): boolean => code !== SLASH;
const anyChar = (): boolean => true;

export function compileGlob(pattern: string): GlobCompilation {
  if (pattern.length > MAX_GLOB_LENGTH) return { refused: `is longer than ${MAX_GLOB_LENGTH} characters` };
  const states: State[] = [{ next: [] }];
  const start = build(collapse(parse(pattern, { at: 0 }, false)), 0, states);
  return { glob: { pattern, states, start } };
}

/** The most steps `matchGlob` can take for a pattern over a path (a bound, linear in each). */
export function maxGlobSteps(pattern: string, path: string): number {
  // At most 2m+1 states; per character each is tested once, closed into once and its free moves followed once.
  return (path.length + 1) * (10 * pattern.length + 10);
}

export interface GlobMatch {
  readonly matched: boolean;
  /** States visited and characters tested: the work done. */
  readonly steps: number;
}

export function matchGlob(glob: CompiledGlob, path: string): GlobMatch {
  const { states } = glob;
  const seen = new Int32Array(states.length).fill(-1);
  let steps = 0;
  let current: number[] = [];
  const stack: number[] = [];
  /** Adds a state and everything reachable by free moves, each once per position. */
  const close = (from: number, position: number, into: number[]): void => {
    stack.push(from);
    while (stack.length > 0) {
      const id = stack.pop() as number;
      steps++;
      if (seen[id] === position) continue;
      seen[id] = position;
      const state = states[id] as State;
      if (state.test !== undefined || state.next.length === 0) into.push(id);
      else for (let i = state.next.length - 1; i >= 0; i--) stack.push(state.next[i] as number);
    }
  };
  close(glob.start, 0, current);
  for (let position = 0; position < path.length && current.length > 0; position++) {
    const code = path.charCodeAt(position);
    const next: number[] = [];
    for (const id of current) {
      const state = states[id] as State;
      steps++;
      if (state.test?.(code) === true) close(state.next[0] as number, position + 1, next);
    }
    current = next;
  }
  return { matched: current.includes(ACCEPT), steps };
}

const cache = new Map<string, GlobCompilation>();

/** Compiled once per pattern (the last 100 patterns kept). */
export function cachedGlob(pattern: string): GlobCompilation {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = compileGlob(pattern);
    if (cache.size >= 100) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** Whether the '/'- or '\\'-separated relative path matches one of the globs; refused globs match nothing. */
export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  const slashed = relativePath.replace(/\\/g, '/');
  return globs.some((pattern) => {
    const compiled = cachedGlob(pattern);
    return 'glob' in compiled && matchGlob(compiled.glob, slashed).matched;
  });
}

/** The globs refused, each with why. */
export function refusedGlobs(globs: readonly string[]): Array<{ readonly glob: string; readonly reason: string }> {
  const refused: Array<{ glob: string; reason: string }> = [];
  for (const glob of globs) {
    const compiled = cachedGlob(glob);
    if ('refused' in compiled) refused.push({ glob, reason: compiled.refused });
  }
  return refused;
}

/** Tokens up to the end, or up to the `,`/`}` that ends a choice's branch when `inChoice`. */
function parse(pattern: string, cursor: { at: number }, inChoice: boolean): Token[] {
  const tokens: Token[] = [];
  while (cursor.at < pattern.length) {
    const i = cursor.at;
    const char = pattern[i] as string;
    if (inChoice && (char === ',' || char === '}')) return tokens;
    cursor.at++;
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      tokens.push({ kind: slash ? 'globstarSlash' : 'globstar' });
      cursor.at += slash ? 2 : 1;
    } else if (char === '*') tokens.push({ kind: 'star' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else if (char === '{') tokens.push({ kind: 'choice', branches: parseChoice(pattern, cursor) });
    else if (char === '[' && pattern.indexOf(']', i + 1) >= 0) {
      const close = pattern.indexOf(']', i + 1);
      tokens.push({ kind: 'class', test: classTest(pattern.slice(i + 1, close)) });
      cursor.at = close + 1;
    } else tokens.push({ kind: 'char', code: char.charCodeAt(0) });
  }
  return tokens;
}

/** The branches of `{a,b}` (the `{` already read); an unclosed choice ends with the pattern. */
function parseChoice(pattern: string, cursor: { at: number }): Token[][] {
  const branches: Token[][] = [];
  for (;;) {
    branches.push(parse(pattern, cursor, true));
    const end = pattern[cursor.at];
    cursor.at++;
    if (end !== ',') return branches;
  }
}

/** `[abc]`, `[a-z]`, `[!abc]`; never matches `/`. */
function classTest(body: string): (code: number) => boolean {
  const negated = body.startsWith('!');
  const ranges: Array<[number, number]> = [];
  const chars = negated ? body.slice(1) : body;
  for (let i = 0; i < chars.length; i++) {
    const low = chars.charCodeAt(i);
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      ranges.push([low, chars.charCodeAt(i + 2)]);
      i += 2;
    } else ranges.push([low, low]);
  }
  return (code) => code !== SLASH && ranges.some(([low, high]) => code >= low && code <= high) !== negated;
}

/** `**` `/` `**` `/` … is one `**` `/`; `**` `/` `**` is one `**`. */
function collapse(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    const folded = token.kind === 'choice' ? { kind: 'choice' as const, branches: token.branches.map(collapse) } : token;
    if (last?.kind === 'globstarSlash' && (token.kind === 'globstarSlash' || token.kind === 'globstar')) out[out.length - 1] = token;
    else out.push(folded);
  }
  return out;
}

/** Builds the tokens backwards onto `next`; returns the entry state. */
function build(tokens: readonly Token[], next: number, states: State[]): number {
  let entry = next;
  for (let i = tokens.length - 1; i >= 0; i--) entry = buildToken(tokens[i] as Token, entry, states);
  return entry;
}

function buildToken(token: Token, next: number, states: State[]): number {
  const add = (state: State): number => states.push(state) - 1;
  switch (token.kind) {
    case 'char':
      return add({ test: (code) => code === token.code, next: [next] });
    case 'one':
      return add({ test: notSlash, next: [next] });
    case 'class':
      return add({ test: token.test, next: [next] });
    case 'star':
      return loop(notSlash, next, states);
    case 'globstar':
      return loop(anyChar, next, states);
    case 'globstarSlash': {
      // (?:.*\/)? : nothing, or any text that ends with a slash
      const slash = add({ test: (code) => code === SLASH, next: [next] });
      return add({ next: [next, loop(anyChar, slash, states)] });
    }
    case 'choice':
      return add({ next: token.branches.map((branch) => build(branch, next, states)) });
  }
}

/** `test*` then `next`: a free move to one more character or on. */
function loop(test: (code: number) => boolean, next: number, states: State[]): number {
  const split: State = { next: [] };
  const id = states.push(split) - 1;
  split.next.push(states.push({ test, next: [id] }) - 1, next);
  return id;
}
