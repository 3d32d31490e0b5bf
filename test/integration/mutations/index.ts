import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('./diagnostics.test');
    require('./watcher.test');
    require('./edits.test');
    require('./early.test');
  });
}
