/**
 * The `mutant-lens` command-line program (dist/cli.js): the same verdict as the editor, for CI.
 * Exit codes: 0 every gate passes, 1 a gate fails, 2 bad usage or input.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatResult } from '../core/gate/formats';
import { formatMarkdown } from '../core/gate/formats/markdown';
import { parseCommand, USAGE } from '../core/gate/options';
import { DEFAULT_GATE_SETTINGS, parseSettingsFile, type GateSettings } from '../core/gate/settingsFile';
import { runCheck, UsageError } from './check';
import { findGit, readTextInside, walkFiles } from './files';

declare const MUTANT_LENS_VERSION: string;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const command = parseCommand(argv);
  if (!command.ok) return usage(io, command.error);
  if (command.value.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command.value.kind === 'version') {
    io.stdout(`${typeof MUTANT_LENS_VERSION === 'string' ? MUTANT_LENS_VERSION : 'dev'}\n`);
    return 0;
  }
  const options = command.value.options;
  const cwd = path.resolve(io.cwd, options.cwd ?? '.');
  try {
    const settings = await readSettings(cwd);
    const git = await findGit(io.env, io.cwd, cwd);
    if (git === undefined) return usage(io, 'git was not found on PATH (absolute entries outside the checked folder only): install git.');
    const walk = walkFiles(cwd);
    const result = await runCheck(options, settings, git, cwd, walk.files);
    const text = formatResult(result, options.format);
    if (options.output === undefined) io.stdout(text);
    else writeOutput(path.resolve(io.cwd, options.output), text);
    if (options.format === 'github' && io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, formatMarkdown(result));
    return result.status === 'pass' ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
}

function usage(io: Io, message: string): number {
  io.stderr(`mutant-lens: ${message}\n`);
  return 2;
}

async function readSettings(cwd: string): Promise<GateSettings> {
  const file = path.join(cwd, '.vscode', 'settings.json');
  const read = await readTextInside(cwd, file, 1024 * 1024);
  if (!read.ok) {
    if (read.missing) return DEFAULT_GATE_SETTINGS;
    throw new UsageError(`${file} ${read.reason}`);
  }
  const parsed = parseSettingsFile(read.text);
  if (!parsed.ok) throw new UsageError(`${file} ${parsed.error}`);
  return parsed.value;
}

function writeOutput(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
