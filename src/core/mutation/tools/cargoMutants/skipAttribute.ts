/**
 * The `#[mutants::skip]` quick fix for cargo-mutants: the attribute goes above the function that
 * encloses the mutant (cargo-mutants honours it on functions, impl, trait and mod blocks; it needs
 * the `mutants` crate as a dependency). The function is found in the current text, walking up from
 * the mutant's line to the nearest line that starts a function item, so that edits since the run
 * do not matter.
 */
import { DEFAULT_DISABLE_REASON, type DisableCommentEdit } from '../../hover/disableComment';

export const SKIP_ATTRIBUTE = '#[mutants::skip]';
const FN_ITEM = /^([ \t]*)(?:pub(?:\([^)]*\))?\s+)?(?:(?:const|async|unsafe|default|extern(?:\s+"[^"]*")?)\s+)*fn\s+[A-Za-z_]/;
/** Attribute, doc comment or comment lines that may sit between an existing skip and the fn. */
const ITEM_PREFIX = /^[ \t]*(?:#\[|\/\/)/;

/**
 * The edit that inserts `#[mutants::skip] // <reason>` above the enclosing function, given the
 * current lines; undefined when no function encloses the line or it is already skipped.
 */
export function skipAttributeEdit(lineAt: (line: number) => string | undefined, mutantLine: number): DisableCommentEdit | undefined {
  for (let line = mutantLine; line >= 0; line--) {
    const text = lineAt(line);
    if (text === undefined) return undefined;
    const fn = FN_ITEM.exec(text);
    if (fn === null) continue;
    if (alreadySkipped(lineAt, line)) return undefined;
    const head = `${fn[1] ?? ''}${SKIP_ATTRIBUTE} // `;
    return { line, text: head + DEFAULT_DISABLE_REASON, replacesLine: false, reasonStart: head.length, reasonEnd: head.length + DEFAULT_DISABLE_REASON.length };
  }
  return undefined;
}

function alreadySkipped(lineAt: (line: number) => string | undefined, fnLine: number): boolean {
  for (let line = fnLine - 1; line >= 0; line--) {
    const text = lineAt(line) ?? '';
    if (!ITEM_PREFIX.test(text)) return false;
    if (text.includes('mutants::skip')) return true;
  }
  return false;
}
