import { defineConfig } from 'vitest/config';

// Unit tier: plain Node on src/core, in random order (the seed is printed on every run).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    sequence: { shuffle: true },
    testTimeout: 20_000,
    reporters: ['default'],
    pool: 'threads',
  },
});
