import * as vscode from 'vscode';
import type { Range } from '../core/shared/types';

/** The one place where core ranges (plain, 0-based) become VS Code ranges. */
export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
