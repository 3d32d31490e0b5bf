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
  /** Whether the change's figures have been whole once (after the first loads, their bases and placements). */
  let hadFigures = false;
  let redrawWhenSettled = false;
  coverage.extendStatusBar(() => {
    const entries = mutations.store.all();
    // A report's first load in flight (nothing yet, or only its first files): the change's numbers are not known.
    const firstLoads = entries.some((entry) => entry.status === 'loading' && (entry.report === undefined || entry.partial === true));
    // Right after the first loads, base reports are read and the files' mutants placed in their current text: the figures still move.
    const settling = !hadFigures && !firstLoads && entries.length > 0 && (bases.reading() || mutations.busy());
    if (!firstLoads && !settling && entries.length > 0) hadFigures = true;
    if (settling && !redrawWhenSettled) {
      redrawWhenSettled = true;
      void settledAll().then(() => {
        redrawWhenSettled = false;
        coverage.redrawStatusBar();
      });
    }
    return changeStatus(model, settings, entries.length > 0, firstLoads || settling);
  });
  const settledAll = async (): Promise<void> => {
    await mutations.settled();
    await bases.settled();
  };
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
