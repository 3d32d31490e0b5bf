import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/gate/options';

const defaults = { base: undefined, minPatchCoverage: undefined, minPatchMutationScore: undefined, format: 'text', output: undefined, exclude: undefined, cwd: undefined };

describe('parseCommand', () => {
  it('takes check with no options as the defaults', () => {
    expect(parseCommand(['check'])).toEqual({ ok: true, value: { kind: 'check', options: defaults } });
  });

  it('takes every option, in both spellings', () => {
    const argv = ['check', '--base', 'origin/main', '--min-patch-coverage=80', '--min-patch-mutation-score', '62.5', '--format', 'json', '--output', 'out.json', '--exclude', '**/gen/**', '--exclude=**/*.d.ts', '--cwd', 'pkg'];
    expect(parseCommand(argv)).toEqual({
      ok: true,
      value: { kind: 'check', options: { base: 'origin/main', minPatchCoverage: 80, minPatchMutationScore: 62.5, format: 'json', output: 'out.json', exclude: ['**/gen/**', '**/*.d.ts'], cwd: 'pkg' } },
    });
  });

  it('takes an empty --exclude as "exclude nothing"', () => {
    expect(parseCommand(['check', '--exclude='])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, exclude: [] } } });
    expect(parseCommand(['check', '--exclude', 'a', '--exclude', ''])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, exclude: ['a'] } } });
  });

  it('takes every format', () => {
    for (const format of ['text', 'json', 'markdown', 'github', 'gitlab']) {
      expect(parseCommand(['check', '--format', format])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, format } } });
    }
  });

  it('takes the bounds of a percentage', () => {
    expect(parseCommand(['check', '--min-patch-coverage', '0'])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, minPatchCoverage: 0 } } });
    expect(parseCommand(['check', '--min-patch-mutation-score', '100'])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, minPatchMutationScore: 100 } } });
  });

  it('takes a percentage with several decimals, and one with spaces around it', () => {
    expect(parseCommand(['check', '--min-patch-coverage', '12.25'])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, minPatchCoverage: 12.25 } } });
    expect(parseCommand(['check', '--min-patch-mutation-score= 80 '])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, minPatchMutationScore: 80 } } });
  });

  it.each([
    [['check', '=80'], 'Unknown option "=80" (see --help).'],
    [['check', '--min-patch-coverage', '101'], '--min-patch-coverage must be a percentage from 0 to 100 (got "101").'],
    [['check', '--min-patch-coverage', '-1'], '--min-patch-coverage must be a percentage from 0 to 100 (got "-1").'],
    [['check', '--min-patch-mutation-score', '80%'], '--min-patch-mutation-score must be a percentage from 0 to 100 (got "80%").'],
    [['check', '--min-patch-mutation-score', ''], '--min-patch-mutation-score must be a percentage from 0 to 100 (got "").'],
    [['check', '--min-patch-coverage', '1e2'], '--min-patch-coverage must be a percentage from 0 to 100 (got "1e2").'],
    [['check', '--format', 'xml'], '--format must be one of text, json, markdown, github, gitlab (got "xml").'],
    [['check', '--base'], '--base needs a value (see --help).'],
    [['check', '--base', ' '], '--base needs a branch or commit.'],
    [['check', '--output='], '--output needs a file path.'],
    [['check', '--cwd='], '--cwd needs a folder.'],
    [['check', '--verbose'], 'Unknown option "--verbose" (see --help).'],
    [['check', 'extra'], 'Unknown option "extra" (see --help).'],
    [['run'], 'Unknown command "run": the command is `mutant-lens check` (see --help).'],
  ])('refuses %j with one line', (argv, message) => {
    expect(parseCommand(argv)).toEqual({ ok: false, error: message });
  });

  it('answers help and version', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) expect(parseCommand(argv)).toEqual({ ok: true, value: { kind: 'help' } });
    for (const argv of [['--version'], ['-v']]) expect(parseCommand(argv)).toEqual({ ok: true, value: { kind: 'version' } });
  });

  it('trims the base', () => {
    expect(parseCommand(['check', '--base', ' main '])).toEqual({ ok: true, value: { kind: 'check', options: { ...defaults, base: 'main' } } });
  });
});
