export function makeRobustnessWorkspace(dir: string): void;
export const DA_LINES: number;
export const ONE_LINE_MUTANTS: number;
export const PENDING: string;
