import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    // First: it activates the extension itself, after noting what the extension host holds.
    require('./quiet.test');
    require('./activation.test');
  });
}
