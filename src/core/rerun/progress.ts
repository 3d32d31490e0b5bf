/**
 * The lines our reporter plugin writes (one JSON object per line) and the text shown for them.
 * The file is tailed while Stryker runs, so text arrives in arbitrary pieces.
 */
export interface ProgressState {
  /** Mutants to test in this run (reused results not counted); undefined before the plan. */
  readonly total: number | undefined;
  readonly tested: number;
  readonly survived: number;
  readonly reportWritten: boolean;
  readonly score: number | undefined;
}

export const INITIAL_PROGRESS: ProgressState = { total: undefined, tested: 0, survived: 0, reportWritten: false, score: undefined };

/** Splits text fed in pieces into whole lines. */
export class LineSplitter {
  private rest = '';

  push(text: string): string[] {
    const parts = (this.rest + text).split('\n');
    this.rest = parts.pop() ?? '';
    return parts.filter((l) => l.trim() !== '');
  }
}

/** The state after one line; unknown or broken lines leave it as it was. */
export function applyProgressLine(state: ProgressState, line: string): ProgressState {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return state;
  }
  switch (event['event']) {
    case 'plan':
      return { ...state, total: numberOr(event['total'], state.total) };
    case 'tested':
      return { ...state, tested: numberOr(event['tested'], state.tested) ?? 0, survived: numberOr(event['survived'], state.survived) ?? 0, total: numberOr(event['total'], state.total) };
    case 'report':
      return { ...state, reportWritten: typeof event['path'] === 'string', score: numberOr(event['score'], undefined) };
    default:
      return state;
  }
}

function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function progressText(state: ProgressState): string {
  if (state.total === undefined) return 'Starting (initial test run)…';
  if (state.total === 0) return 'Nothing to test: every result was reused';
  return `${state.tested}/${state.total} mutants tested, ${state.survived} survived`;
}
