// The integration suites the harness runs inside a real VS Code (code-server), one
// code-server per suite. Each entry:
//   name       what `npm run test:integration -- <name>` selects
//   tests      the bundled suite module exporting run(), relative to the repo, without .js
//              (test/integration/<dir>/index.ts builds to out/test/integration/<dir>/index.js)
//   workspace  a folder relative to the repo, or a function (emptyTempDir) => folder | void
//   copy       true: copy the workspace folder to a temp dir first (for suites that write to it)
//   settings   user settings.json entries, on top of { security.workspace.trust.enabled: false }
//   timeoutMs  how long the whole suite may take, from opening the workbench (default 120 s)
//   explicit   true: runs only when named (`npm run test:integration -- <name>`), never in the full run
import { emptyWorkspace } from '../harness/workspaces.mjs';
import { hoverWorkspace } from './hover/workspace.mjs';
import { makeRobustnessWorkspace } from './robustness/workspace.mjs';
import { makeRerunWorkspace } from './rerun/workspace.mjs';
import { makeReadersWorkspace } from './readers/workspace.mjs';
import { makeToolsWorkspace } from './tools/workspace.mjs';
import { makeCargoRerunWorkspace } from './tools/rerun/workspace.mjs';
import { makeChangeWorkspace } from './change/workspace.mjs';
import { makeFoldersWorkspace, makeHostileWorkspace, makeWorktreeWorkspace } from './git/workspace.mjs';
import { makeMutmutWorkspace } from './mutmut/workspace.mjs';
import { makeDashboardBaseWorkspace, makeDashboardWorkspace } from './dashboard/workspace.mjs';
import { makeStallWorkspace } from './stall/workspace.mjs';

export const suites = [
  {
    name: 'activation',
    tests: 'out/test/integration/suite/index',
    workspace: emptyWorkspace,
    settings: {},
  },
  {
    name: 'mutations',
    tests: 'out/test/integration/mutations/index',
    workspace: 'test/fixtures/sample-project',
    copy: true,
    settings: {},
  },
  {
    name: 'hover',
    tests: 'out/test/integration/hover/index',
    workspace: hoverWorkspace,
    settings: {},
    timeoutMs: 180_000,
  },
  {
    name: 'rerun',
    tests: 'out/test/integration/rerun/index',
    workspace: makeRerunWorkspace,
    settings: {},
    timeoutMs: 300_000,
  },
  {
    // Issue 15: after a one-file rerun the other files keep their model objects (test hook
    // mutantLens.test.modelIdentity) and the rerun file's markers are exact.
    name: 'rerun-identity',
    tests: 'out/test/integration/rerun/identity/index',
    workspace: makeRerunWorkspace,
    settings: {},
    timeoutMs: 300_000,
  },
  {
    name: 'rerun-untrusted',
    tests: 'out/test/integration/rerun/untrusted/index',
    workspace: makeRerunWorkspace,
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
  },
  {
    name: 'mutmut',
    tests: 'out/test/integration/mutmut/index',
    workspace: makeMutmutWorkspace,
    settings: {},
    timeoutMs: 240_000,
  },
  {
    name: 'monorepo',
    tests: 'out/test/integration/monorepo/index',
    workspace: async (dir) => {
      const { makeMonorepoWorkspace } = await import('../fixtures/make-sample-workspace.mjs');
      await makeMonorepoWorkspace(dir, { linkNodeModules: false });
    },
    settings: {},
  },
  {
    name: 'robustness',
    tests: 'out/test/integration/robustness/index',
    workspace: makeRobustnessWorkspace,
    settings: { 'mutantLens.maxReportSizeMB': 100 },
    timeoutMs: 420_000,
  },
  {
    name: 'coverage',
    tests: 'out/test/integration/coverage/index',
    workspace: async (dir) => {
      const { makeSampleWorkspace } = await import('../fixtures/make-sample-workspace.mjs');
      await makeSampleWorkspace(dir, { linkNodeModules: false });
    },
    settings: {},
  },
  {
    name: 'readers',
    tests: 'out/test/integration/readers/index',
    workspace: makeReadersWorkspace,
    settings: {},
  },
  {
    name: 'tools',
    tests: 'out/test/integration/tools/index',
    workspace: makeToolsWorkspace,
    settings: {},
    timeoutMs: 180_000,
  },
  {
    // Needs cargo and cargo-mutants 27.1.0 on PATH (not installed by .ci/run): a real one-file rerun.
    name: 'tools-rerun',
    explicit: true,
    tests: 'out/test/integration/tools/rerun/index',
    workspace: makeCargoRerunWorkspace,
    settings: {},
    timeoutMs: 450_000,
  },
  {
    name: 'change',
    tests: 'out/test/integration/change/index',
    workspace: makeChangeWorkspace,
    settings: { 'mutantLens.change.verdicts': ['not-run', 'not-checked', 'checked', 'ran'] },
    timeoutMs: 180_000,
  },
  {
    // Issue 12: a repository whose config runs programs, opened untrusted; the test grants trust
    // through the harness (test/harness/pageActions.mjs).
    name: 'git-untrusted',
    tests: 'out/test/integration/git/trust/index',
    workspace: makeHostileWorkspace,
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
    timeoutMs: 180_000,
  },
  {
    // Issue 13: the .git watcher (the git extension off) in a linked worktree.
    name: 'git-watch',
    tests: 'out/test/integration/git/watch/index',
    workspace: makeWorktreeWorkspace,
    settings: { 'git.enabled': false },
  },
  {
    // Issue 13: no git and no .git watcher in a folder without coverage; the watcher goes with its folder.
    name: 'git-folders',
    tests: 'out/test/integration/git/folders/index',
    workspace: makeFoldersWorkspace,
    settings: { 'git.enabled': false },
  },
  {
    // The Stryker Dashboard as a report source: the tests start a Dashboard on 127.0.0.1 (port 0)
    // inside the extension host (test/support/dashboardServer.ts) and stop it themselves.
    name: 'dashboard',
    tests: 'out/test/integration/dashboard/index',
    workspace: makeDashboardWorkspace,
    settings: {},
  },
  {
    // The Dashboard's report of the base branch as the base of "new since <base>" (real git, no
    // report at the merge base); the tests start the Dashboard themselves.
    name: 'dashboard-base',
    tests: 'out/test/integration/dashboard/base/index',
    workspace: makeDashboardBaseWorkspace,
    settings: {},
    timeoutMs: 180_000,
  },
  {
    // Restricted Mode: nothing is fetched unless the base URL is in the user settings.
    name: 'dashboard-untrusted',
    tests: 'out/test/integration/dashboard/untrusted/index',
    workspace: makeDashboardWorkspace,
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
  },
  {
    // Issue 15: the bench's 100k-mutant report (about 60 MB, 2,000 source files) moved into place
    // while the test measures the extension host's longest stall (printed, never asserted).
    name: 'stall',
    tests: 'out/test/integration/stall/index',
    workspace: makeStallWorkspace,
    settings: {},
    timeoutMs: 360_000,
  },
];
