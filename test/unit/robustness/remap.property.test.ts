// Stale remap and key resolution: identity between identical texts, ranges that stay inside the
// current document, unchanged text under a mutant that is not stale, a longest common
// subsequence from the line diff (checked against dynamic programming), and keys that never
// resolve to, or even probe, a file outside the workspace.
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textInRange } from '../../../src/core/mutation/messages';
import { matchLines, splitLines } from '../../../src/core/mutation/remap/lineDiff';
import { placeMutants } from '../../../src/core/mutation/remap/placeMutants';
import type { ReportMutant } from '../../../src/core/mutation/report/model';
import { insideWorkspace, resolveReportKey } from '../../../src/core/mutation/report/resolveKeys';
import type { Position, Range } from '../../../src/core/shared/types';
import { checkProperty } from './property';

const LINE = fc.constantFrom('', 'a', 'b', 'if (x) {', '}', '  return a >= b;', 'é😀', '\t');
const EOL = fc.constantFrom('\n', '\r\n', '\r');
const LINES = fc.array(LINE, { maxLength: 12 });
const TEXT = fc.tuple(LINES, EOL).map(([lines, eol]) => lines.join(eol));

type Edit = { at: number; kind: 'insert' | 'delete' | 'replace'; line: string };
const EDITS = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), line: LINE }), { maxLength: 6 });

function edited(lines: readonly string[], edits: readonly Edit[]): string[] {
  const out = [...lines];
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + (edit.kind === 'insert' ? 1 : 0));
    if (edit.kind === 'insert') out.splice(at, 0, edit.line);
    else if (out.length > 0 && edit.kind === 'delete') out.splice(at, 1);
    else if (out.length > 0) out[at] = edit.line;
  }
  return out;
}

const POSITION = fc.record({ line: fc.integer({ min: -1, max: 13 }), character: fc.integer({ min: -1, max: 18 }) });
const compare = (a: Position, b: Position): number => a.line - b.line || a.character - b.character;
/** Mutants as build.ts makes them: start never after end (positions may still be anywhere). */
const MUTANTS = fc.array(
  fc.tuple(POSITION, POSITION).map(([a, b]): ReportMutant => {
    const [start, end] = compare(a, b) <= 0 ? [a, b] : [b, a];
    return { id: 'm', mutatorName: 'M', replacement: 'r', description: undefined, status: 'Survived', statusReason: undefined, range: { start, end }, coveredBy: undefined, killedBy: undefined, isStatic: undefined };
  }),
  { maxLength: 8 },
);

function inside(position: Position, lines: readonly string[]): boolean {
  const line = lines[position.line];
  return position.line >= 0 && position.character >= 0 && line !== undefined && position.character <= line.length;
}
const rangeInside = (range: Range, lines: readonly string[]): boolean => inside(range.start, lines) && inside(range.end, lines) && compare(range.start, range.end) <= 0;

describe('stale remap under arbitrary texts and edits', () => {
  it('remapping between identical texts is the identity', () => {
    checkProperty(
      'remapping between identical texts is the identity',
      fc.property(TEXT, MUTANTS, (text, mutants) => {
        const lines = splitLines(text);
        const kept = mutants.filter((m) => rangeInside(m.range, lines));
        const placement = placeMutants(text, text, mutants);
        expect([placement.placed.map((p) => [p.range, p.stale]), placement.outsideSource]).toEqual([kept.map((m) => [m.range, false]), mutants.length - kept.length]);
      }),
    );
  });

  it('remapped ranges stay inside the current document', () => {
    checkProperty(
      'remapped ranges stay inside the current document',
      fc.property(LINES, EDITS, EOL, EOL, MUTANTS, (lines, edits, oldEol, newEol, mutants) => {
        const current = edited(lines, edits).join(newEol);
        const placement = placeMutants(lines.join(oldEol), current, mutants);
        const currentLines = splitLines(current);
        const outside = placement.placed.filter((p) => !rangeInside(p.range, currentLines));
        expect([outside, placement.placed.length + placement.outsideSource]).toEqual([[], mutants.length]);
      }),
    );
  });

  it('a mutant that is not stale covers the same text after the remap', () => {
    checkProperty(
      'a mutant that is not stale covers the same text after the remap',
      fc.property(LINES, EDITS, MUTANTS, (lines, edits, mutants) => {
        const after = edited(lines, edits);
        const placement = placeMutants(lines.join('\n'), after.join('\n'), mutants);
        const changed = placement.placed.filter((p) => !p.stale && textInRange(after, p.range) !== textInRange(lines, p.mutant.range));
        expect(changed).toEqual([]);
      }),
    );
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1] as number);
      diagonal = up;
    }
  }
  return row[b.length] as number;
}

describe('line matching', () => {
  it('matchLines keeps a longest common subsequence', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 15 });
    checkProperty(
      'matchLines keeps a longest common subsequence',
      fc.property(lines, lines, (before, after) => {
        const { oldToNew } = matchLines(before, after);
        const pairs = [...oldToNew].map((to, from) => [from, to] as const).filter(([, to]) => to >= 0);
        const increasing = pairs.every(([, to], i) => i === 0 || to > (pairs[i - 1]?.[1] ?? -1));
        const equal = pairs.every(([from, to]) => before[from] === after[to]);
        expect([pairs.length, increasing, equal]).toEqual([lcsLength(before, after), true, true]);
      }),
    );
  });
});

describe('key resolution under arbitrary keys', () => {
  const WORKSPACE = ['/ws/app', '/ws/lib'];
  const FILES = ['/ws/app/src/x.ts', '/ws/app/pkg/src/x.ts', '/ws/lib/x.ts', '/etc/passwd', '/ws/secret/x.ts', '/ws/app-evil/src/x.ts', '/x.ts'];
  const SEGMENT = fc.constantFrom('..', '.', '', 'src', 'x.ts', 'pkg', 'etc', 'passwd', 'app', 'lib', 'app-evil', 'secret', 'C:', '~', 'ws');
  const KEY = fc.oneof(
    fc.tuple(fc.constantFrom('', '/', 'C:\\', '\\\\server\\'), fc.array(SEGMENT, { maxLength: 7 }), fc.constantFrom('/', '\\')).map(([lead, segments, sep]) => lead + segments.join(sep)),
    fc.string({ maxLength: 20 }),
  );
  const ROOT = fc.constantFrom(undefined, '/ws/app', '/ws/app/pkg', '/etc', '/', 'relative/root', '/ws/app/../..', '/ws/app-evil');

  it('resolveReportKey never leaves the workspace or looks outside it', () => {
    checkProperty(
      'resolveReportKey never leaves the workspace or looks outside it',
      fc.property(KEY, ROOT, fc.constantFrom('/ws/app', '/ws/app/pkg', '/ws', '/'), (key, projectRoot, packageDir) => {
        const probed: string[] = [];
        const result = resolveReportKey(key, {
          packageDir,
          projectRoot,
          workspaceFolders: WORKSPACE,
          exists: (file) => (probed.push(file), FILES.includes(file)),
          filesNamed: (name) => FILES.filter((file) => path.basename(file) === name),
        });
        const resolved = 'path' in result ? result.path : undefined;
        const escaped = resolved !== undefined && (!insideWorkspace(resolved, WORKSPACE) || !FILES.includes(resolved));
        expect([escaped, probed.filter((file) => !insideWorkspace(file, WORKSPACE))]).toEqual([false, []]);
        if ('ignored' in result) expect(typeof result.ignored === 'string' && result.ignored !== '').toBe(true);
      }),
    );
  });
});
