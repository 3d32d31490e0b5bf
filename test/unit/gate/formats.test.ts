import { describe, expect, it } from 'vitest';
import { formatResult } from '../../../src/core/gate/formats';
import { escapeData, escapeProperty, formatGithub } from '../../../src/core/gate/formats/github';
import { escapeMarkdown, fence } from '../../../src/core/gate/formats/markdown';
import { oneLine } from '../../../src/core/gate/formats/plain';
import { checkGates, formatPercent, lineRanges, statusOf, type GateResult } from '../../../src/core/gate/result';

const summary = { changedLines: 4, coveredChangedLines: 3, patchCoverage: 75, mutants: 3, detected: 2, undetected: 1, patchMutationScore: (2 / 3) * 100, stale: 1, newSurvivors: 1 };

const result: GateResult = {
  status: 'fail',
  base: 'origin/main',
  mergeBase: '0123456789abcdef0123',
  gates: [
    { name: 'patch-coverage', min: 80, actual: 75, passed: false },
    { name: 'patch-mutation-score', min: 50, actual: (2 / 3) * 100, passed: true },
  ],
  summary,
  files: [{ file: 'src/a.ts', ...summary }],
  uncovered: [
    { file: 'src/a.ts', line: 3, kind: 'uncovered' },
    { file: 'src/b.ts', line: 1, kind: 'no-coverage-data' },
  ],
  survivors: [{ file: 'src/a.ts', line: 5, column: 7, endLine: 5, endColumn: 13, mutator: 'EqualityOperator', replacement: 'a > b', original: 'a >= b', status: 'Survived', new: true, description: null }],
  notes: ['1 lcov SF paths name no file here; left out'],
};

describe('text', () => {
  it('says the gates, the uncovered lines and the survivors', () => {
    expect(formatResult(result, 'text')).toBe(
      [
        'mutant-lens check: FAIL against origin/main (merge base 0123456789ab)',
        'Patch coverage: 3/4 changed lines ran (75.00%), floor 80%: FAIL',
        'Patch mutation score: 2/3 mutants caught (66.67%), floor 50%: pass; 1 not tested since the change; 1 new since the base',
        'Changed lines that never ran (1):',
        '  src/a.ts: 3',
        'Changed files no lcov file knows: src/b.ts',
        'Mutants on changed lines that no test caught (1):',
        '  src/a.ts:5:7 Survived: EqualityOperator "a >= b" → "a > b" (new)',
        'Note: 1 lcov SF paths name no file here; left out',
        '',
      ].join('\n'),
    );
  });
});

describe('json', () => {
  it('writes the documented fields, 1-based, without the original text or notes', () => {
    expect(JSON.parse(formatResult(result, 'json'))).toEqual({
      status: 'fail',
      base: 'origin/main',
      mergeBase: '0123456789abcdef0123',
      gates: result.gates,
      summary,
      files: result.files,
      uncovered: result.uncovered,
      survivors: [{ file: 'src/a.ts', line: 5, column: 7, endLine: 5, endColumn: 13, mutator: 'EqualityOperator', replacement: 'a > b', status: 'Survived', new: true }],
    });
  });
});

describe('github', () => {
  it('writes one workflow command per finding, an error per failed gate, then the summary', () => {
    const lines = formatGithub(result).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '::warning file=src/a.ts,line=3,endLine=3,title=Changed line never ran::Line 3 changed and no test ran it.',
      '::warning file=src/a.ts,line=5,endLine=5,col=7,endColumn=13,title=Mutant not caught%3A EqualityOperator::Survived: EqualityOperator "a >= b" → "a > b"',
      '::error title=Mutant Lens gate::patch-coverage 75.00%25 is under the floor of 80%25',
    ]);
    expect(lines[3]).toBe('mutant-lens check: FAIL against origin/main (merge base 0123456789ab)');
  });

  it('escapes report text so that it cannot end the command or start another', () => {
    const hostile: GateResult = {
      ...result,
      gates: [],
      uncovered: [],
      survivors: [{ ...result.survivors[0]!, file: 'src/x,y:z%.ts', mutator: 'M\n::error::forged', replacement: '%0A::set-output name=x::1\r\n', original: 'a' }],
    };
    const out = formatGithub(hostile);
    expect(out.split('\n')[0]).toBe(
      '::warning file=src/x%2Cy%3Az%25.ts,line=5,endLine=5,col=7,endColumn=13,title=Mutant not caught%3A M⏎%3A%3Aerror%3A%3Aforged::Survived: M⏎::error::forged "a" → "%250A::set-output name=x::1⏎"',
    );
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(1);
  });

  it('escapes data and properties as GitHub documents', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});

