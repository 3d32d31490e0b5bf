import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('./mutmut.test');
  }, 180_000);
}
