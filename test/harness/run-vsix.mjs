// npm run test:vsix
// Packages the extension (npm run package), checks what the .vsix holds and its size,
// installs it into a fresh extensions dir with code-server's CLI, and runs
// test/integration/vsix in that VS Code: the packaged build, not the sources, must work.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup, runCleanups } from './cleanup.mjs';
import { installExtension } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { run } from './processes.mjs';
import { runSuite } from './suiteRunner.mjs';

const vsix = join(repoRoot, 'dist', 'mutant-lens.vsix');
const maxBytes = 1024 * 1024;
// What the package may hold (paths as `vsce ls` prints them).
const allowed = [/^dist\/[^/]+\.js$/, /^media\/.+/, /^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/];

try {
  await run('node', ['esbuild.mjs']); // the test suite (out/test/integration/vsix)
  await run('npm', ['run', 'package']);
  checkContents();
  checkSize();
  checkNpmArtifact();
  const extensionsDir = realpathSync(mkdtempSync(join(tmpdir(), 'mutant-lens-vsix-ext-')));
  onCleanup(() => rmSync(extensionsDir, { recursive: true, force: true }));
  await installExtension(vsix, extensionsDir);
  const result = await runSuite(
    {
      name: 'vsix',
      tests: 'out/test/integration/vsix/index',
      workspace: withCoverageFile,
      env: { MUTANT_LENS_EXPECTED_EXTENSIONS_DIR: extensionsDir },
    },
    // The workbench runs extension tests only in a development window: a probe extension
    // with another id opens one, so the installed Mutant Lens is the one under test.
    { extensionDevelopmentPath: makeProbeExtension(), extensionsDir },
  );
  process.exitCode = result.exitCode;
} catch (error) {
  console.error(`[harness] ${error.message}`);
  process.exitCode = 1;
} finally {
  await runCleanups();
}

function checkContents() {
  const listed = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const unexpected = listed.filter((file) => !allowed.some((pattern) => pattern.test(file)));
  if (unexpected.length > 0) throw new Error(`the .vsix would ship files .vscodeignore should leave out: ${unexpected.join(', ')}`);
  console.log(`[harness] the .vsix holds ${listed.length} files: ${listed.join(', ')}`);
}

/**
 * The npm artifact of the command-line gate: `npm pack` holds dist/cli.js and the manifest only,
 * and its `mutant-lens` bin runs from the unpacked tarball alone (everything bundled).
 */
function checkNpmArtifact() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'mutant-lens-npm-')));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8' }));
  const files = packed.files.map((file) => file.path).sort();
  const expected = ['LICENSE', 'README.md', 'dist/cli.js', 'package.json'];
  if (JSON.stringify(files) !== JSON.stringify(expected)) throw new Error(`npm pack holds ${files.join(', ')}; expected ${expected.join(', ')}`);
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', dir]);
  const manifest = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8'));
  const bin = join(dir, 'package', manifest.bin['mutant-lens']);
  const version = execFileSync(process.execPath, [bin, '--version'], { cwd: dir, encoding: 'utf8' });
  if (version !== `${manifest.version}\n`) throw new Error(`mutant-lens --version printed ${JSON.stringify(version)}`);
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'coverage'), { recursive: true });
  const git = (...args) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'a.js'), 'one\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'a');
  writeFileSync(join(repo, 'a.js'), 'one\ntwo\n');
  writeFileSync(join(repo, 'coverage', 'lcov.info'), 'SF:a.js\nDA:1,1\nDA:2,0\nend_of_record\n');
  let code = 0;
  let out = '';
  try {
    out = execFileSync(process.execPath, [bin, 'check', '--base', 'main', '--format', 'json', '--min-patch-coverage', '50'], { cwd: repo, encoding: 'utf8' });
  } catch (error) {
    code = error.status;
    out = String(error.stdout);
  }
  const summary = JSON.parse(out).summary;
  if (code !== 1 || summary.changedLines !== 1 || summary.coveredChangedLines !== 0) throw new Error(`the packed mutant-lens check gave exit ${code} and ${JSON.stringify(summary)}`);
  console.log(`[harness] npm pack: ${packed.filename} holds ${files.join(', ')}; its mutant-lens bin runs alone (exit 1 on an uncovered changed line)`);
}

function checkSize() {
  const bytes = statSync(vsix).size;
  if (bytes >= maxBytes) throw new Error(`${vsix} is ${bytes} bytes; it must stay under ${maxBytes}`);
  console.log(`[harness] ${vsix}: ${(bytes / 1024).toFixed(1)} KiB`);
}

function makeProbeExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'mutant-lens-vsix-probe-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const manifest = { name: 'vsix-probe', publisher: 'mutant-lens-tests', version: '0.0.0', engines: { vscode: '*' } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}

/** A workspace that matches the activation event workspaceContains:**\/coverage/lcov.info. */
function withCoverageFile(dir) {
  mkdirSync(join(dir, 'coverage'));
  writeFileSync(join(dir, 'coverage', 'lcov.info'), 'TN:\nSF:src/a.ts\nDA:1,1\nLF:1\nLH:1\nend_of_record\n');
  // A mutation report, loaded by the packaged report worker (dist/reportWorker.js).
  const source = 'const a = b >= c;\n';
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'a.ts'), source);
  mkdirSync(join(dir, 'reports', 'mutation'), { recursive: true });
  const mutant = { id: '1', mutatorName: 'EqualityOperator', replacement: 'b > c', status: 'Survived', location: { start: { line: 1, column: 11 }, end: { line: 1, column: 17 } } };
  const report = { schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'src/a.ts': { language: 'typescript', source, mutants: [mutant] } } };
  writeFileSync(join(dir, 'reports', 'mutation', 'mutation.json'), JSON.stringify(report));
}
