/**
 * Changed files the gate leaves out unless `--exclude` says otherwise: tests, fixtures, configs
 * and docs (they are not the code whose tests are being judged).
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/fixtures/**',
  '**/*.config.*',
  '**/.*rc',
  '**/.*rc.*',
  '**/*.json',
  '**/*.md',
  '**/docs/**',
  '**/.github/**',
  '**/.gitlab-ci.yml',
  '**/.vscode/**',
];
