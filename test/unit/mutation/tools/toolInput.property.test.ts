import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../../src/core/mutation/report/load';
import { parseXml } from '../../../../src/core/mutation/tools/pitest/xml';
import { FIXTURES } from './fixtureEnv';

const root = mkdtempSync(path.join(tmpdir(), 'ml-tool-prop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const XML = readFileSync(path.join(FIXTURES, 'pitest-project/target/pit-reports/mutations.xml'), 'utf8');
const OUTCOMES = readFileSync(path.join(FIXTURES, 'cargo-mutants-crate/mutants.out/outcomes.json'), 'utf8');
const XMLISH = fc.array(fc.oneof(fc.constantFrom('<', '>', '/', '=', "'", '"', '&', ';', '&amp;', '&#x', '<!--', '-->', '<?xml ?>', 'mutation', 'mutations', ' ', '\n'), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((p) => p.join(''));
/** A real file cut at any point, or with a slice of it replaced by noise. */
const damaged = (text: string) =>
  fc.oneof(
    fc.nat({ max: text.length }).map((cut) => text.slice(0, cut)),
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 40 }), fc.string({ unit: 'binary', maxLength: 20 })).map(([at, length, noise]) => text.slice(0, at) + noise + text.slice(at + length)),
  );

describe('tool results never break the loader', () => {
  it('parseXml answers every text with a root or a problem, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), XMLISH, damaged(XML)), (text) => {
        const result = parseXml(text);
        expect(result.ok || ['incomplete', 'syntax'].includes(result.error.kind)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('loadReport answers damaged mutations.xml and outcomes.json with a report or a problem, never an exception', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.oneof(damaged(XML), damaged(OUTCOMES), fc.string({ unit: 'binary', maxLength: 200 })), async (pitest, text) => {
        const dir = path.join(root, `p${n++}`);
        const file = path.join(dir, pitest ? 'target/pit-reports/mutations.xml' : 'mutants.out/outcomes.json');
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
        const result = await loadReport(classifyReport(file), { workspaceFolders: [root], exists: () => false, findFilesNamed: async () => new Map(), maxBytes: 1024 * 1024 });
        expect(result.ok || ['incomplete', 'syntax', 'schema'].includes(result.error.kind)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
