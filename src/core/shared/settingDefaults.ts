/** Defaults of the settings that both front ends (the extension and the command-line gate) read. */
export const DEFAULT_MUTATION_REPORTS: readonly string[] = [
  '**/reports/mutation/mutation.json',
  '**/reports/mutation/mutation.html',
  '**/reports/stryker-incremental.json',
  '**/StrykerOutput/*/reports/mutation-report.json',
  '**/target/stryker4s-report/*/report.json',
  '**/target/pit-reports/**/report.json',
  '**/target/pit-reports/**/mutations.xml',
  '**/mutants.out/outcomes.json',
  '**/mutants/**/*.py.meta',
];

export const DEFAULT_COVERAGE_REPORTS: readonly string[] = ['**/coverage/lcov.info'];

/** Folders never searched for reports or coverage. */
export const NEVER_SEARCHED_FOLDERS: readonly string[] = ['node_modules', '.stryker-tmp', '.git'];
