import { runMocha } from '../../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('./cargoRerun.test');
  }, 400_000);
}
