import { describe, expect, it } from 'vitest';
import { chooseReports, classifyReport } from '../../../../src/core/mutation/report/discovery';

describe('classifyReport', () => {
  it('knows each tool by where it writes', () => {
    expect(classifyReport('/ws/a/reports/mutation/mutation.json')).toEqual({ path: '/ws/a/reports/mutation/mutation.json', format: 'json', tool: 'stryker-js', packageDir: '/ws/a', group: 'stryker-js:/ws/a', rank: '0' });
    expect(classifyReport('/ws/a/reports/mutation/mutation.html')).toMatchObject({ format: 'html', tool: 'stryker-js', packageDir: '/ws/a', rank: '1' });
    expect(classifyReport('/ws/a/reports/stryker-incremental.json')).toMatchObject({ format: 'json', tool: 'stryker-js', packageDir: '/ws/a', rank: '2' });
    expect(classifyReport('/ws/n/StrykerOutput/2024-01-02.10-00-00/reports/mutation-report.json')).toMatchObject({ tool: 'stryker-net', packageDir: '/ws/n', group: 'stryker-net:/ws/n' });
    expect(classifyReport('/ws/s/target/stryker4s-report/1700000000000/report.json')).toMatchObject({ tool: 'stryker4s', packageDir: '/ws/s' });
    expect(classifyReport('/ws/p/target/pit-reports/json/report.json')).toEqual({ path: '/ws/p/target/pit-reports/json/report.json', format: 'json', tool: 'pitest', packageDir: '/ws/p', group: '/ws/p/target/pit-reports/json/report.json', rank: '0' });
    expect(classifyReport('/ws/x/custom.json')).toEqual({ path: '/ws/x/custom.json', format: 'json', tool: 'unknown', packageDir: '/ws/x', group: '/ws/x/custom.json', rank: '0' });
    expect(classifyReport('/ws/x/custom.html')).toMatchObject({ format: 'html', tool: 'unknown' });
  });

  it('reads Windows paths', () => {
    expect(classifyReport('C:\\ws\\a\\reports\\mutation\\mutation.json')).toMatchObject({ tool: 'stryker-js', packageDir: 'C:/ws/a' });
  });
});

describe('chooseReports', () => {
  it('prefers json, then html, then the incremental file, per package', () => {
    const chosen = chooseReports([
      '/ws/a/reports/stryker-incremental.json',
      '/ws/a/reports/mutation/mutation.html',
      '/ws/b/reports/stryker-incremental.json',
      '/ws/c/reports/mutation/mutation.html',
      '/ws/c/reports/stryker-incremental.json',
      '/ws/a/reports/mutation/mutation.json',
    ]);
    expect(chosen.map((c) => c.path)).toEqual(['/ws/a/reports/mutation/mutation.json', '/ws/b/reports/stryker-incremental.json', '/ws/c/reports/mutation/mutation.html']);
  });

  it('takes the newest timestamped folder', () => {
    const chosen = chooseReports([
      '/ws/n/StrykerOutput/2024-01-02.10-00-00/reports/mutation-report.json',
      '/ws/n/StrykerOutput/2024-03-01.09-00-00/reports/mutation-report.json',
      '/ws/n/StrykerOutput/2023-12-31.23-59-59/reports/mutation-report.json',
      '/ws/s/target/stryker4s-report/999999999999/report.json',
      '/ws/s/target/stryker4s-report/1700000000000/report.json',
    ]);
    expect(chosen.map((c) => c.path)).toEqual(['/ws/n/StrykerOutput/2024-03-01.09-00-00/reports/mutation-report.json', '/ws/s/target/stryker4s-report/1700000000000/report.json']);
  });

  it('keeps every pitest report', () => {
    expect(chooseReports(['/ws/p/target/pit-reports/b/report.json', '/ws/p/target/pit-reports/a/report.json']).map((c) => c.path)).toEqual([
      '/ws/p/target/pit-reports/a/report.json',
      '/ws/p/target/pit-reports/b/report.json',
    ]);
  });

  it("reads pitest's mutations.xml only where the package has no pitest schema report, the newest timestamp folder first", () => {
    expect(classifyReport('/ws/p/target/pit-reports/mutations.xml')).toEqual({ path: '/ws/p/target/pit-reports/mutations.xml', format: 'pitest-xml', tool: 'pitest', packageDir: '/ws/p', group: 'pitest:/ws/p', rank: '\uffff'.repeat(64) });
    expect(
      chooseReports([
        '/ws/p/target/pit-reports/202401011200/mutations.xml',
        '/ws/p/target/pit-reports/202402011200/mutations.xml',
        '/ws/q/target/pit-reports/202401011200/mutations.xml',
        '/ws/q/target/pit-reports/json/report.json',
      ]).map((c) => [c.path, c.format]),
    ).toEqual([
      ['/ws/p/target/pit-reports/202402011200/mutations.xml', 'pitest-xml'],
      ['/ws/q/target/pit-reports/json/report.json', 'json'],
    ]);
  });

  it("reads cargo-mutants' outcomes.json per output folder, never mutants.out.old", () => {
    expect(classifyReport('/ws/c/mutants.out/outcomes.json')).toEqual({ path: '/ws/c/mutants.out/outcomes.json', format: 'cargo-mutants', tool: 'cargo-mutants', packageDir: '/ws/c', group: 'cargo-mutants:/ws/c', rank: '0' });
    expect(classifyReport('/ws/c/mutants.out.old/outcomes.json')).toMatchObject({ tool: 'unknown', format: 'json' });
    expect(classifyReport('/ws/c/mutants.out/mutants.json')).toMatchObject({ tool: 'unknown' });
    expect(chooseReports(['/ws/c/mutants.out/outcomes.json', '/ws/d/mutants.out/outcomes.json']).map((c) => c.packageDir)).toEqual(['/ws/c', '/ws/d']);
  });
});
