/**
 * A seeded generator of realistic lcov.info text (what vitest/istanbul write: TN, SF, FN/FNDA,
 * FNF/FNH, DA, LF/LH, BRDA/BRF/BRH, end_of_record), for benchmarks and tests.
 * The same seed and size give the same text.
 */

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text of at least `targetBytes` characters (ASCII), ending with a whole record. */
export function generateLcov(seed: number, targetBytes: number): string {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const parts: string[] = [];
  let size = 0;
  for (let file = 0; size < targetBytes; file++) {
    const record = fileRecord(file, int);
    parts.push(record);
    size += record.length;
  }
  return parts.join('');
}

function fileRecord(file: number, int: (n: number) => number): string {
  const out: string[] = ['TN:', `SF:src/module${file % 97}/file${file}.ts`];
  const lineCount = 20 + int(400);
  const fnCount = 1 + int(12);
  let fnHit = 0;
  for (let f = 0; f < fnCount; f++) out.push(`FN:${1 + int(lineCount)},fn${f}_${file}`);
  for (let f = 0; f < fnCount; f++) {
    const hits = int(3) === 0 ? 0 : int(500);
    if (hits > 0) fnHit++;
    out.push(`FNDA:${hits},fn${f}_${file}`);
  }
  out.push(`FNF:${fnCount}`, `FNH:${fnHit}`);
  let found = 0;
  let hit = 0;
  for (let line = 1; line <= lineCount; line++) {
    if (int(4) === 0) continue;
    const hits = int(5) === 0 ? 0 : int(100000);
    found++;
    if (hits > 0) hit++;
    out.push(`DA:${line},${hits}`);
  }
  out.push(`LF:${found}`, `LH:${hit}`);
  let brFound = 0;
  let brHit = 0;
  for (let line = 1; line <= lineCount; line++) {
    if (int(6) !== 0) continue;
    for (let b = 0; b < 2; b++) {
      const r = int(4);
      const taken = r === 0 ? '-' : r === 1 ? '0' : String(int(1000) + 1);
      brFound++;
      if (r > 1) brHit++;
      out.push(`BRDA:${line},${line},${b},${taken}`);
    }
  }
  out.push(`BRF:${brFound}`, `BRH:${brHit}`, 'end_of_record', '');
  return out.join('\n');
}
