import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { baselineFile, mergeBaseReportSource, readBaseReport, saveBaseline, savedBaselineSource, type BaseReportSource } from '../../../src/core/change/baseReports';
import { SAMPLE_REPORT } from './fixtures';

const REPORT_TEXT = readFileSync(SAMPLE_REPORT, 'utf8');
let dir: string;
let repo: string;
let mergeBaseCommit: string;

function git(args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: repo, encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mutant-lens-base-'));
  repo = path.join(dir, 'repo');
  mkdirSync(path.join(repo, 'reports/mutation'), { recursive: true });
  git(['init', '-q', '-b', 'main']);
  writeFileSync(path.join(repo, 'reports/mutation/mutation.json'), REPORT_TEXT);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'report at the base']);
  mergeBaseCommit = git(['rev-parse', 'HEAD']).trim();
  git(['checkout', '-q', '-b', 'feature']);
  writeFileSync(path.join(repo, 'reports/mutation/mutation.json'), '{"changed": true}');
  git(['commit', '-q', '-am', 'a newer report on the branch']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mergeBaseReportSource', () => {
  it('reads the report as committed at the merge base (not the branch tip, not the disk)', async () => {
    const source = mergeBaseReportSource({ gitPath: 'git', repoRoot: repo }, 'main');
    const r = await source.read(path.join(repo, 'reports/mutation/mutation.json'));
    expect(r).toEqual({ ok: true, value: { label: 'main', detail: `reports/mutation/mutation.json at ${mergeBaseCommit.slice(0, 12)} (merge base with main)`, text: REPORT_TEXT } });
  });

  it('has none for a report the merge base does not hold, or outside the repository', async () => {
    const source = mergeBaseReportSource({ gitPath: 'git', repoRoot: repo }, 'main');
    expect(await source.read(path.join(repo, 'other/mutation.json'))).toEqual({ ok: true, value: undefined });
    expect(await source.read(path.join(dir, 'mutation.json'))).toEqual({ ok: true, value: undefined });
  });

  it('is named, and has none for the repository root itself', async () => {
    const source = mergeBaseReportSource({ gitPath: 'git', repoRoot: repo }, 'main');
    expect(source.name).toBe('report at the merge base');
    expect(await source.read(repo)).toEqual({ ok: true, value: undefined });
  });

  it('says why when the base is unknown or the report is larger than the bound', async () => {
    const unknown = await mergeBaseReportSource({ gitPath: 'git', repoRoot: repo }, 'nope').read(path.join(repo, 'reports/mutation/mutation.json'));
    expect(unknown).toEqual({ ok: false, error: 'Base "nope" not found: fatal: Not a valid object name nope' });
    const bounded = await mergeBaseReportSource({ gitPath: 'git', repoRoot: repo, maxStdoutBytes: 1000 }, 'main').read(path.join(repo, 'reports/mutation/mutation.json'));
    expect(bounded).toEqual({ ok: false, error: 'git show failed: output too large' });
  });
});

describe('saved baselines', () => {
  it('saves a copy of the report per report path and reads it back', async () => {
    const storage = path.join(dir, 'storage');
    const report = path.join(repo, 'reports/mutation/mutation.json');
    const source = savedBaselineSource(storage, 10_000_000);
    expect(await source.read(report)).toEqual({ ok: true, value: undefined });
    expect(await saveBaseline(storage, report, 10_000_000)).toEqual({ ok: true, value: baselineFile(storage, report) });
    const r = await source.read(report);
    expect(r.ok && r.value?.text).toBe('{"changed": true}');
    expect(r.ok && r.value?.label).toBe('saved baseline');
    expect(path.dirname(baselineFile(storage, report))).toBe(path.join(storage, 'baselines'));
    expect(baselineFile(storage, report)).not.toBe(baselineFile(storage, `${report}x`));
  });

  it('refuses a report larger than the bound, and a missing report', async () => {
    const storage = path.join(dir, 'storage2');
    const report = path.join(repo, 'reports/mutation/mutation.json');
    expect(await saveBaseline(storage, report, 5)).toEqual({ ok: false, error: `${report} is larger than 5 bytes` });
    expect(await saveBaseline(storage, path.join(repo, 'missing.json'), 5)).toEqual({ ok: false, error: 'does not exist' });
    await saveBaseline(storage, report, 1000);
    expect(await savedBaselineSource(storage, 5).read(report)).toEqual({ ok: false, error: `${baselineFile(storage, report)} is larger than 5 bytes` });
  });
});

describe('saved baselines, exactly', () => {
  const report = (): string => path.join(repo, 'reports/mutation/mutation.json');

  it('keeps the baseline at <storage>/baselines/<sha256 of the report path>.report', () => {
    expect(baselineFile('/s', '/r/mutation.json')).toBe(path.join('/s', 'baselines', `${createHash('sha256').update('/r/mutation.json').digest('hex')}.report`));
  });

  it('is named, and says when the baseline was saved', async () => {
    const storage = path.join(dir, 'storage3');
    expect(await saveBaseline(storage, report(), 1000)).toEqual({ ok: true, value: baselineFile(storage, report()) });
    utimesSync(baselineFile(storage, report()), new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
    const source = savedBaselineSource(storage, 1000);
    expect(source.name).toBe('saved baseline');
    expect(await source.read(report())).toEqual({ ok: true, value: { label: 'saved baseline', detail: `baseline of ${report()} saved 2026-01-02 03:04 UTC`, text: '{"changed": true}' } });
  });

  it('takes a report of exactly the bound', async () => {
    const storage = path.join(dir, 'storage4');
    expect(await saveBaseline(storage, report(), '{"changed": true}'.length)).toEqual({ ok: true, value: baselineFile(storage, report()) });
  });

  it('refuses a folder, says why a path cannot be read, and why the baseline cannot be written', async () => {
    const storage = path.join(dir, 'storage5');
    expect(await saveBaseline(storage, repo, 10_000_000)).toEqual({ ok: false, error: `${repo} is not a file` });
    const through = path.join(report(), 'x');
    expect(await saveBaseline(storage, through, 10_000_000)).toEqual({ ok: false, error: `cannot read ${through} (ENOTDIR)` });
    const blocked = path.join(report(), 'storage');
    expect(await saveBaseline(blocked, report(), 10_000_000)).toEqual({ ok: false, error: `cannot write ${baselineFile(blocked, report())} (ENOTDIR)` });
  });
});

describe('readBaseReport', () => {
  const none: BaseReportSource = { name: 'none', read: () => Promise.resolve({ ok: true, value: undefined }) };
  const broken: BaseReportSource = { name: 'broken', read: () => Promise.resolve({ ok: false, error: 'no network' }) };
  const one: BaseReportSource = { name: 'one', read: () => Promise.resolve({ ok: true, value: { label: 'L', detail: 'D', text: 'T' } }) };

  it('takes the first source that has a report, collecting the problems of those before', async () => {
    expect(await readBaseReport([none, broken, one, broken], '/r')).toEqual({ base: { label: 'L', detail: 'D', text: 'T' }, problems: ['broken: no network'] });
    expect(await readBaseReport([none, broken], '/r')).toEqual({ base: undefined, problems: ['broken: no network'] });
    expect(await readBaseReport([], '/r')).toEqual({ base: undefined, problems: [] });
  });
});
