import type { DisableCommentEdit } from '../../hover/disableEdit';

/**
 * mutmut's suppression comment, `# pragma: no mutate`, at the end of the mutant's line. mutmut
 * 3.8.1 (`mutmut/mutation/pragma_handling.py` `_parse_pragma_token`) takes any comment holding
 * both `# pragma:` and `no mutate` on a statement's line or a compound statement's header line,
 * so a line with a comment of its own can take it after that comment.
 */
export const MUTMUT_PRAGMA = '# pragma: no mutate';

/** The edit that appends the pragma to `lineText` (line `line`); undefined when the line already has one. */
export function mutmutPragmaEdit(line: number, lineText: string): DisableCommentEdit | undefined {
  const comment = lineText.indexOf('#');
  if (comment !== -1 && lineText.includes('# pragma:', comment) && lineText.includes('no mutate', comment)) return undefined;
  const text = `${lineText.replace(/[ \t]+$/, '')}  ${MUTMUT_PRAGMA}`;
  return { line, text, replacesLine: true, reasonStart: text.length, reasonEnd: text.length };
}
