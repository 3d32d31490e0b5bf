// The load environment the extension passes (src/mutation/reports.ts): real existsSync, one workspace folder.
import { existsSync } from 'node:fs';

export function loadEnvironment(projectDir) {
  return { workspaceFolders: [projectDir], exists: existsSync, findFilesNamed: async () => new Map(), maxBytes: 2 ** 31 };
}

export async function loadOrThrow(core, reportPath, projectDir) {
  const result = await core.loadReport(core.classifyReport(reportPath), loadEnvironment(projectDir));
  if (!result.ok) throw new Error(`the generated report did not load: ${result.error.message}`);
  return result.value;
}
