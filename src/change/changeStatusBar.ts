import * as vscode from 'vscode';
import { scoreLevel } from '../core/mutation/score';
import type { StatusExtension } from '../coverage/coverageStatusBar';
import type { Settings } from '../shared/config';
import type { ChangeModel } from './changeModel';

export const LIST_UNDETECTED_COMMAND = 'mutantLens.listUndetectedChangeMutants';

/** `4 mutants not yet tested since your edit` */
export function staleText(stale: number): string {
  return `${stale} ${stale === 1 ? 'mutant' : 'mutants'} not yet tested since your edit`;
}

/** The change's part of the patch coverage item: `9/12 mutants caught (75%)`, new survivors, the scope. */
export function changeStatus(model: ChangeModel, settings: Settings, hasReports: boolean, firstLoads = false): StatusExtension | undefined {
  if (!hasReports && settings.scope === 'all') return undefined;
  if (firstLoads) return { text: '', tooltip: [], background: undefined, command: LIST_UNDETECTED_COMMAND, reading: true };
  const score = model.score();
  const parts: string[] = [];
  if (score.mutants > 0) parts.push(`${score.detected}/${score.mutants} mutants caught (${Math.floor(score.mutationScore)}%)`);
  else parts.push(score.stale > 0 ? staleText(score.stale) : 'no mutants on changed lines');
  if ((score.newSurvivors ?? 0) > 0) parts.push(`+${score.newSurvivors ?? 0} new ${score.newSurvivors === 1 ? 'survivor' : 'survivors'}`);
  if (settings.scope === 'change') parts.push('only the change');
  const thresholds = model.thresholds();
  const level = thresholds === undefined ? 'none' : scoreLevel(score.mutationScore, thresholds);
  const tooltip = [
    `Mutants on changed lines: ${score.detected} of ${score.mutants} caught${score.mutants > 0 ? ` (${score.mutationScore.toFixed(2)}%)` : ''}${thresholds === undefined ? '' : `; thresholds high ${thresholds.high}, low ${thresholds.low}`}`,
    ...(score.stale > 0 ? [staleText(score.stale)] : []),
    ...(score.newSurvivors === undefined ? ['No base report: new survivors unknown'] : [`${score.newSurvivors} new ${score.newSurvivors === 1 ? 'survivor' : 'survivors'} against the base report`]),
    settings.scope === 'change' ? 'Scope: only the change (markers and Problems show mutants on changed lines)' : 'Scope: all mutants',
    'Click to list the undetected mutants on changed lines.',
  ];
  const background = level === 'low' ? new vscode.ThemeColor('statusBarItem.errorBackground') : level === 'medium' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  return { text: parts.join(' · '), tooltip, background, command: LIST_UNDETECTED_COMMAND };
}
