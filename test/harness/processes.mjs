// Small helpers around child processes: run to completion with live output, stop a
// process group, poll a condition with a deadline.
import { spawn } from 'node:child_process';
import { repoRoot } from './paths.mjs';

/** Runs a command with inherited stdio; rejects with the exit code in the message. */
export function run(command, args, { cwd = repoRoot, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

/** Resolves when the child has exited (at once when it already has). */
export function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Stops a child started with `detached: true` and everything it started: SIGTERM to its
 * process group, SIGKILL if it has not exited after `graceMs`.
 */
export async function stopGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child.pid, 'SIGKILL'); // leftovers of an exited leader
    return;
  }
  signalGroup(child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited(child).then(() => true), delay(graceMs).then(() => false)]);
  signalGroup(child.pid, 'SIGKILL');
  if (!stopped) await exited(child);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `check` every `intervalMs` until it returns a truthy value; throws `message` (a string
 * or a function giving one) at the deadline.
 */
export async function pollUntil(check, { timeoutMs, intervalMs = 200, message }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) {
      throw new Error(`${typeof message === 'function' ? message() : message} (waited ${Math.round(timeoutMs / 1000)} s)`);
    }
    await delay(intervalMs);
  }
}
