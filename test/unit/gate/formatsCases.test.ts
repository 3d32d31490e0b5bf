import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatResult } from '../../../src/core/gate/formats';
import { formatGithub } from '../../../src/core/gate/formats/github';
import { formatGitlab } from '../../../src/core/gate/formats/gitlab';
import { escapeMarkdown } from '../../../src/core/gate/formats/markdown';
import { formatText } from '../../../src/core/gate/formats/text';
import { survivorMessage } from '../../../src/core/gate/formats/plain';
import type { GateResult } from '../../../src/core/gate/result';

// The cases formats.test.ts leaves out: nothing found, no floors, no-coverage-only files, survivors
// that are not new, mutants without a replacement, a failed gate with nothing measured.
const zero = { changedLines: 0, coveredChangedLines: 0, patchCoverage: null, mutants: 0, detected: 0, undetected: 0, patchMutationScore: null, stale: 0, newSurvivors: null };
const quiet: GateResult = { status: 'pass', base: 'main', mergeBase: 'abc', gates: [], summary: zero, files: [], uncovered: [], survivors: [], notes: [] };
const noBaseChange: GateResult = { ...quiet, summary: { ...zero, newSurvivors: 0 } };

const totals = { changedLines: 2, coveredChangedLines: 0, patchCoverage: 0, mutants: 2, detected: 0, undetected: 2, patchMutationScore: 0, stale: 2, newSurvivors: null };
const mixed: GateResult = {
  status: 'fail',
  base: 'a&b',
  mergeBase: 'def',
  gates: [{ name: 'patch-mutation-score', min: 90, actual: null, passed: false }],
  summary: totals,
  files: [],
  uncovered: [
    { file: 'src/b.ts', line: 1, kind: 'no-coverage-data' },
    { file: 'src/c.ts', line: 2, kind: 'no-coverage-data' },
  ],
  survivors: [
    { file: 'src/a.ts', line: 2, column: 1, endLine: 3, endColumn: 4, mutator: 'BlockStatement', replacement: null, original: '{}', status: 'NoCoverage', new: false, description: null },
    { file: 'src/a.ts', line: 4, column: 1, endLine: 4, endColumn: 4, mutator: 'Custom', replacement: null, original: 'x', status: 'Survived', new: null, description: 'removed x' },
  ],
  notes: ['ends with::'],
};

const quietText = ['mutant-lens check: PASS against main (merge base abc)', 'Patch coverage: 0/0 changed lines ran (n/a)', 'Patch mutation score: 0/0 mutants caught (n/a)', ''].join('\n');
const mixedText = [
  'mutant-lens check: FAIL against a&b (merge base def)',
  'Patch coverage: 0/2 changed lines ran (0.00%)',
  'Patch mutation score: 0/2 mutants caught (0.00%), floor 90%: FAIL; 2 not tested since the change',
  'Changed files no lcov file knows: src/b.ts, src/c.ts',
  'Mutants on changed lines that no test caught (2):',
  '  src/a.ts:2:1 NoCoverage: BlockStatement',
  '  src/a.ts:4:1 Survived: Custom removed x',
  'Note: ends with::',
  '',
].join('\n');

describe('text, the other cases', () => {
  it('says only the totals when nothing was found and no floor was asked for', () => {
    expect(formatResult(quiet, 'text')).toBe(quietText);
  });

  it('says 0 new survivors when a base report was found and nothing is new', () => {
    expect(formatText(noBaseChange)).toBe(['mutant-lens check: PASS against main (merge base abc)', 'Patch coverage: 0/0 changed lines ran (n/a)', 'Patch mutation score: 0/0 mutants caught (n/a); 0 new since the base', ''].join('\n'));
  });

  it('lists files no lcov file knows without an uncovered section, and survivors that are not new without (new)', () => {
    expect(formatResult(mixed, 'text')).toBe(mixedText);
  });
});

describe('survivorMessage', () => {
  it('is the status and mutator alone without a replacement or description, with the description when there is one', () => {
    const base = { status: 'Survived', mutator: 'M', original: 'a', replacement: null, description: null };
    expect(survivorMessage(base)).toBe('Survived: M');
    expect(survivorMessage({ ...base, description: 'd\ne' })).toBe('Survived: M d⏎e');
    expect(survivorMessage({ ...base, replacement: 'b', description: 'ignored' })).toBe('Survived: M "a" → "b"');
  });
});

