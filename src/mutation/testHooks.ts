import * as vscode from 'vscode';
import type { ReportStore } from '../core/mutation/store/reportStore';
import { ObjectIds } from '../core/shared/objectIds';

/** The model objects of every loaded report, as numbers: report path → source file path → [the file's object, each of its mutants' objects]. */
export type ModelIdentity = Record<string, Record<string, number[]>>;

/**
 * Test-only command `mutantLens.test.modelIdentity`, registered only when the extension runs
 * under an extension test runner (ExtensionMode.Test), never contributed in package.json: the
 * integration tests read through it whether a reload kept a file's model objects (issue 15).
 */
export function registerTestHooks(context: vscode.ExtensionContext, store: ReportStore): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  const ids = new ObjectIds();
  context.subscriptions.push(
    vscode.commands.registerCommand('mutantLens.test.modelIdentity', (): ModelIdentity => {
      const identity: ModelIdentity = {};
      for (const entry of store.all()) {
        const files: Record<string, number[]> = {};
        for (const [path, file] of entry.report?.files ?? []) files[path] = [ids.of(file), ...file.mutants.map((mutant) => ids.of(mutant))];
        identity[entry.candidate.path] = files;
      }
      return identity;
    }),
  );
}
