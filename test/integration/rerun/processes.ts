import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';

export interface Proc {
  readonly pid: number;
  readonly pgid: number;
  readonly args: string;
}

/** Every live process of the machine (zombies left out: a container's PID 1 may never reap them). */
export function processes(): Proc[] {
  const text = execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !m[3]!.startsWith('Z'))
    .map((m) => ({ pid: Number(m[1]), pgid: Number(m[2]), args: m[4]! }));
}

/** Stryker processes (its main process and its workers) whose working folder is inside `dir`. */
export function strykerProcessesIn(dir: string): Proc[] {
  return processes().filter((p) => {
    if (!/stryker/i.test(p.args)) return false;
    try {
      const cwd = readlinkSync(`/proc/${p.pid}/cwd`);
      return cwd === dir || cwd.startsWith(`${dir}/`);
    } catch {
      return false;
    }
  });
}

export function inGroup(pgid: number): Proc[] {
  return processes().filter((p) => p.pgid === pgid);
}
