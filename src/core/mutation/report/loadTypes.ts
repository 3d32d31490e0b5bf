/** What loading a report needs and how it fails; shared by the schema loader and the other tools' readers. */
import type { ReportProblem } from './parse';

export interface LoadProblem {
  /** `incomplete`: probably still being written; `missing`: the file is gone. */
  readonly kind: ReportProblem['kind'] | 'unreadable' | 'too-large' | 'missing';
  readonly message: string;
}

export interface LoadEnvironment {
  readonly workspaceFolders: readonly string[];
  readonly exists: (file: string) => boolean;
  /** Workspace files by base name, for keys that only a suffix match resolves. */
  readonly findFilesNamed: (names: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>;
  readonly maxBytes: number;
  /** Hears a JSON report's bytes once they are read, before they are decoded and parsed (the worker answers its priority files from them). */
  readonly beforeParse?: (bytes: Uint8Array) => void;
  /** Runs on this thread while a JSON report's bytes are being read (the worker compiles the schema's validator meanwhile). */
  readonly whileReading?: () => void;
}
