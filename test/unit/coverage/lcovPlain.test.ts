import { describe, expect, it } from 'vitest';
import { PairArena } from '../../../src/core/coverage/lcovArena';
import { plainBrda, plainDa } from '../../../src/core/coverage/lcovPlain';

/** What a fast path returned for `text` read from `from`, and the pairs it stored. */
function run(read: typeof plainDa, text: string, from: number): [number, number[][]] {
  const arena = new PairArena(0);
  const next = read(text, from, arena);
  return [next, [...arena.keys()].map((key, i) => [key, arena.values()[i] as number])];
}

describe('plainDa', () => {
  it('reads DA:<line>,<hits> ending with LF or CRLF and returns the index after the line end', () => {
    expect([
      run(plainDa, 'DA:12,345\nDA:1,1\n', 3),
      run(plainDa, 'xDA:1,0\r\nDA:2,2', 4),
      run(plainDa, 'DA:007,12345678901\n', 3),
      run(plainDa, 'DA:90,09\n', 3),
    ]).toEqual([
      [10, [[11, 345]]],
      [9, [[0, 0]]],
      [19, [[6, 12345678901]]],
      [9, [[89, 9]]],
    ]);
  });

  it('leaves every other form to the general reader: -1 and nothing stored', () => {
    const others = ['DA:1,2,Zm9v\n', 'DA:0,1\n', 'DA:,1\n', 'DA:1\n', 'DA:1,\n', 'DA:1,x\n', 'DA:1,2x\n', 'DA:1,2\r\r\n', 'DA:1,2\r', 'DA:1,2', 'DA:1;2\n'];
    expect(others.map((text) => run(plainDa, text, 3))).toEqual(others.map(() => [-1, []]));
  });
});

describe('plainBrda', () => {
  it('reads BRDA:<line>,<block>,<branch>,<taken> with digits or - and returns the index after the line end', () => {
    expect([
      run(plainBrda, 'BRDA:7,0,1,650\nDA:1,1\n', 5),
      run(plainBrda, 'BRDA:7,0,1,-\r\n', 5),
      run(plainBrda, 'BRDA:3,12,0,0\n', 5),
      run(plainBrda, 'BRDA:1,9,9,9\n', 5),
      run(plainBrda, 'BRDA:90,09,90,90\n', 5),
    ]).toEqual([
      [15, [[6, 650]]],
      [14, [[6, 0]]],
      [14, [[2, 0]]],
      [13, [[0, 9]]],
      [17, [[89, 90]]],
    ]);
  });

  it('leaves every other form to the general reader: -1 and nothing stored', () => {
    const others = [
      'BRDA:1,e0,0,1\n',
      'BRDA:1,0,(a, b),1\n',
      'BRDA:1,0,x,1\n',
      'BRDA:0,0,0,1\n',
      'BRDA:1,,0,1\n',
      'BRDA:1,0,,1\n',
      'BRDA:1,0,0,\n',
      'BRDA:1,0,0,-1\n',
      'BRDA:1,0,0,1x\n',
      'BRDA:1,0,0\n',
      'BRDA:1,0,0,1',
      'BRDA:1,0,0,1\r',
      'BRDA:x,0,0,1\n',
      'BRDA:1;0,0,1\n',
      'BRDA:1,0;0,1\n',
      'BRDA:1,0,0;1\n',
      'BRDA:1,0,0,1,\n',
    ];
    expect(others.map((text) => run(plainBrda, text, 5))).toEqual(others.map(() => [-1, []]));
  });
});
