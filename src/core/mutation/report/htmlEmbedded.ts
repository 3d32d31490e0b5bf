import { err, ok, type Result } from '../../shared/types';

/**
 * StrykerJS's html reporter embeds the report as `app.report = <json>;` on a line of its own
 * (indented), with every `<` written as `<"+"` so that no `</script>` can close the script. JSON has
 * no `<` outside strings, so turning each `<"+"` back into `<` restores the JSON exactly.
 *
 * The marker counts only at the start of a line (after spaces or tabs): the embedded sources may
 * contain it too (a Stryker4s page holds it 9 times, 8 inside its own reporter's sources), but
 * inside the JSON their line breaks are written `\n`, so none of them starts a line of the page.
 */
const MARKER = 'app.report = ';
/** A whole page ends with `</html>`; a page cut off while being written does not. */
const ENDS_AS_HTML = /<\/html>\s*$/i;

export function extractEmbeddedReport(html: string): Result<string> {
  const at = lastMarkerAtLineStart(html);
  if (at < 0) return err(ENDS_AS_HTML.test(html) ? 'has no embedded mutation report (no "app.report = " found)' : 'is incomplete (the page ends before its embedded report)');
  const start = at + MARKER.length;
  const newline = html.indexOf('\n', start);
  let line = newline < 0 ? html.slice(start) : html.slice(start, newline);
  line = line.trimEnd();
  if (!line.endsWith(';')) return err('is incomplete (the embedded report does not end)');
  return ok(line.slice(0, -1).split('<"+"').join('<'));
}

/** The last occurrence of the marker with only spaces or tabs before it on its line; -1 when none. */
export function lastMarkerAtLineStart(html: string): number {
  // The marker at 0 starts the text, so the search never goes on from 0 (lastIndexOf(…, -1) would find it again).
  for (let at = html.lastIndexOf(MARKER); at >= 0; at = html.lastIndexOf(MARKER, at - 1)) {
    if (startsLine(html, at)) return at;
  }
  return -1;
}

function startsLine(html: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = html.charCodeAt(i);
    if (c === 10 /* LF */) return true;
    if (c !== 32 && c !== 9 /* space, tab */) return false;
  }
  return true;
}
