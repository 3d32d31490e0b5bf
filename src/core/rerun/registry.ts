/** At most one run per project: each run owns an AbortController; cancelling waits for the end. */
export interface ActiveRun {
  readonly label: string;
  readonly controller: AbortController;
  readonly done: Promise<unknown>;
}

export class RunRegistry {
  private readonly runs = new Map<string, ActiveRun>();

  constructor(private readonly onChange: (running: boolean) => void = () => {}) {}

  active(projectDir: string): ActiveRun | undefined {
    return this.runs.get(projectDir);
  }

  get size(): number {
    return this.runs.size;
  }

  /** Starts `body` as the project's run. The caller makes sure none is active. */
  start<T>(projectDir: string, label: string, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.runs.has(projectDir)) throw new Error(`A run is already active in ${projectDir}`);
    const controller = new AbortController();
    const done = body(controller.signal).finally(() => {
      if (this.runs.get(projectDir)?.controller === controller) this.runs.delete(projectDir);
      this.onChange(this.runs.size > 0);
    });
    this.runs.set(projectDir, { label, controller, done });
    this.onChange(true);
    return done;
  }

  /** Aborts the project's run and waits until it has ended; false when none was running. */
  async cancel(projectDir: string): Promise<boolean> {
    const run = this.runs.get(projectDir);
    if (run === undefined) return false;
    run.controller.abort();
    await run.done.catch(() => undefined);
    return true;
  }

  async cancelAll(): Promise<number> {
    const dirs = [...this.runs.keys()];
    await Promise.all(dirs.map((d) => this.cancel(d)));
    return dirs.length;
  }

  /** Aborts every run without waiting (deactivation: the process groups get SIGTERM now, SIGKILL after 1 s). */
  dispose(): void {
    for (const run of this.runs.values()) run.controller.abort();
  }
}
