// Teardown that runs however the run ends: normally (the caller awaits runCleanups), on
// SIGINT/SIGTERM, or on an uncaught error. Each registered function runs once.
const pending = new Set();
let signalled = false;

/** Registers a teardown; returns a function that runs it now and unregisters it. */
export function onCleanup(fn) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    pending.delete(once);
    await fn();
  };
  pending.add(once);
  return once;
}

/** True once a signal asked the run to stop (teardown is under way). */
export function interrupted() {
  return signalled;
}

/** Runs every teardown still registered, newest first. Never throws. */
export async function runCleanups() {
  for (const fn of [...pending].reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error(`cleanup failed: ${error?.message ?? error}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    console.error(`\n${signal}: stopping code-server and the browser...`);
    void runCleanups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
