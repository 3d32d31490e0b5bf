import { describe, expect, it } from 'vitest';
import { changeHoverMarkdown, isOpenTestArgs, openTestArgs } from '../../../src/core/change/hoverText';
import { encodeCommandArgs } from '../../../src/core/mutation/hover/links';
import type { MutantTest } from '../../../src/core/change/tests';

const test = (over: Partial<MutantTest> = {}): MutantTest => ({ id: '1', name: 'adds [up]', kills: false, file: '/w/t.test.ts', location: undefined, ...over });

describe('changeHoverMarkdown', () => {
  it('says new since the base, and links each test to our own command with its file and name', () => {
    const link = (args: object): string => `(command:mutantLens.openTest?${encodeCommandArgs([args])})`;
    expect(changeHoverMarkdown({ title: 'Tests of M', newSinceBase: true, baseLabel: 'main', tests: [test({ kills: true, location: { line: 3, character: 2 } }), test({ id: '2', name: 'b' })] })).toBe(
      `**Tests of M**: new since main\n- killed by [adds \\[up\\]]${link({ file: '/w/t.test.ts', name: 'adds [up]', line: 3, character: 2 })}\n- covered by [b]${link({ file: '/w/t.test.ts', name: 'b' })}`,
    );
  });
  it('says already there, or nothing about the base; a test without a file is not a link; no test is said', () => {
    expect(changeHoverMarkdown({ title: 'T', newSinceBase: false, baseLabel: 'saved baseline', tests: [test({ file: undefined, name: 'n' })] })).toBe('**T**: already there in saved baseline\n- covered by n');
    expect(changeHoverMarkdown({ title: 'T*', newSinceBase: undefined, baseLabel: undefined, tests: [] })).toBe('**T\\***\nNo test covers it.');
  });
  it('lists exactly eight tests without a count of more', () => {
    const tests = Array.from({ length: 8 }, (_, i) => test({ id: String(i), name: `t${i}`, file: undefined }));
    const text = changeHoverMarkdown({ title: 'T', newSinceBase: false, baseLabel: undefined, tests });
    expect(text.split('\n')).toEqual(['**T**: already there in the base', ...tests.map((t) => `- covered by ${t.name}`)]);
  });
  it('lists at most eight tests and says how many more', () => {
    const tests = Array.from({ length: 10 }, (_, i) => test({ id: String(i), name: `t${i}`, file: undefined }));
    const text = changeHoverMarkdown({ title: 'T', newSinceBase: undefined, baseLabel: undefined, tests });
    expect(text.split('\n').slice(-2)).toEqual(['- covered by t7', '- and 2 more']);
    expect(text.split('\n')).toHaveLength(10);
  });
});

describe('open test arguments', () => {
  it('carry the file, the name and the location when known', () => {
    expect(openTestArgs(test())).toEqual({ file: '/w/t.test.ts', name: 'adds [up]' });
    expect(openTestArgs(test({ location: { line: 0, character: 4 } }))).toEqual({ file: '/w/t.test.ts', name: 'adds [up]', line: 0, character: 4 });
    expect(openTestArgs(test({ file: undefined }))).toBeUndefined();
  });
  it('are checked when they arrive from a link', () => {
    expect(isOpenTestArgs({ file: '/a', name: 'n' })).toBe(true);
    // A function has a string name of its own: still not arguments.
    expect(isOpenTestArgs(Object.assign(() => 0, { file: '/a' }))).toBe(false);
    expect(isOpenTestArgs({ file: '/a', name: 'n', line: 2, character: 0 })).toBe(true);
    expect([null, 'x', { file: 1, name: 'n' }, { file: '/a' }, { file: '/a', name: 'n', line: -1 }, { file: '/a', name: 'n', line: 1.5 }, { file: '/a', name: 'n', character: '2' }].map(isOpenTestArgs)).toEqual([false, false, false, false, false, false, false]);
  });
});