describe('markdown, the other cases', () => {
  it('says pass, and a dash for each floor not asked for, without the optional sections', () => {
    expect(formatResult(quiet, 'markdown')).toBe(
      [
        '### Mutant Lens: ✅ pass',
        '',
        'Changed lines against `main` (merge base `abc`).',
        '',
        '| gate | measured | floor | result |',
        '|---|---|---|---|',
        '| patch coverage | 0/0 lines ran (n/a) | – | – |',
        '| patch mutation score | 0/0 mutants caught (n/a) | – | – |',
        '',
      ].join('\n'),
    );
  });

  it('says 0 new survivors alone when nothing is stale', () => {
    expect(formatResult(noBaseChange, 'markdown')).toBe(
      [
        '### Mutant Lens: ✅ pass',
        '',
        'Changed lines against `main` (merge base `abc`).',
        '',
        '| gate | measured | floor | result |',
        '|---|---|---|---|',
        '| patch coverage | 0/0 lines ran (n/a) | – | – |',
        '| patch mutation score | 0/0 mutants caught (n/a) | – | – |',
        '',
        '0 new survivors since the base.',
        '',
      ].join('\n'),
    );
  });

  it('says the stale count alone when no base report was found, and no uncovered section for files no lcov file knows', () => {
    expect(formatResult(mixed, 'markdown')).toBe(
      [
        '### Mutant Lens: ❌ fail',
        '',
        'Changed lines against `a&amp;b` (merge base `def`).',
        '',
        '| gate | measured | floor | result |',
        '|---|---|---|---|',
        '| patch coverage | 0/2 lines ran (0.00%) | – | – |',
        '| patch mutation score | 0/2 mutants caught (0.00%) | 90% | ❌ |',
        '',
        '2 mutants not tested since the change.',
        '',
        '#### Mutants on changed lines that no test caught (2)',
        '',
        '| where | mutator | status |',
        '|---|---|---|',
        '| src/a\\.ts:2:1 | BlockStatement | NoCoverage |',
        '| src/a\\.ts:4:1 | Custom | Survived |',
        '',
        '<details><summary>Diffs</summary>',
        '',
        'src/a\\.ts:2:1 BlockStatement',
        '',
        '```diff\n# BlockStatement\n```',
        '',
        'src/a\\.ts:4:1 Custom',
        '',
        '```diff\n# removed x\n```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('escapes an ampersand as an entity', () => {
    expect(escapeMarkdown('a&b&c')).toBe('a&amp;b&amp;c');
  });
});

describe('github, the other cases', () => {
  it('writes only the summary when nothing was found', () => {
    expect(formatResult(quiet, 'github')).toBe(quietText);
  });

  it('says n/a for a failed gate with nothing measured, and keeps a summary line that only ends with ::', () => {
    expect(formatGithub(mixed)).toBe(
      [
        '::warning file=src/a.ts,line=2,endLine=3,col=1,endColumn=4,title=Mutant not caught%3A BlockStatement::NoCoverage: BlockStatement',
        '::warning file=src/a.ts,line=4,endLine=4,col=1,endColumn=4,title=Mutant not caught%3A Custom::Survived: Custom removed x',
        '::error title=Mutant Lens gate::patch-mutation-score n/a%25 is under the floor of 90%25',
        mixedText,
      ].join('\n'),
    );
  });
});

describe('gitlab, the other cases', () => {
  const md5 = (key: string): string => createHash('md5').update(key).digest('hex');

  it('writes an empty array when nothing was found', () => {
    expect(formatResult(quiet, 'gitlab')).toBe('[]\n');
  });

  it('names a NoCoverage mutant no-coverage and fingerprints a mutant without replacement by an empty one', () => {
    expect(JSON.parse(formatGitlab(mixed))).toEqual([
      { description: 'NoCoverage: BlockStatement', check_name: 'mutant-lens/no-coverage', fingerprint: md5('survivor:src/a.ts:2:1:3:4:BlockStatement:'), severity: 'major', location: { path: 'src/a.ts', lines: { begin: 2, end: 3 } } },
      { description: 'Survived: Custom removed x', check_name: 'mutant-lens/survived', fingerprint: md5('survivor:src/a.ts:4:1:4:4:Custom:'), severity: 'major', location: { path: 'src/a.ts', lines: { begin: 4, end: 4 } } },
    ]);
  });
});

describe('formatResult', () => {
  it('picks the format asked for', () => {
    expect(formatResult(mixed, 'github')).toBe(formatGithub(mixed));
    expect(formatResult(mixed, 'gitlab')).toBe(formatGitlab(mixed));
    expect(formatResult(mixed, 'text')).toBe(formatText(mixed));
  });
});
