// Reads the totals from mocha's spec reporter output ("  3 passing (12ms)", "  1 failing").
export function mochaCounts(text) {
  const sum = (pattern) => [...text.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  return { passed: sum(/^\s*(\d+) passing\b/gm), failed: sum(/^\s*(\d+) failing\b/gm), pending: sum(/^\s*(\d+) pending\b/gm) };
}
