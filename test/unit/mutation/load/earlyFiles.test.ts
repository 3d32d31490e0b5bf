// earlyReport: a first load's priority files from their own entries, the same as the whole
// report's build gives them (first key wins, keys of only dots, escaped keys), or nothing.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { candidateMembers, earlyReport } from '../../../../src/core/mutation/load/earlyFiles';
import { buildContextOf, buildLoadedReport } from '../../../../src/core/mutation/report/build';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import { parseReportText } from '../../../../src/core/mutation/report/parse';
import { isFile } from '../../../../src/core/shared/fileProbe';
import { mutant } from '../report/fixtures';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(files: readonly string[]): { root: string; report: string; at: (file: string) => string } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-early-')));
  roots.push(root);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'const a = b >= c;\n');
  }
  return { root, report: path.join(root, 'reports/mutation/mutation.json'), at: (file) => path.join(root, file) };
}

function entry(id: string, status = 'Survived'): unknown {
  return { language: 'typescript', source: 'const a = b >= c;\n', mutants: [mutant({ id, status })] };
}

function early(text: string, report: string, root: string, priority: readonly string[]): ReturnType<typeof earlyReport> {
  return earlyReport(Buffer.from(text, 'utf8'), classifyReport(report), priority, { workspaceFolders: [root], exists: isFile });
}

