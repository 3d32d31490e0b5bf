import * as vscode from 'vscode';
import type { ShownMutantDetail } from '../core/mutation/shown';
import type { MutantScope } from '../mutation/mutantScope';
import type { Settings } from '../shared/config';
import type { ChangeModel } from './changeModel';

/**
 * The change's say over the mutation markers and Problems: in `change` scope only mutants on
 * changed lines; `new since <base>` on new survivors; the gutter glyph of lines with a drawn verdict.
 * Created before the features it joins; the model is attached once it exists.
 */
export class ChangeScope implements MutantScope, vscode.Disposable {
  private model: ChangeModel | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly settings: () => Settings) {}

  attach(model: ChangeModel): vscode.Disposable {
    this.model = model;
    return model.onDidChange(() => this.emitter.fire());
  }

  changed(): void {
    this.emitter.fire();
  }

  shownOf(path: string, mutants: readonly ShownMutantDetail[]): ShownMutantDetail[] {
    // Read once per file, not per mutant: a 2,000-mutant file read the settings 2,000 times (a second of the host's thread).
    if (this.settings().scope === 'all') return [...mutants];
    const model = this.model;
    return model === undefined ? [] : mutants.filter((shown) => model.onChangedLine(path, shown));
  }

  note(path: string, shown: ShownMutantDetail): string | undefined {
    const about = this.model?.about(path, shown);
    return about?.newSinceBase === true && about.baseLabel !== undefined ? `new since ${about.baseLabel}` : undefined;
  }

  glyphLines(path: string): ReadonlySet<number> {
    const drawn = this.settings().changeVerdicts;
    return new Set((this.model?.verdicts(path) ?? []).filter((v) => drawn.has(v.verdict)).map((v) => v.line));
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