describe('markdown', () => {
  it('writes a table per gate and each survivor diff in a collapsible block', () => {
    expect(formatResult(result, 'markdown')).toBe(
      [
        '### Mutant Lens: ❌ fail',
        '',
        'Changed lines against `origin/main` (merge base `0123456789ab`).',
        '',
        '| gate | measured | floor | result |',
        '|---|---|---|---|',
        '| patch coverage | 3/4 lines ran (75.00%) | 80% | ❌ |',
        '| patch mutation score | 2/3 mutants caught (66.67%) | 50% | ✅ |',
        '',
        '1 mutants not tested since the change. 1 new survivors since the base.',
        '',
        '#### Changed lines that never ran (1)',
        '',
        '| file | lines |',
        '|---|---|',
        '| src/a\\.ts | 3 |',
        '',
        '#### Mutants on changed lines that no test caught (1)',
        '',
        '| where | mutator | status |',
        '|---|---|---|',
        '| src/a\\.ts:5:7 | EqualityOperator | Survived (new) |',
        '',
        '<details><summary>Diffs</summary>',
        '',
        'src/a\\.ts:5:7 EqualityOperator',
        '',
        '```diff\n- a >= b\n+ a > b\n```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('escapes markup, HTML and mentions in report text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [l](http://e) @team | *b* `c`\n# h')).toBe(
      '&lt;img src=x onerror=alert\\(1\\)&gt; \\[l\\]\\(http\\://e\\) &#64;team \\| \\*b\\* \\`c\\`⏎\\# h',
    );
  });

  it('fences text with a fence longer than any backtick run inside', () => {
    expect(fence('a ``` b', 'diff')).toBe('````diff\na ``` b\n````');
    expect(fence('plain', '')).toBe('```\nplain\n```');
  });

  it('shows a description when a mutant has no replacement', () => {
    const out = formatResult({ ...result, survivors: [{ ...result.survivors[0]!, replacement: null, description: 'removed call to foo' }] }, 'markdown');
    expect(out).toContain('```diff\n# removed call to foo\n```');
  });

  it('names bidi and zero-width characters in a survivor diff instead of letting them reorder the code', () => {
    const out = formatResult({ ...result, survivors: [{ ...result.survivors[0]!, original: 'a\u202eb\u2028c', replacement: 'd\u200be' }] }, 'markdown');
    expect(out).toContain('```diff\n- a<U+202E>b\n- c\n+ d<U+200B>e\n```');
  });
});

describe('gitlab', () => {
  it('writes a Code Quality issue per uncovered line and per survivor', () => {
    expect(JSON.parse(formatResult(result, 'gitlab'))).toEqual([
      { description: 'Changed line 3 never ran in the tests.', check_name: 'mutant-lens/uncovered-changed-line', fingerprint: '378e5e3262e9d809b9829628965c0fd0', severity: 'minor', location: { path: 'src/a.ts', lines: { begin: 3, end: 3 } } },
      { description: 'Survived: EqualityOperator "a >= b" → "a > b"', check_name: 'mutant-lens/survived', fingerprint: '37c7d3066c66f936d7514825f555853a', severity: 'major', location: { path: 'src/a.ts', lines: { begin: 5, end: 5 } } },
    ]);
  });
});

describe('result helpers', () => {
  it('checks only the floors asked for; nothing measured passes', () => {
    expect(checkGates(summary, { minPatchCoverage: undefined, minPatchMutationScore: undefined })).toEqual([]);
    expect(checkGates(summary, { minPatchCoverage: 75, minPatchMutationScore: 66.67 })).toEqual([
      { name: 'patch-coverage', min: 75, actual: 75, passed: true },
      { name: 'patch-mutation-score', min: 66.67, actual: (2 / 3) * 100, passed: false },
    ]);
    expect(checkGates({ ...summary, patchCoverage: null }, { minPatchCoverage: 100, minPatchMutationScore: undefined })).toEqual([{ name: 'patch-coverage', min: 100, actual: null, passed: true }]);
    expect(statusOf([])).toBe('pass');
    expect(statusOf(checkGates(summary, { minPatchCoverage: 75, minPatchMutationScore: 50 }))).toBe('pass');
    expect(statusOf(checkGates(summary, { minPatchCoverage: 76, minPatchMutationScore: undefined }))).toBe('fail');
  });

  it('formats percentages and line ranges', () => {
    expect([formatPercent(null), formatPercent(100), formatPercent(2 / 3)]).toEqual(['n/a', '100.00%', '0.67%']);
    expect(lineRanges([1, 3, 4, 5, 9, 10])).toBe('1, 3-5, 9-10');
    expect(lineRanges([])).toBe('');
  });

  it('makes report text one safe line', () => {
    // The extension's one sanitizer (core/shared/sanitize `visible`): invisible characters are named, not dropped.
    expect(oneLine('a\r\nb\u202ec\u200bd\te\u0007')).toBe('a⏎b<U+202E>c<U+200B>d e<U+0007>');
    expect(oneLine('so\u00adft\u2028tag\udb40\udc41')).toBe('so<U+00AD>ft⏎tag<U+E0041>');
    expect(escapeMarkdown('x\u202ey')).toBe('x&lt;U\\+202E&gt;y');
    expect(oneLine('abcdef', 4)).toBe('abc…');
    expect(oneLine('abcd', 4)).toBe('abcd');
  });
});
