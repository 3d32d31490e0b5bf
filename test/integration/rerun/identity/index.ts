import { runMocha } from '../../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('../identity.test');
  }, 240_000);
}
