// The readers suite's workspace: reports in the shapes other tools write, each read exactly.
//   java/  the pitest + mutation-testing-elements plugin fixture (whole-line mutants with a
//          description and no replacement), copied from test/fixtures/reports/pitest
//   net/   a Stryker.NET report with numeric mutant ids and a numeric schemaVersion
//   rust/  coverage/lcov.info in the shape `cargo llvm-cov --lcov --summary-only` writes
//          (SF, FNF/FNH, BRF/BRH, LF/LH, no DA; as cargo-llvm-cov's own test fixtures, no final newline)
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../harness/paths.mjs';

export const NET_SOURCE = 'namespace Shop;\n\npublic static class Price\n{\n    public static bool IsBulk(int quantity) => quantity >= 100;\n}\n';

export const SUMMARY_ONLY_LCOV = ['SF:src/lib.rs', 'FNF:1', 'FNH:1', 'BRF:0', 'BRH:0', 'LF:1', 'LH:1', 'end_of_record', 'SF:src/module.rs', 'FNF:1', 'FNH:0', 'BRF:0', 'BRH:0', 'LF:7', 'LH:0', 'end_of_record'].join('\n');

function netReport() {
  return {
    schemaVersion: 1,
    thresholds: { high: 80, low: 60 },
    files: {
      'src/Shop/Price.cs': {
        language: 'cs',
        source: NET_SOURCE,
        mutants: [
          { id: 1, mutatorName: 'Equality mutation', replacement: 'quantity > 100', location: { start: { line: 5, column: 48 }, end: { line: 5, column: 63 } }, status: 'Survived' },
          { id: 2, mutatorName: 'Equality mutation', replacement: 'quantity < 100', location: { start: { line: 5, column: 48 }, end: { line: 5, column: 63 } }, status: 'Killed' },
        ],
      },
    },
  };
}

export function makeReadersWorkspace(dir) {
  cpSync(join(repoRoot, 'test/fixtures/reports/pitest'), join(dir, 'java'), { recursive: true });
  const net = join(dir, 'net');
  mkdirSync(join(net, 'src/Shop'), { recursive: true });
  mkdirSync(join(net, 'StrykerOutput/2024-01-01.00-00-00/reports'), { recursive: true });
  writeFileSync(join(net, 'src/Shop/Price.cs'), NET_SOURCE);
  writeFileSync(join(net, 'StrykerOutput/2024-01-01.00-00-00/reports/mutation-report.json'), JSON.stringify(netReport()));
  mkdirSync(join(dir, 'rust/coverage'), { recursive: true });
  mkdirSync(join(dir, 'rust/src'), { recursive: true });
  writeFileSync(join(dir, 'rust/src/lib.rs'), 'pub fn one() -> u32 {\n    1\n}\n');
  writeFileSync(join(dir, 'rust/coverage/lcov.info'), SUMMARY_ONLY_LCOV);
}
