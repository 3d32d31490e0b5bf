import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { findLogFile, readLog } from '../robustness/logFile';
import { workspaceFile } from '../helpers';

/** Runs git in `cwd` (outside the extension: the test's own commands). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** The plain text of the Mutant Lens coverage hover at a line: one string per paragraph, markdown escapes undone. */
export async function coverageHover(file: string, line: number): Promise<string[][]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile(file), new vscode.Position(line, 2));
  return hovers
    .flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((text) => text.startsWith('**Mutant Lens: coverage**'))
    .map((text) =>
      text
        .split('\n\n')
        .filter((part) => part !== '')
        .map((part) => part.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!~|<>])/g, '$1')),
    );
}

/** The texts of the log lines of the "Mutant Lens" channel that start with `prefix`. */
export function logLines(prefix: string): string[] {
  return readLog(findLogFile())
    .map((line) => line.text)
    .filter((text) => text.startsWith(prefix));
}
