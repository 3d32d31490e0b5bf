import { runMocha } from '../mochaRunner';

// Run by test/harness/run-vsix.mjs against the packaged extension installed from the .vsix
// (no extensionDevelopmentPath), not by the integration suite list.
export function run(): Promise<void> {
  return runMocha(() => {
    require('./installed.test');
  });
}
