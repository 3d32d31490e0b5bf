import * as vscode from 'vscode';

export interface RerunSettings {
  /** `mutantLens.rerun.command` from user or machine settings only (never a workspace's). */
  readonly commandTemplate: readonly unknown[] | undefined;
  readonly timeoutMs: number;
}

const DEFAULT_TIMEOUT_MINUTES = 30;

export function readRerunSettings(): RerunSettings {
  const config = vscode.workspace.getConfiguration('mutantLens.rerun');
  // Only globalValue: a workspace (or folder) value would let a cloned repository pick the program.
  const command = config.inspect<unknown>('command')?.globalValue;
  const minutes = config.get<unknown>('timeoutMinutes');
  return {
    commandTemplate: Array.isArray(command) && command.length > 0 ? command : undefined,
    timeoutMs: (typeof minutes === 'number' && minutes > 0 ? minutes : DEFAULT_TIMEOUT_MINUTES) * 60_000,
  };
}
