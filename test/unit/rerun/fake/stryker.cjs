// A stand-in for @stryker-mutator/core/bin/stryker.js: behaves as ./mode.txt in the cwd says.
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const mode = fs.readFileSync('mode.txt', 'utf8').trim();
const seedAt = process.argv.indexOf('--incrementalFile');
const seed = seedAt < 0 ? null : fs.readFileSync(process.argv[seedAt + 1], 'utf8');
fs.writeFileSync('seen.json', JSON.stringify({ args: process.argv.slice(2), seed, progressFile: process.env.MUTANT_LENS_PROGRESS_FILE }));
// Stryker's sandbox: a copy of the project in the temp folder, node_modules linked.
const makeSandbox = () => {
  const temp = fs.existsSync('temp-dir.txt') ? fs.readFileSync('temp-dir.txt', 'utf8').trim() : '.stryker-tmp';
  fs.mkdirSync(`${temp}/sandbox-fake/src`, { recursive: true });
  fs.writeFileSync(`${temp}/sandbox-fake/src/a.ts`, 'copy');
  if (fs.existsSync('node_modules')) fs.symlinkSync(require('node:path').resolve('node_modules'), `${temp}/sandbox-fake/node_modules`);
};
const progress = (line) => fs.appendFileSync(process.env.MUTANT_LENS_PROGRESS_FILE, JSON.stringify(line) + '\n');
if (mode === 'success' || mode === 'break') {
  progress({ event: 'plan', total: 2, mutants: 9 });
  const location = { start: { line: 2, column: 7 }, end: { line: 2, column: 18 } };
  progress({ event: 'tested', tested: 1, total: 2, survived: 1, mutant: { id: '1', status: 'Survived', fileName: require('node:path').resolve('src/a.ts'), mutatorName: 'ConditionalExpression', replacement: 'true', location } });
  progress({ event: 'tested', tested: 2, total: 2, survived: 1, mutant: { id: '2', status: 'Killed', fileName: 'src/a.ts', mutatorName: 'BlockStatement', replacement: '{}', location } });
  fs.writeFileSync(process.env.MUTANT_LENS_REPORT_FILE, '{"files":{"new":{}}}');
  progress({ event: 'report', path: process.env.MUTANT_LENS_REPORT_FILE, files: 1, score: 50 });
  console.log('INFO done');
  process.exit(mode === 'break' ? 1 : 0);
}
if (mode === 'red') {
  makeSandbox();
  console.log('ERROR Stryker There were failed tests in the initial test run.');
  process.exit(1);
}
if (mode === 'hang') {
  makeSandbox();
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  fs.writeFileSync('child.pid', String(child.pid));
  progress({ event: 'plan', total: 5, mutants: 5 });
  setInterval(() => {}, 1000);
}
if (mode === 'killed') {
  // Killed from outside mid-run (out of memory, `kill -9`): no report, no exit code.
  progress({ event: 'plan', total: 5, mutants: 5 });
  progress({ event: 'tested', tested: 1, total: 5, survived: 0 });
  makeSandbox();
  process.kill(process.pid, 'SIGKILL');
}
if (mode === 'unwritable') {
  // What StrykerJS prints when the reporter cannot write the report (a read-only folder).
  progress({ event: 'plan', total: 2, mutants: 2 });
  console.log("ERROR Stryker Error: EACCES: permission denied, open '/work/app/reports/mutation/mutation.json.4242.tmp'");
  console.log('    at Object.openSync (node:fs:573:18)');
  process.exit(1);
}
