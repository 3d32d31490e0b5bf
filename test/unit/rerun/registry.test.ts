import { describe, expect, it } from 'vitest';
import { RunRegistry } from '../../../src/core/rerun/registry';

/** A run that ends when its signal aborts, with the abort reason's name. */
const untilAborted = (signal: AbortSignal): Promise<string> => new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted')));

describe('RunRegistry', () => {
  it('keeps one run per project and reports running/not running', async () => {
    const changes: boolean[] = [];
    const registry = new RunRegistry((running) => changes.push(running));
    const run = registry.start('/p', 'src/a.ts', async () => 'done');
    expect(registry.active('/p')?.label).toBe('src/a.ts');
    expect(() => registry.start('/p', 'src/b.ts', async () => 'x')).toThrow('A run is already active in /p');
    expect(await run).toBe('done');
    expect(registry.active('/p')).toBe(undefined);
    expect(changes).toEqual([true, false]);
  });

  it('cancels one project and waits for its end', async () => {
    const registry = new RunRegistry();
    const a = registry.start('/a', 'a', untilAborted);
    const b = registry.start('/b', 'b', untilAborted);
    expect(await registry.cancel('/a')).toBe(true);
    expect(await a).toBe('aborted');
    expect(registry.size).toBe(1);
    expect(await registry.cancel('/a')).toBe(false);
    expect(await registry.cancelAll()).toBe(1);
    expect(await b).toBe('aborted');
    expect(registry.size).toBe(0);
  });

  it('lets a new run start once a cancelled one has ended', async () => {
    const registry = new RunRegistry();
    void registry.start('/p', 'a', untilAborted);
    await registry.cancel('/p');
    expect(await registry.start('/p', 'b', async () => 'second')).toBe('second');
  });

  it('aborts every run on dispose', async () => {
    const registry = new RunRegistry();
    const runs = [registry.start('/a', 'a', untilAborted), registry.start('/b', 'b', untilAborted)];
    registry.dispose();
    expect(await Promise.all(runs)).toEqual(['aborted', 'aborted']);
  });

  it('counts a failed run as ended', async () => {
    const registry = new RunRegistry();
    await expect(registry.start('/p', 'a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(registry.size).toBe(0);
  });
});
