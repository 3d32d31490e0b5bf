// Runs the mocha suites of one integration folder inside the extension host. Each suite's
// index.ts calls runSuites(require.context-free list of files) from its exported run().
import Mocha from 'mocha';

export function runMocha(register: () => void, timeoutMs = 60_000): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: timeoutMs, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'bundled', mocha);
  register();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
