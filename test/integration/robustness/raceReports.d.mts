import type { Row } from '../../fixtures/reports/hostile/cases.mjs';
export const RACE_LINES: number;
export const RACE_ITERATIONS: number;
export const RACE_SOURCE: string;
export function survivorsOf(i: number): number[];
export function raceReport(i: number): string;
export function raceRows(i: number): Row[];
