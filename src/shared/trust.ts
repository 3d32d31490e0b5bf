import * as vscode from 'vscode';
import { setProcessGate } from '../core/shared/process';

/**
 * No child process of any kind while the workspace is untrusted: every start through
 * core/shared/process asks Workspace Trust first (git reads repository config that runs programs).
 */
export function gateProcessesOnTrust(): vscode.Disposable {
  const previous = setProcessGate(() => (vscode.workspace.isTrusted ? undefined : 'the workspace is not trusted (Restricted Mode)'));
  return { dispose: () => void setProcessGate(previous) };
}
