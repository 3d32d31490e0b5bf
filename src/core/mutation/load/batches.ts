import type { ReportSourceFile } from '../report/model';
import type { BatchBounds } from './protocol';

/** The files with the priority ones first (in the priority's order), the rest in their own order. */
export function priorityFirst(files: readonly ReportSourceFile[], priority: readonly string[]): ReportSourceFile[] {
  const rank = new Map(priority.map((file, index) => [file, index]));
  const first = files.filter((file) => rank.has(file.path)).sort((a, b) => (rank.get(a.path) as number) - (rank.get(b.path) as number));
  return [...first, ...files.filter((file) => !rank.has(file.path))];
}

/** Takes the next batch off the front of `queue`: files until one more would pass a bound (at least one). */
export function takeBatch(queue: ReportSourceFile[], bounds: BatchBounds): ReportSourceFile[] {
  let mutants = 0;
  let characters = 0;
  let count = 0;
  for (const file of queue) {
    mutants += file.mutants.length;
    characters += file.source.length;
    if (count > 0 && (mutants > bounds.mutants || characters > bounds.sourceCharacters)) break;
    count++;
  }
  return queue.splice(0, count);
}
