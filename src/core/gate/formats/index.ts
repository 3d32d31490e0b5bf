import type { GateFormat } from '../options';
import type { GateResult } from '../result';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatText } from './text';

export function formatResult(result: GateResult, format: GateFormat): string {
  switch (format) {
    case 'json':
      return formatJson(result);
    case 'markdown':
      return formatMarkdown(result);
    case 'github':
      return formatGithub(result);
    case 'gitlab':
      return formatGitlab(result);
    default:
      return formatText(result);
  }
}
