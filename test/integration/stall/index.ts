import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('./stall.test');
  }, 300_000);
}
