// Collects unhandled promise rejections and uncaught exceptions of the extension host while a
// suite runs (the extension runs in this same process).
export interface FaultWatch {
  readonly faults: string[];
  stop(): void;
}

export function watchFaults(): FaultWatch {
  const faults: string[] = [];
  const onRejection = (reason: unknown): void => void faults.push(`unhandledRejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  const onException = (error: Error): void => void faults.push(`uncaughtException: ${error.stack ?? error.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onException);
  return {
    faults,
    stop: () => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtExceptionMonitor', onException);
    },
  };
}
