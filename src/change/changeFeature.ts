import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatchScore } from '../core/change/patchScore';
import type { LineVerdict } from '../core/change/verdicts';
import type { ShownMutantDetail } from '../core/mutation/shown';
import type { CoverageFeature } from '../coverage/coverageFeature';
import type { MutationFeature } from '../mutation/mutationFeature';
import { onSettingsChanged, readSettings, SECTIONS, type Settings } from '../shared/config';
import type { Log } from '../shared/log';
import { nextTurn } from '../shared/pending';
import { ChangeBases } from './changeBases';
import { registerTestCodeActions } from './changeCodeActions';
import { listUndetectedChangeMutants, openTest, saveReportAsBaseline, setScope } from './changeCommands';
import { ChangeDecorations } from './changeDecorations';
import { registerChangeHover } from './changeHover';
import { ChangeModel } from './changeModel';
import { ChangeScope } from './changeScope';
import { changeStatus, LIST_UNDETECTED_COMMAND } from './changeStatusBar';

export interface ChangeFeature {
  readonly patchScore: (path?: string) => PatchScore;
  /** The verdicts drawn for a file (those the setting mutantLens.change.verdicts picks). */
  readonly lineVerdicts: (path: string) => readonly LineVerdict[];
  readonly onChangedLine: (path: string, shown: ShownMutantDetail) => boolean;
  readonly newSinceBase: (path: string, shown: ShownMutantDetail) => boolean | undefined;
  readonly settled: () => Promise<void>;
}

/** Made before the mutation feature, which asks it what to show. */
export function createChangeScope(context: vscode.ExtensionContext): ChangeScope {
  const scope = new ChangeScope(readSettings);
  context.subscriptions.push(scope);
  return scope;
}

/** Is my change verified? Patch mutation score, one verdict per changed line, new survivors against the base. */
export function registerChangeFeature(context: vscode.ExtensionContext, deps: { log: Log; mutations: MutationFeature; coverage: CoverageFeature; scope: ChangeScope }): ChangeFeature {
  const { log, mutations, coverage, scope } = deps;
  let settings: Settings = readSettings();
  const current = (): Settings => settings;
  const bases = new ChangeBases(context.storageUri?.fsPath, path.join(context.globalStorageUri.fsPath, 'dashboard'), current, coverage.folderStates, coverage.gitPath, log, (text, format) => mutations.reports.parseBase(text, format));
  const model = new ChangeModel(mutations, coverage, bases);
  const decorations = new ChangeDecorations(vscode.Uri.joinPath(context.extensionUri, 'media'), model, current);
  /**
   * Whether the change's figures have been whole once: the first discovery and loads, the
   * changed lines, the placements and the base reports those loads ask for, all settled. Until
   * then the item says it is reading (the figures moved for about a second: no changed lines, then
   * a score without new survivors, then the whole). Later changes update the figures in place.
   */
  let hadFigures = false;
  coverage.extendStatusBar(() => {
    const entries = mutations.store.all();
    // A report's first load in flight (nothing yet, or only its first files): the change's numbers are not known.
    const firstLoads = entries.some((entry) => entry.status === 'loading' && (entry.report === undefined || entry.partial === true));
    return changeStatus(model, settings, entries.length > 0, firstLoads || !hadFigures);
  });
  void (async () => {
    // A base report is asked for when the model is computed, after a load: settle again until a round starts nothing new.
    do {
      await mutations.settled();
      await coverage.settled();
      await nextTurn();
      await bases.settled();
    } while (mutations.busy() || bases.reading());
    hadFigures = true;
    coverage.redrawStatusBar();
  })();
  const redraw = (): void => {
    decorations.refresh();
    coverage.redrawStatusBar();
  };
  context.subscriptions.push(
    bases,
    model,
    decorations,
    scope.attach(model),
    model.onDidChange(redraw),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations.refresh()),
    registerChangeHover(mutations.query, model),
    registerTestCodeActions(mutations.query),
    vscode.commands.registerCommand('mutantLens.showOnlyTheChange', () => setScope('change')),
    vscode.commands.registerCommand('mutantLens.showEverything', () => setScope('all')),
    vscode.commands.registerCommand(LIST_UNDETECTED_COMMAND, () => listUndetectedChangeMutants(model)),
    vscode.commands.registerCommand('mutantLens.saveReportAsBaseline', (arg: unknown) => saveReportAsBaseline(mutations.store, bases, context.storageUri, settings, log, arg)),
    vscode.commands.registerCommand('mutantLens.openTest', (arg: unknown) => openTest(arg)),
    onSettingsChanged(['mutantLens.dashboard'], () => bases.forget()),
    onSettingsChanged(SECTIONS.change, () => {
      settings = readSettings();
      model.recompute();
    }),
  );
  // The first verdicts after activate() returns (there is nothing to judge before the first load).
  void nextTurn().then(() => model.recompute());
  return {
    patchScore: (path) => model.score(path),
    lineVerdicts: (path) => model.verdicts(path).filter((v) => settings.changeVerdicts.has(v.verdict)),
    onChangedLine: (path, shown) => model.onChangedLine(path, shown),
    newSinceBase: (path, shown) => model.about(path, shown)?.newSinceBase,
    settled: () => bases.settled(),
  };
}
