/**
 * A StrykerJS reporter plugin, shipped as dist/stryker-progress-reporter.js and loaded with
 * `--appendPlugins <that path> --reporters ...,mutant-lens-progress`. No dependencies.
 *
 * - Writes one JSON line per event to the file named by MUTANT_LENS_PROGRESS_FILE (see
 *   src/core/rerun/progress.ts for the line format).
 * - Writes the final full report to MUTANT_LENS_REPORT_FILE atomically (a temporary file in the
 *   same folder, then a rename), so that a file watcher never sees a half-written report.
 *
 * Stryker imports this module in every worker process too, so nothing happens at module top
 * level: files are opened in the constructor, which only runs in the main process.
 */
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PROGRESS_FILE_ENV, PROGRESS_REPORTER, REPORT_FILE_ENV } from '../core/rerun/protocol';

interface MutantPlan {
  readonly plan: string;
  readonly mutant: { readonly id: string };
}
interface TestedMutant {
  readonly id: string;
  readonly status: string;
  readonly fileName: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: unknown;
}
interface Metrics {
  readonly systemUnderTestMetrics?: { readonly metrics?: { readonly mutationScore?: number } };
}

export class ProgressReporter {
  private readonly fd: number | undefined;
  private readonly toRun = new Set<string>();
  private tested = 0;
  private survived = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor() {
    const file = process.env[PROGRESS_FILE_ENV];
    this.fd = file ? openSync(file, 'a') : undefined;
  }

  onMutationTestingPlanReady(event: { readonly mutantPlans: readonly MutantPlan[] }): void {
    for (const { plan, mutant } of event.mutantPlans) if (plan === 'Run') this.toRun.add(mutant.id);
    this.emit({ event: 'plan', total: this.toRun.size, mutants: event.mutantPlans.length });
  }

  onMutantTested(result: TestedMutant): void {
    if (!this.toRun.has(result.id)) return;
    this.tested++;
    if (result.status === 'Survived' || result.status === 'NoCoverage') this.survived++;
    const { id, status, fileName, mutatorName, replacement, location } = result;
    this.emit({ event: 'tested', tested: this.tested, total: this.toRun.size, survived: this.survived, mutant: { id, status, fileName, mutatorName, replacement, location } });
  }

  onMutationTestReportReady(report: { readonly files: object }, metrics?: Metrics): void {
    const target = process.env[REPORT_FILE_ENV];
    const score = metrics?.systemUnderTestMetrics?.metrics?.mutationScore;
    this.writing = Promise.resolve().then(() => {
      if (target) writeAtomically(resolve(target), JSON.stringify(report));
      this.emit({ event: 'report', path: target ? resolve(target) : null, files: Object.keys(report.files).length, score: score ?? null });
    });
  }

  async wrapUp(): Promise<void> {
    await this.writing;
    this.emit({ event: 'done' });
    if (this.fd !== undefined) closeSync(this.fd);
  }

  private emit(line: object): void {
    if (this.fd !== undefined) writeSync(this.fd, JSON.stringify(line) + '\n');
  }
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, path);
}

/** What Stryker's plugin loader looks for (`declareClassPlugin(PluginKind.Reporter, ...)` without the import). */
export const strykerPlugins = [{ kind: 'Reporter', name: PROGRESS_REPORTER, injectableClass: ProgressReporter }];
