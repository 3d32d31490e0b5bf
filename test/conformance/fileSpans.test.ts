// The report worker's structural scan (src/core/mutation/load/fileSpans.ts) on every JSON mutation
// report of the shared corpus, read in place: each span is exactly its member (JSON.parse of the
// span equals the member of JSON.parse of the whole text), a scan stopped after a file gives the same
// spans up to there, and a cut-off copy gives undefined.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanReportSpans, type ReportSpans, type Span } from '../../src/core/mutation/load/fileSpans';
import { findCorpus, readCorpus } from './corpus';

const corpus = findCorpus();
const reports = corpus === undefined ? [] : readCorpus(corpus).filter((entry) => entry.kind === 'mutation' && entry.file.endsWith('.json'));

describe('scanReportSpans on the corpus', () => {
  it('finds the corpus and its JSON mutation reports', () => {
    expect(corpus).not.toBe(undefined);
    expect(reports.length).toBeGreaterThan(10);
  });

  it.each(reports.map((entry) => [entry.file]))('%s: exact spans, the same when stopped early, and undefined when cut off', (file) => {
    const bytes = readFileSync(path.join(corpus as string, file));
    const text = bytes.toString('utf8');
    const whole = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
    const cut = (span: Span): unknown => JSON.parse(bytes.subarray(span.start, span.end).toString('utf8'));
    const spans = scanReportSpans(bytes);
    if (whole === null || typeof whole !== 'object' || Array.isArray(whole)) {
      expect(spans).toBe(undefined);
      return;
    }
    const { top, files } = spans as ReportSpans;
    expect(Object.fromEntries([...top].map(([key, span]) => [key, cut(span)]))).toEqual(whole);
    const byKey = (whole as { files?: unknown }).files;
    const expected = byKey !== null && typeof byKey === 'object' && !Array.isArray(byKey) ? Object.entries(byKey) : [];
    expect(files.map((member) => [member.key, cut(member.value)])).toEqual(expected);
    expect(files.map((member) => cut(member.keySpan))).toEqual(expected.map(([key]) => key));
    // Stopped after the first, the middle and the last file: the same members up to there, the top-level members before files.
    const before = [...top.keys()].slice(0, [...top.keys()].indexOf('files'));
    for (const stop of files.length === 0 ? [] : new Set([0, files.length >> 1, files.length - 1])) {
      const stopped = scanReportSpans(bytes, (so) => so.length === stop + 1) as ReportSpans;
      expect(stopped).toEqual({ top: new Map(before.map((key) => [key, top.get(key)])), files: files.slice(0, stop + 1), stopped: true });
    }
    const end = Buffer.from(text.trimEnd(), 'utf8').length;
    expect(scanReportSpans(bytes.subarray(0, Math.floor(end / 2)))).toBe(undefined);
    expect(scanReportSpans(bytes.subarray(0, end - 1))).toBe(undefined);
  });
});
