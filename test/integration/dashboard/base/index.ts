import { runMocha } from '../../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('./base.test');
  });
}
