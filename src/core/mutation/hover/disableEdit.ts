/**
 * The edit that disables a mutant (a Stryker comment, mutmut's pragma, cargo-mutants' attribute):
 * a whole-line edit that inserts `text` as a new line before `line`, or replaces line `line` with it.
 */
export interface DisableCommentEdit {
  /** 0-based line in the current text. */
  readonly line: number;
  /** The line's new text, without a line break. */
  readonly text: string;
  /** True: `text` replaces line `line` (an existing comment gained a mutator); false: it is inserted above. */
  readonly replacesLine: boolean;
  /** Columns of the reason within `text`, to select it for editing. */
  readonly reasonStart: number;
  readonly reasonEnd: number;
}
