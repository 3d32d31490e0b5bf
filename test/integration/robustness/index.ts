import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('./hostile.test');
    require('./race.test');
    require('./security.test');
  });
}
