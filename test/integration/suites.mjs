// The integration suites the harness runs inside a real VS Code (code-server), one
// code-server per suite. Each entry:
//   name       what `npm run test:integration -- <name>` selects
//   tests      the bundled suite module exporting run(), relative to the repo, without .js
//              (test/integration/<dir>/index.ts builds to out/test/integration/<dir>/index.js)
//   workspace  a folder relative to the repo, or a function (emptyTempDir) => folder | void
//   copy       true: copy the workspace folder to a temp dir first (for suites that write to it)
//   settings   user settings.json entries, on top of { security.workspace.trust.enabled: false }
//   timeoutMs  how long the whole suite may take, from opening the workbench (default 120 s)
import { emptyWorkspace } from '../harness/workspaces.mjs';
import { hoverWorkspace } from './hover/workspace.mjs';
import { makeRobustnessWorkspace } from './robustness/workspace.mjs';
import { makeRerunWorkspace } from './rerun/workspace.mjs';
import { makeDashboardWorkspace } from './dashboard/workspace.mjs';

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
    name: 'rerun-untrusted',
    tests: 'out/test/integration/rerun/untrusted/index',
    workspace: makeRerunWorkspace,
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
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
    timeoutMs: 150_000,
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
    // The Stryker Dashboard as a report source: the tests start a Dashboard on 127.0.0.1 (port 0)
    // inside the extension host (test/support/dashboardServer.ts) and stop it themselves.
    name: 'dashboard',
    tests: 'out/test/integration/dashboard/index',
    workspace: makeDashboardWorkspace,
    settings: {},
  },
  {
    // Restricted Mode: nothing is fetched unless the base URL is in the user settings.
    name: 'dashboard-untrusted',
    tests: 'out/test/integration/dashboard/untrusted/index',
    workspace: makeDashboardWorkspace,
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
  },
];
