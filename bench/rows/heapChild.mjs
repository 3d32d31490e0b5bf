// Run by rows/heap.mjs as `node --expose-gc --trace-gc heapChild.mjs <core.cjs> <report> <load|parse>`.
// Exactly one explicit gc() before the work and one after, so the parent can find the work's
// garbage collections between the two "testing" GCs in V8's trace.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const [coreFile, reportPath, mode] = process.argv.slice(2);
const core = createRequire(import.meta.url)(coreFile);
const candidate = core.classifyReport(reportPath);
const env = { workspaceFolders: [dirname(dirname(dirname(reportPath)))], exists: existsSync, findFilesNamed: async () => new Map(), maxBytes: 2 ** 31 };

// Warm the code paths (ajv compiles its validator on first use) on a tiny report first.
core.parseReportText(JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: {} }), 'json');

globalThis.gc();
let kept;
if (mode === 'load') {
  const result = await core.loadReport(candidate, env);
  if (!result.ok) throw new Error(result.error.message);
  kept = result.value;
} else {
  kept = JSON.parse(readFileSync(reportPath, 'utf8'));
}
globalThis.gc();
process.stdout.write(`\nRESULT ${JSON.stringify({ kept: kept !== undefined })}\n`);
