import { err, ok, type Result } from '../../shared/types';

/**
 * StrykerJS's html reporter embeds the report as `app.report = <json>;` on one line, with every
 * `<` written as `<"+"` so that no `</script>` can close the script. JSON has no `<` outside
 * strings, so turning each `<"+"` back into `<` restores the JSON exactly.
 */
const MARKER = 'app.report = ';
/** A whole page ends with `</html>`; a page cut off while being written does not. */
const ENDS_AS_HTML = /<\/html>\s*$/i;

export function extractEmbeddedReport(html: string): Result<string> {
  const at = html.lastIndexOf(MARKER);
  if (at < 0) return err(ENDS_AS_HTML.test(html) ? 'has no embedded mutation report (no "app.report = " found)' : 'is incomplete (the page ends before its embedded report)');
  const start = at + MARKER.length;
  const newline = html.indexOf('\n', start);
  let line = newline < 0 ? html.slice(start) : html.slice(start, newline);
  line = line.trimEnd();
  if (!line.endsWith(';')) return err('is incomplete (the embedded report does not end)');
  return ok(line.slice(0, -1).split('<"+"').join('<'));
}
