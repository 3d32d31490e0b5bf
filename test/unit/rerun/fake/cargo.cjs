#!/usr/bin/env node
// A stand-in for `cargo` running cargo-mutants: behaves as ./mode.txt in the cwd says. With
// `mutants --file F --output DIR` it writes DIR/mutants.out from the real fixture's results of F,
// every mutant caught (as after strengthening the weak test).
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const mode = fs.readFileSync('mode.txt', 'utf8').trim();
const args = process.argv.slice(2);
fs.writeFileSync('seen.json', JSON.stringify({ args }));
const fixture = path.join(__dirname, '../../../fixtures/cargo-mutants-crate/mutants.out');
if (mode === 'caught' || mode === 'missed') {
  const file = args[args.indexOf('--file') + 1];
  const out = path.join(args[args.indexOf('--output') + 1], 'mutants.out');
  fs.mkdirSync(path.join(out, 'diff'), { recursive: true });
  const outcomes = JSON.parse(fs.readFileSync(path.join(fixture, 'outcomes.json'), 'utf8'));
  outcomes.outcomes = outcomes.outcomes.filter((o) => o.scenario === 'Baseline' || o.scenario.Mutant.file === file);
  if (mode === 'caught') for (const o of outcomes.outcomes) if (o.summary === 'MissedMutant') o.summary = 'CaughtMutant';
  for (const o of outcomes.outcomes) if (o.diff_path) fs.copyFileSync(path.join(fixture, o.diff_path), path.join(out, o.diff_path));
  fs.writeFileSync(path.join(out, 'outcomes.json'), JSON.stringify(outcomes));
  fs.copyFileSync(path.join(fixture, 'mutants.json'), path.join(out, 'mutants.json'));
  process.stdout.write('9 mutants tested\n');
  process.exit(mode === 'caught' ? 0 : 2);
} else if (mode === 'no-output') {
  process.exit(0);
} else if (mode === 'no-such-command') {
  process.stderr.write('error: no such command: `mutants`\n');
  process.exit(101);
} else if (mode === 'hang') {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  fs.writeFileSync('child.pid', String(child.pid));
  setInterval(() => {}, 1000);
}
