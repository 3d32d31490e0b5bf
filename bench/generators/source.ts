/**
 * Seeded TypeScript-looking source text, and the places in it a mutator would change.
 * Each function is a block of 6–14 lines; a mutation site is a token (operator, literal,
 * condition) on one line, or a whole function body (a BlockStatement spanning lines).
 */

/** A mutation site: 1-based lines and columns, end exclusive, as in the report schema. */
export interface Site {
  readonly mutatorName: string;
  readonly replacement: string;
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

export interface GeneratedSource {
  readonly text: string;
  readonly sites: readonly Site[];
}

type Int = (n: number) => number;

const NAMES = ['price', 'total', 'count', 'limit', 'items', 'user', 'order', 'rate', 'index', 'value', 'offset', 'amount'];
const OPERATORS: ReadonlyArray<readonly [string, string, string]> = [
  ['>=', '>', 'EqualityOperator'],
  ['<', '<=', 'EqualityOperator'],
  ['===', '!==', 'EqualityOperator'],
  [' + ', ' - ', 'ArithmeticOperator'],
  [' * ', ' / ', 'ArithmeticOperator'],
  ['&&', '||', 'LogicalOperator'],
];

const BODY_LINES: ReadonlyArray<(a: string, b: string, n: number) => string> = [
  (a, b, n) => `  const ${a}Sum = ${a} + ${b} * ${n};`,
  (a, b, n) => `  if (${a} >= ${n} && ${b} < ${a}) {`,
  (a, b) => `    return ${a}.toString() + ' of ' + String(${b});`,
  () => `  }`,
  (a, b, n) => `  const filtered = list.filter((entry) => entry.${a} === ${b} || entry.rank < ${n});`,
  (a, b, n) => `  logger.debug('checking ${a} against ${b}', ${n}, { strict: true });`,
  (a, b) => `  for (let i = 0; i < ${a}.length; i++) ${b} += ${a}[i] * 2;`,
  (a, b) => `  const label = \`\${${a}} items for \${${b}}\`;`,
  (a, b) => `  ${a} = Math.max(${a} - 1, ${b} ?? 0);`,
];

/** About `lineCount` lines of functions (never fewer), with every mutation site found in them. */
export function generateSource(int: Int, lineCount: number, fileIndex: number): GeneratedSource {
  const lines: string[] = [`// generated module ${fileIndex}`, `import { logger } from '../log';`, ''];
  const sites: Site[] = [];
  for (let fn = 0; lines.length < lineCount; fn++) {
    const a = pick(NAMES, int);
    const b = pick(NAMES, int);
    const header = `export function ${a}Of${fn}(${a}: number, ${b}: number, list: Entry[]): string {`;
    lines.push(header);
    const openLine = lines.length;
    const body = 4 + int(9);
    let openIfs = 0;
    for (let i = 0; i < body; i++) {
      const make = pick(BODY_LINES, int);
      const line = make(a, b, int(100));
      if (line === '  }' && openIfs === 0) continue;
      if (line.endsWith('{')) openIfs++;
      if (line === '  }') openIfs--;
      lines.push(line);
      sites.push(...tokenSites(line, lines.length));
    }
    for (; openIfs > 0; openIfs--) lines.push('  }');
    lines.push(`  return String(${a});`, '}');
    const closeLine = lines.length;
    sites.push({ mutatorName: 'BlockStatement', replacement: '{}', start: { line: openLine, column: header.length }, end: { line: closeLine, column: 2 } });
    lines.push('');
  }
  return { text: lines.join('\n'), sites };
}

function tokenSites(line: string, lineNumber: number): Site[] {
  const sites: Site[] = [];
  for (const [from, to, mutatorName] of OPERATORS) {
    for (let at = line.indexOf(from); at >= 0; at = line.indexOf(from, at + from.length)) {
      sites.push(site(mutatorName, to.trim(), lineNumber, at + (from.length - from.trimStart().length), from.trim().length));
    }
  }
  const literal = /'[^']*'/.exec(line);
  if (literal !== null) sites.push(site('StringLiteral', '""', lineNumber, literal.index, literal[0].length));
  const condition = /if \((.*)\) \{$/.exec(line);
  if (condition?.[1] !== undefined) {
    const start = line.indexOf(condition[1]);
    sites.push(site('ConditionalExpression', 'true', lineNumber, start, condition[1].length));
    sites.push(site('ConditionalExpression', 'false', lineNumber, start, condition[1].length));
  }
  if (line.includes('true')) sites.push(site('BooleanLiteral', 'false', lineNumber, line.indexOf('true'), 4));
  return sites;
}

/** `at` is a 0-based index into the line; report columns are 1-based. */
function site(mutatorName: string, replacement: string, line: number, at: number, length: number): Site {
  return { mutatorName, replacement, start: { line, column: at + 1 }, end: { line, column: at + length + 1 } };
}

function pick<T>(items: readonly T[], int: Int): T {
  return items[int(items.length)] as T;
}