/** The whole report's build, as the worker's full load makes it. */
function whole(text: string, report: string, root: string): ReturnType<typeof buildLoadedReport> {
  const parsed = parseReportText(text, 'json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return buildLoadedReport(parsed.value, buildContextOf(classifyReport(report), { workspaceFolders: [root], exists: isFile, filesNamed: () => [] }));
}

describe('earlyReport', () => {
  it('builds the priority files as the whole report does, in the priority order, the first key of a file winning', () => {
    const { root, report, at } = project(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    const text = JSON.stringify({
      files: { 'src/b.ts': entry('1'), 'src/a.ts/.': entry('2', 'Killed'), 'src/a.ts': entry('3'), 'src/c.ts': entry('4'), 'src\\/a.ts.bak': entry('5') },
      schemaVersion: '1.0',
      thresholds: { high: 90, low: 50, break: 40 },
      projectRoot: root,
    });
    const built = early(text, report, root, [at('src/a.ts'), at('src/b.ts'), at('src/absent.ts')]);
    const full = whole(text, report, root);
    expect([...(built?.files.keys() ?? [])]).toEqual([at('src/a.ts'), at('src/b.ts')]);
    expect(built?.files.get(at('src/a.ts'))).toEqual(full.files.get(at('src/a.ts')));
    expect(built?.files.get(at('src/a.ts'))?.mutants.map((m) => [m.id, m.status])).toEqual([['2', 'Killed']]);
    expect(built?.files.get(at('src/b.ts'))).toEqual(full.files.get(at('src/b.ts')));
    expect(built?.thresholds).toEqual({ high: 90, low: 50, break: 40 });
    // A candidate key that names no file (a suffix match would look for a.ts.bak, no priority file's name) does not hold the others back.
    expect(built?.ignoredKeys).toEqual([
      { key: 'src/a.ts', reason: 'names the same file as "src/a.ts/."' },
      { key: 'src\\/a.ts.bak', reason: 'was not found in the workspace' },
    ]);
  });

  it('counts keys of only dots, or with a .. segment, as ones that can name the file (the project root is the file)', () => {
    const { root, report, at } = project(['src/a.ts']);
    for (const key of ['.', 'x/..']) {
      const text = JSON.stringify({ schemaVersion: '1', thresholds: { high: 80, low: 60 }, projectRoot: at('src/a.ts'), files: { [key]: entry('9'), 'src/a.ts': entry('1') } });
      expect(early(text, report, root, [at('src/a.ts')])?.files.get(at('src/a.ts'))).toEqual(whole(text, report, root).files.get(at('src/a.ts')));
      expect(early(text, report, root, [at('src/a.ts')])?.files.get(at('src/a.ts'))?.mutants.map((m) => m.id)).toEqual(['9']);
    }
  });

  it('chooses the keys that contain a priority file\'s name, a .. segment or only dots, in the report\'s order', () => {
    const member = (key: string): { key: string; keySpan: { start: number; end: number }; value: { start: number; end: number } } => ({ key, keySpan: { start: 0, end: 0 }, value: { start: 0, end: 0 } });
    const files = ['x/a.ts', 'b.ts', '..', './', 'a.tsx', 'y\\a.ts', 'ba.ts.', '', 'x/..', 'b/../c.ts', 'C:\\..\\b.ts', '.../b.ts', 'x/./b.ts', 'x//b.ts'].map(member);
    expect(candidateMembers(files, ['/p/a.ts', '/q/a.ts']).map((m) => m.key)).toEqual(['x/a.ts', '..', './', 'a.tsx', 'y\\a.ts', 'ba.ts.', '', 'x/..', 'b/../c.ts', 'C:\\..\\b.ts']);
    expect(candidateMembers(files, []).map((m) => m.key)).toEqual(['..', './', '', 'x/..', 'b/../c.ts', 'C:\\..\\b.ts']);
  });

  it('gives nothing when the entry breaks the schema, a key needs a suffix match, nothing is asked, or the text is not whole', () => {
    const { root, report, at } = project(['src/a.ts']);
    const head = { schemaVersion: '1.0', thresholds: { high: 80, low: 60 } };
    const valid = JSON.stringify({ ...head, files: { 'src/a.ts': entry('1') } });
    expect([...(early(valid, report, root, [at('src/a.ts')])?.files.keys() ?? [])]).toEqual([at('src/a.ts')]);
    expect(early(JSON.stringify({ ...head, files: { 'src/a.ts': entry('1', 'Bogus') } }), report, root, [at('src/a.ts')])).toBe(undefined);
    expect(early(JSON.stringify({ ...head, files: { 'C:\\ci\\src\\a.ts': entry('1') } }), report, root, [at('src/a.ts')])).toBe(undefined);
    expect(early(JSON.stringify({ thresholds: head.thresholds, files: { 'src/a.ts': entry('1') } }), report, root, [at('src/a.ts')])).toBe(undefined);
    // A key before it that only a suffix match (the host's answer) resolves may name the same file and win.
    expect(early(JSON.stringify({ ...head, files: { 'C:\\ci\\src\\a.ts': entry('1'), 'src/a.ts': entry('2') } }), report, root, [at('src/a.ts')])).toBe(undefined);
    // A key with the file's name that resolves to another file.
    expect(early(valid, report, root, [at('lib/a.ts')])).toBe(undefined);
    expect(early(valid, report, root, [])).toBe(undefined);
    expect(early(valid, report, root, [at('src/other.ts')])).toBe(undefined);
    expect(early(valid.slice(0, -1), report, root, [at('src/a.ts')])).toBe(undefined);
  });

  describe('stops the scan at the active file\'s key', () => {
    const head = (root: string): Record<string, unknown> => ({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, projectRoot: root });
    /** A key after the active file's that only a whole scan sees: the same key again (JSON.parse keeps the last). */
    const duplicated = (text: string, key: string): string => text.replace(/}}$/, `},${JSON.stringify(key)}:${JSON.stringify(entry('dup'))}}}`);

    it('gives the same mini report as the whole scan, and looks at no key after the active file\'s', () => {
      const { root, report, at } = project(['src/a.ts', 'src/b.ts', 'src/c.ts']);
      const text = JSON.stringify({ ...head(root), files: { 'src/b.ts': entry('1'), 'src/a.ts': entry('2'), 'src/c.ts': entry('3') } });
      const built = early(text, report, root, [at('src/a.ts'), at('src/b.ts')]);
      expect([...(built?.files.keys() ?? [])]).toEqual([at('src/a.ts'), at('src/b.ts')]);
      expect(built?.files.get(at('src/a.ts'))).toEqual(whole(text, report, root).files.get(at('src/a.ts')));
      expect(built?.files.get(at('src/b.ts'))).toEqual(whole(text, report, root).files.get(at('src/b.ts')));
      // A duplicate key after it makes the whole scan give up; the stopped scan never reaches it.
      const twice = duplicated(text, 'src/c.ts');
      expect(early(twice, report, root, [at('src/a.ts'), at('src/b.ts')])).toEqual(built);
      // The same text with files written first (as StrykerJS does): projectRoot could still follow, so the scan goes on, and finds the duplicate.
      const filesFirst = JSON.stringify({ files: { 'src/b.ts': entry('1'), 'src/a.ts': entry('2'), 'src/c.ts': entry('3') }, ...head(root) });
      expect(early(filesFirst, report, root, [at('src/a.ts'), at('src/b.ts')])).toEqual(built);
      expect(early(filesFirst.replace('"src/c.ts":', '"src/b.ts":'), report, root, [at('src/a.ts')])).toBe(undefined);
    });

    it('leaves out the other priority files whose keys come after the active file\'s', () => {
      const { root, report, at } = project(['src/a.ts', 'src/b.ts']);
      const files = { 'src/a.ts': entry('1'), 'src/b.ts': entry('2') };
      const keysOf = (text: string, priority: readonly string[]): string[] => [...(early(text, report, root, priority)?.files.keys() ?? [])];
      expect(keysOf(JSON.stringify({ ...head(root), files }), [at('src/a.ts'), at('src/b.ts')])).toEqual([at('src/a.ts')]);
      expect(keysOf(JSON.stringify({ ...head(root), files }), [at('src/b.ts'), at('src/a.ts')])).toEqual([at('src/b.ts'), at('src/a.ts')]);
      expect(keysOf(JSON.stringify({ files, ...head(root) }), [at('src/a.ts'), at('src/b.ts')])).toEqual([at('src/a.ts'), at('src/b.ts')]);
    });

    it('goes on past keys that hold the name but name another file or need a suffix match', () => {
      const { root, report, at } = project(['src/a.ts', 'lib/a.ts']);
      const after = (before: string): string => duplicated(JSON.stringify({ ...head(root), files: { [before]: entry('1'), 'src/a.ts': entry('2'), z: entry('3') } }), 'z');
      // Stopped at the first key, the mini report would not hold the active file.
      expect(early(after('lib/a.ts'), report, root, [at('src/a.ts')])?.files.get(at('src/a.ts'))?.mutants.map((m) => m.id)).toEqual(['2']);
      expect(early(after('C:\\ci\\a.ts.bak'), report, root, [at('src/a.ts')])?.files.get(at('src/a.ts'))?.mutants.map((m) => m.id)).toEqual(['2']);
      expect(early(after('C:\\ci\\a.ts'), report, root, [at('src/a.ts')])).toBe(undefined);
    });

    it('goes on to the end unless schemaVersion, thresholds and projectRoot all come before files', () => {
      const { root, report, at } = project(['src/a.ts']);
      const member = (key: string, value: unknown): string => `${JSON.stringify(key)}:${JSON.stringify(value)}`;
      const version = member('schemaVersion', '1.0');
      const thresholds = member('thresholds', { high: 80, low: 60 });
      const projectRoot = member('projectRoot', root);
      const filesTwice = `"files":{${member('src/a.ts', entry('1'))},${member('src/a.ts', entry('2'))}}`;
      const textOf = (members: readonly string[]): string => `{${members.join(',')}}`;
      expect(early(textOf([version, thresholds, projectRoot, filesTwice]), report, root, [at('src/a.ts')])?.files.get(at('src/a.ts'))?.mutants.map((m) => m.id)).toEqual(['1']);
      for (const members of [
        [version, thresholds, filesTwice, projectRoot],
        [version, thresholds, filesTwice],
        [version, filesTwice, thresholds, projectRoot],
        [thresholds, projectRoot, filesTwice, version],
      ]) {
        expect(early(textOf(members), report, root, [at('src/a.ts')])).toBe(undefined);
      }
    });

    it('reads the project root as the build does, and does not stop where it is no string', () => {
      const { root, report, at } = project(['src/a.ts', 'pkg/src/a.ts']);
      const text = duplicated(JSON.stringify({ ...head(path.join(root, 'pkg')), files: { 'src/a.ts': entry('1') } }), 'z');
      expect([...(early(text, report, root, [at('pkg/src/a.ts')])?.files.keys() ?? [])]).toEqual([at('pkg/src/a.ts')]);
      // Resolved against the report's package folder (the projectRoot names no such file) it is another file: not stopped there.
      expect(early(text, report, root, [at('src/a.ts')])).toBe(undefined);
      const escaped = duplicated(`{"schemaVersion":"1.0","thresholds":{"high":80,"low":60},"projectRoot":${JSON.stringify(path.join(root, 'pkg')).replace('/pkg', '\\u002fpkg')},"files":{"src/a.ts":${JSON.stringify(entry('1'))}}}`, 'z');
      expect([...(early(escaped, report, root, [at('pkg/src/a.ts')])?.files.keys() ?? [])]).toEqual([at('pkg/src/a.ts')]);
      for (const projectRoot of ['7', 'null', '{"a":1}', 'nope']) {
        expect(early(duplicated(`{"schemaVersion":"1.0","thresholds":{"high":80,"low":60},"projectRoot":${projectRoot},"files":{"src/a.ts":${JSON.stringify(entry('1'))}}}`, 'z'), report, root, [at('src/a.ts')])).toBe(undefined);
      }
    });

    it('stops only in a text that ends as an object does (whitespace after it allowed)', () => {
      const { root, report, at } = project(['src/a.ts']);
      const text = duplicated(JSON.stringify({ ...head(root), files: { 'src/a.ts': entry('1'), z: entry('2') } }), 'z');
      expect([...(early(`${text} \n\t\r`, report, root, [at('src/a.ts')])?.files.keys() ?? [])]).toEqual([at('src/a.ts')]);
      expect(early(`${text}x`, report, root, [at('src/a.ts')])).toBe(undefined);
      expect(early(`${text.slice(0, -2)},`, report, root, [at('src/a.ts')])).toBe(undefined);
      expect(early(text.slice(0, text.indexOf('"dup"') + 2), report, root, [at('src/a.ts')])).toBe(undefined);
      expect(early(`${text.slice(0, -1)} ]`, report, root, [at('src/a.ts')])).toBe(undefined);
      expect(early(' ', report, root, [at('src/a.ts')])).toBe(undefined);
    });
  });
});
