/** A GitLab Code Quality report (JSON array of issues), shown in the merge request's widget and diff. */
import { createHash } from 'node:crypto';
import type { GateResult } from '../result';
import { survivorMessage } from './plain';

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

export function formatGitlab(result: GateResult): string {
  const issues: CodeQualityIssue[] = [];
  for (const u of result.uncovered) {
    if (u.kind !== 'uncovered') continue;
    issues.push(issue(`Changed line ${u.line} never ran in the tests.`, 'mutant-lens/uncovered-changed-line', 'minor', u.file, u.line, u.line, `uncovered:${u.file}:${u.line}`));
  }
  for (const m of result.survivors) {
    const key = `survivor:${m.file}:${m.line}:${m.column}:${m.endLine}:${m.endColumn}:${m.mutator}:${m.replacement ?? ''}`;
    issues.push(issue(survivorMessage(m), `mutant-lens/${m.status === 'Survived' ? 'survived' : 'no-coverage'}`, 'major', m.file, m.line, m.endLine, key));
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}

function issue(description: string, checkName: string, severity: CodeQualityIssue['severity'], path: string, begin: number, end: number, key: string): CodeQualityIssue {
  return { description, check_name: checkName, fingerprint: createHash('md5').update(key).digest('hex'), severity, location: { path, lines: { begin, end } } };
}
