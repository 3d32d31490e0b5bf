// A copy of test/fixtures/mutmut-project (its mutants/ made by the real mutmut 3.8.1) with the
// project's own mutmut in `.venv/bin/mutmut`: a link to the mutmut of the virtual environment in
// MUTANT_LENS_MUTMUT_VENV, else the repo's .cache/py/venv (made by .ci/run or
// test/fixtures/regenerate-mutmut.sh: `python3.11 -m venv .cache/py/venv &&
// .cache/py/venv/bin/pip install -r test/fixtures/mutmut-requirements.txt`).
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixture = join(repoRoot, 'test', 'fixtures', 'mutmut-project');
const venv = process.env.MUTANT_LENS_MUTMUT_VENV ?? join(repoRoot, '.cache', 'py', 'venv');
const LEFT_OUT = new Set(['__pycache__', '.pytest_cache', 'mutmut-results.txt', 'mutmut-show.txt']);

export function makeMutmutWorkspace(dir) {
  const mutmut = join(venv, 'bin', 'mutmut');
  if (!existsSync(mutmut)) {
    throw new Error(`${mutmut} is missing: python3.11 -m venv ${venv} && ${venv}/bin/pip install -r test/fixtures/mutmut-requirements.txt (or set MUTANT_LENS_MUTMUT_VENV)`);
  }
  cpSync(fixture, dir, { recursive: true, filter: (path) => !LEFT_OUT.has(basename(path)) });
  mkdirSync(join(dir, '.venv', 'bin'), { recursive: true });
  symlinkSync(mutmut, join(dir, '.venv', 'bin', 'mutmut'));
  return dir;
}
