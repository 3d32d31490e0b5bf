import { clipEnd } from '../core/mutation/hover/text';
import { quoted } from '../core/shared/sanitize';
import type { RefusedGlob, Settings } from './config';
import type { Log } from './log';

/** The log line for a glob the matcher refuses. */
export function refusedGlobMessage(refused: RefusedGlob): string {
  return `Setting mutantLens.${refused.setting}: the pattern ${quoted(clipEnd(refused.glob, 60))} ${refused.reason}; it matches nothing`;
}

/** Says once per pattern that a glob of `setting` is refused (each feature owns its setting). */
export function sayRefusedGlobs(log: Log, setting: RefusedGlob['setting']): (settings: Settings) => void {
  const said = new Set<string>();
  return (settings) => {
    for (const refused of settings.refusedGlobs) {
      if (refused.setting !== setting || said.has(refused.glob)) continue;
      said.add(refused.glob);
      log.warn(refusedGlobMessage(refused));
    }
  };
}
