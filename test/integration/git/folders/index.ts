import { runMocha } from '../../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('../folders.test');
  });
}
