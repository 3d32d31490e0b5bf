import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(() => {
    require('./hover.test');
    require('./diffView.test');
    require('./hostile.test');
    require('./codeActions.test');
  });
}
