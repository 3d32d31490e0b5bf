import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractEmbeddedReport } from '../../../../src/core/mutation/report/htmlEmbedded';
import { looksTruncated, parseJson, parseReportText } from '../../../../src/core/mutation/report/parse';
import { SAMPLE_HTML, mutant, sampleJsonText, tinyReport } from './fixtures';

describe('parseReportText', () => {
  it('accepts the real StrykerJS report', () => {
    const result = parseReportText(sampleJsonText(), 'json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.value.files).sort()).toEqual(['src/cart.ts', 'src/format.ts', 'src/shipping.ts', 'src/validate.ts']);
  });

  it('reads the report embedded in the real html report, identical to the json one', () => {
    const fromHtml = parseReportText(readFileSync(SAMPLE_HTML, 'utf8'), 'html');
    const fromJson = parseReportText(sampleJsonText(), 'json');
    expect(fromHtml).toEqual(fromJson);
  });

  it('strips a byte order mark', () => {
    const result = parseReportText(`\ufeff${JSON.stringify(tinyReport([mutant()]))}`, 'json');
    expect(result.ok).toBe(true);
  });

  it('calls empty and whitespace-only text incomplete', () => {
    expect(parseReportText('', 'json')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is empty' } });
    expect(parseReportText(' \n', 'json')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is empty' } });
    // Blank to trim but not to JSON.parse: a no-break space, a byte order mark alone.
    expect(parseReportText('\u00a0\n', 'json')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is empty' } });
    expect(parseReportText('\ufeff', 'json')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is empty' } });
    expect(parseJson('\t')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is empty' } });
  });

  it('calls every truncation of the real report incomplete', () => {
    const text = sampleJsonText();
    const step = Math.max(1, Math.floor(text.length / 97));
    for (let cut = 1; cut < text.length; cut += step) {
      const result = parseReportText(text.slice(0, cut), 'json');
      expect(result, `cut at ${cut}`).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the JSON ends early)' } });
    }
  });

  it('calls broken JSON a syntax error with the parser message', () => {
    expect(parseReportText('{"a":1}}', 'json')).toEqual({
      ok: false,
      error: { kind: 'syntax', message: 'is not valid JSON: Unexpected non-whitespace character after JSON at position 7' },
    });
  });

  it('names the first schema violation', () => {
    const bad = tinyReport([mutant({ status: 'Alive' })]);
    expect(parseReportText(JSON.stringify(bad), 'json')).toEqual({
      ok: false,
      error: { kind: 'schema', message: 'is not a valid mutation report: /files/src~1a.ts/mutants/0/status must be equal to one of the allowed values' },
    });
  });

  it('rejects a report without thresholds', () => {
    const bad = { schemaVersion: '1', files: {} };
    expect(parseReportText(JSON.stringify(bad), 'json')).toEqual({
      ok: false,
      error: { kind: 'schema', message: "is not a valid mutation report: the report must have required property 'thresholds'" },
    });
  });

  it('rejects line 0 (positions are 1-based)', () => {
    const bad = tinyReport([mutant({ location: { start: { line: 0, column: 1 }, end: { line: 1, column: 2 } } })]);
    expect(parseReportText(JSON.stringify(bad), 'json')).toEqual({
      ok: false,
      error: { kind: 'schema', message: 'is not a valid mutation report: /files/src~1a.ts/mutants/0/location/start/line must be >= 1' },
    });
  });

  it('rejects two identical mutants (uniqueItems) but accepts equal ids that differ', () => {
    const twice = tinyReport([mutant(), mutant()]);
    expect(parseReportText(JSON.stringify(twice), 'json')).toEqual({
      ok: false,
      error: { kind: 'schema', message: 'is not a valid mutation report: /files/src~1a.ts/mutants must NOT have duplicate items (mutant 1)' },
    });
    const sameId = tinyReport([mutant(), mutant({ replacement: 'b <= c' })]);
    expect(parseReportText(JSON.stringify(sameId), 'json').ok).toBe(true);
  });

  it('says when an html file has no report, and when it is cut off', () => {
    expect(parseReportText('<html></html>', 'html')).toEqual({ ok: false, error: { kind: 'syntax', message: 'has no embedded mutation report (no "app.report = " found)' } });
    expect(parseReportText('<script>\n  app.report = {"a":', 'html')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the embedded report does not end)' } });
    expect(parseReportText('', 'html')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the page ends before its embedded report)' } });
  });

  it('takes a page without a report for one still being written unless it ends with </html>', () => {
    const page = '<!DOCTYPE html>\n<html><body><script src="app.js"></script>\n';
    expect([
      parseReportText(page, 'html'),
      parseReportText(`${page}</body></HTML>\r\n`, 'html'),
      parseReportText(`${page}</html> <!-- end -->`, 'html'),
    ]).toEqual([
      { ok: false, error: { kind: 'incomplete', message: 'is incomplete (the page ends before its embedded report)' } },
      { ok: false, error: { kind: 'syntax', message: 'has no embedded mutation report (no "app.report = " found)' } },
      { ok: false, error: { kind: 'incomplete', message: 'is incomplete (the page ends before its embedded report)' } },
    ]);
  });
});

describe('extractEmbeddedReport', () => {
  it('turns each <"+" back into <', () => {
    expect(extractEmbeddedReport('x\n  app.report = {"a":"<"+"/script>"};\n  y')).toEqual({ ok: true, value: '{"a":"</script>"}' });
  });

  it('takes the last assignment and tolerates a missing newline', () => {
    expect(extractEmbeddedReport('app.report = 1;\napp.report = {"b":2};')).toEqual({ ok: true, value: '{"b":2}' });
  });

  it('takes the marker only at the start of a line, after spaces or tabs', () => {
    const page = '<script>\r\n \t app.report = {"s":"app.report = 1;"};\r\n  x.app.report = 2;\n// app.report = 3;\n</script></html>';
    expect(extractEmbeddedReport(page)).toEqual({ ok: true, value: '{"s":"app.report = 1;"}' });
  });

  it('finds no report when the marker never starts a line', () => {
    expect(extractEmbeddedReport('<script>x = {"a":"app.report = 1;"};\n</script></html>')).toEqual({
      ok: false,
      error: 'has no embedded mutation report (no "app.report = " found)',
    });
    expect(extractEmbeddedReport('x app.report = {};')).toEqual({ ok: false, error: 'is incomplete (the page ends before its embedded report)' });
  });

  it('reads a real page whose embedded sources contain the marker several times, Mutant Lens\'s own htmlEmbedded.ts among them', () => {
    const { page, report } = pageWithMarkerInSources();
    const sources = Object.values(report.files).map((file) => file.source.split('app.report = ').length - 1);
    expect(sources).toEqual([0, 0, 0, 0, 3, 4]);
    expect(extractEmbeddedReport(page)).toEqual({ ok: true, value: JSON.stringify(report) });
    expect(parseReportText(page, 'html')).toEqual(parseReportText(JSON.stringify(report), 'json'));
  });
});

/**
 * The real StrykerJS page of the sample project, its embedded report given two more files: Mutant
 * Lens's own htmlEmbedded.ts and a source that writes the marker at the start of its lines, both
 * written into the page as the html reporter writes them (one line, each `<` as `<"+"`).
 */
function pageWithMarkerInSources(): { page: string; report: { files: Record<string, { source: string }> } } {
  const real = readFileSync(SAMPLE_HTML, 'utf8');
  const embedded = extractEmbeddedReport(real);
  if (!embedded.ok) throw new Error(embedded.error);
  const report = JSON.parse(embedded.value) as { files: Record<string, { language: string; source: string; mutants: unknown[] }> };
  const own = readFileSync(new URL('../../../../src/core/mutation/report/htmlEmbedded.ts', import.meta.url), 'utf8');
  const marker = 'const app = document.querySelector("x");\napp.report = {};\n  app.report = {"files":{}};\n\tapp.report = null;\napp.report = 1;\n';
  report.files['src/core/mutation/report/htmlEmbedded.ts'] = { language: 'typescript', source: own, mutants: [mutant({ id: 'own', location: { start: { line: 12, column: 1 }, end: { line: 12, column: 6 } } })] };
  report.files['src/marker.js'] = { language: 'javascript', source: marker, mutants: [mutant({ id: 'marker', location: { start: { line: 2, column: 1 }, end: { line: 2, column: 11 } } })] };
  const line = `      app.report = ${JSON.stringify(report).split('<').join('<"+"')};`;
  const at = real.indexOf('      app.report = ');
  return { page: real.slice(0, at) + line + real.slice(real.indexOf('\n', at)), report };
}

describe('looksTruncated', () => {
  it('knows V8 messages of cut-off text', () => {
    expect(looksTruncated('Unexpected end of JSON input', '{')).toBe(true);
    expect(looksTruncated('Unterminated string in JSON at position 3', '{"ab')).toBe(true);
    expect(looksTruncated("Expected ':' after property name in JSON at position 4", '{"a"')).toBe(true);
    expect(looksTruncated("Expected ':' after property name in JSON at position 4", '{"a" ')).toBe(true);
    expect(looksTruncated("Expected ':' after property name in JSON at position 4", '{"a"x}')).toBe(false);
    expect(looksTruncated('Unexpected token', '{')).toBe(false);
  });
});
