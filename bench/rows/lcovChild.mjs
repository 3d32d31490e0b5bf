// Run by rows/lcov.mjs as `node lcovChild.mjs <core.cjs> <lcov.info> <reps>`: times parseLcov and
// lcov-parse on the same text in a fresh process, so that neither pays for the other rows' big
// heap (in the bench process, V8's parallel GC threads scan it during every young collection).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compare } from '../measure.mjs';

const [coreFile, lcovPath, reps] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const core = require(coreFile);
const lcovParse = require('lcov-parse');

function parseWithLcovParse(text) {
  let files;
  lcovParse.source(text, (error, data) => {
    if (error) throw new Error(`lcov-parse: ${error}`);
    files = data;
  });
  return files;
}

/**
 * Both parsers agree on the file count. Only the counts outlive this function: a parse result kept
 * alive during the timed runs (lcov-parse's is ~400 MB of objects) would be marked by every major
 * GC inside them and bill its marking threads to whichever parser is being timed.
 */
function checkFileCounts(text) {
  const parser = new core.LcovParser(text.length);
  parser.push(text);
  const ours = parser.end();
  if (!ours.ok) throw new Error(`parseLcov failed on the generated file: ${ours.error.message}`);
  const theirs = parseWithLcovParse(text).length;
  if (theirs !== ours.value.files.length) throw new Error(`file counts differ: parseLcov ${ours.value.files.length}, lcov-parse ${theirs}`);
  return { files: theirs, plainLines: parser.readCounts().plainLines };
}

function countLines(text) {
  let count = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) count++;
  return text.endsWith('\n') ? count : count + 1;
}

const text = readFileSync(lcovPath, 'utf8');
const lines = countLines(text);
const { files, plainLines } = checkFileCounts(text);
const result = await compare({ reps: Number(reps), subject: () => core.parseLcov(text), baseline: () => parseWithLcovParse(text) });
process.stdout.write(`\nRESULT ${JSON.stringify({ files, lines, plainLines, result })}\n`);
