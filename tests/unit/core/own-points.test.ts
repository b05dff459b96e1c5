/** The reader's own points: pasted text and the address form, their bounds, duplicates and canonical order. */
import { describe, expect, it } from 'vitest';
import {
  badRuns,
  MAX_PASTE_CHARS,
  MAX_PASTED_POINTS,
  parsePastedPoints,
  type PasteResult,
} from '../../../src/core/data/paste-points';
import { pointProblem, sortPoints, type Point } from '../../../src/core/data/points';
import {
  formatUrlPoints,
  MAX_URL_POINTS,
  MAX_URL_POINTS_TEXT,
  parseUrlPoints,
} from '../../../src/core/data/url-points';

const pasted = (text: string) => {
  const r = parsePastedPoints(text);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
};
const reasons = (r: Extract<PasteResult, { ok: true }>) => r.bad.map((b) => [b.line, b.reason]);

describe('pasted points', () => {
  it('reads x,y lines with any of the separators, CRLF and CR line ends, signs and exponents', () => {
    const r = pasted('0,1\r\n1;2\r2\t3\n3 4\n4 , 5\n+5,-6e-1\n.5, 7.\n');
    expect(r.points).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: 3 },
      { x: 3, y: 4 },
      { x: 4, y: 5 },
      { x: 5, y: -0.6 },
      { x: 0.5, y: 7 },
    ]);
    expect(r.lines).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.bad).toEqual([]);
    expect(r.header).toBeNull();
  });

  it('sets a header line aside, skips blank lines and allows a trailing separator', () => {
    const r = pasted('\n  \n"x","y"\n1,2,\n\n3;4;\n');
    expect(r.header).toEqual({ line: 3, text: '"x","y"' });
    expect(r.points).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
    ]);
    expect(r.lines).toEqual([4, 6]);
    expect(r.bad).toEqual([]);
  });

  it('names every bad line with its number and reason, and keeps the good ones', () => {
    const text = [
      'x,y', // 1: header
      '1,2', // 2
      'abc,3', // 3
      '4', // 4
      '1,2,3', // 5
      'NaN,1', // 6
      '2,Infinity', // 7
      '1e999,1', // 8
      '150,1', // 9
      '1,20000', // 10
      '1,2', // 11: duplicate of line 2
      '1,3', // 12: same x, other y: kept
      '1,,2', // 13
      'y,x', // 14: a header only on the first line
      '1,5', // 15
    ].join('\n');
    const r = pasted(text);
    expect(r.header?.line).toBe(1);
    expect(r.points).toEqual([
      { x: 1, y: 2 },
      { x: 1, y: 3 },
      { x: 1, y: 5 },
    ]);
    expect(r.lines).toEqual([2, 12, 15]);
    expect(r.bad).toEqual([
      { line: 3, reason: 'notANumber', detail: 'abc' },
      { line: 4, reason: 'oneValue' },
      { line: 5, reason: 'tooManyValues', detail: '3' },
      { line: 6, reason: 'notFinite', detail: 'NaN' },
      { line: 7, reason: 'notFinite', detail: 'Infinity' },
      { line: 8, reason: 'notFinite', detail: '1e999' },
      { line: 9, reason: 'xOutOfRange', detail: '-100–100' },
      { line: 10, reason: 'yOutOfRange', detail: '-10000–10000' },
      { line: 11, reason: 'duplicate', detail: '2' },
      { line: 13, reason: 'emptyValue' },
      { line: 14, reason: 'notANumber', detail: 'y' },
    ]);
    // Every non-blank line is accounted for: a point, a bad line or the header.
    expect(r.points.length + r.bad.length + 1).toBe(15);
  });

  it('counts -0 and 0 as one point, and reads hex, separators inside numbers and other scripts as not numbers', () => {
    const r = pasted('0,1\n-0,1\n0x10,1\n1_000,1\n١,1\n1e,1');
    expect(r.points).toEqual([{ x: 0, y: 1 }]);
    expect(reasons(r)).toEqual([
      [2, 'duplicate'],
      [3, 'notANumber'],
      [4, 'notANumber'],
      [5, 'notANumber'],
      [6, 'notANumber'],
    ]);
  });

  it('keeps the first 1,000 points and names each later line', () => {
    const lines = Array.from({ length: MAX_PASTED_POINTS + 5 }, (_, i) => `${(i / 20).toFixed(3)},${i % 7}`);
    lines.splice(MAX_PASTED_POINTS + 2, 0, 'oops');
    const r = pasted(lines.join('\n'));
    expect(r.points).toHaveLength(MAX_PASTED_POINTS);
    expect(r.bad.map((b) => b.line)).toEqual([1001, 1002, 1003, 1004, 1005, 1006]);
    expect(r.bad[2]).toEqual({ line: 1003, reason: 'notANumber', detail: 'oops' });
    expect(badRuns(r.bad)).toEqual([
      { from: 1001, to: 1002, reason: 'tooMany', detail: '1000' },
      { from: 1003, to: 1003, reason: 'notANumber', detail: 'oops' },
      { from: 1004, to: 1006, reason: 'tooMany', detail: '1000' },
    ]);
  });

  it('refuses 10 MB of text at once, by its length, without reading it', () => {
    const huge = '1,2\n'.repeat(2_500_000);
    const t0 = performance.now();
    const r = parsePastedPoints(huge);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(r).toEqual({ ok: false, reason: 'tooLong', detail: String(MAX_PASTE_CHARS) });
    expect(parsePastedPoints('1,2\n'.repeat(MAX_PASTE_CHARS / 4)).ok).toBe(true);
  });

  it('reads garbage without throwing and names long values shortened', () => {
    const r = pasted('\u0000\u202e<script>,1\n' + 'z'.repeat(500) + ',1\n{}\n');
    expect(r.points).toEqual([]);
    // The first line has a number in it, so it is no header.
    expect(r.header).toBeNull();
    expect(reasons(r)).toEqual([
      [1, 'notANumber'],
      [2, 'notANumber'],
      [3, 'notANumber'],
    ]);
    expect(r.bad[0]!.detail!.length).toBeLessThanOrEqual(25);
  });
});

describe('points in an address', () => {
  it('reads a list in any order and writes it back sorted, with shortest round-trip decimals', () => {
    const r = parseUrlPoints('2,1.5;0,1;1,2;-0.1,0.30000000000000004');
    expect(r).toEqual({
      ok: true,
      points: [
        { x: -0.1, y: 0.30000000000000004 },
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: 1.5 },
      ],
    });
    if (r.ok) expect(formatUrlPoints(r.points)).toBe('-0.1,0.30000000000000004;0,1;1,2;2,1.5');
  });

  it('round-trips any float64 in range bit for bit', () => {
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
    const points: Point[] = Array.from({ length: MAX_URL_POINTS }, (_, i) => ({
      x: i === 0 ? -100 : i === 1 ? 100 : (rand() - 0.5) * 200,
      y: i === 2 ? 1e4 : i === 3 ? 1e-300 : (rand() - 0.5) * 2e4 * rand() ** 9,
    }));
    const text = formatUrlPoints(points);
    expect(text.length).toBeLessThanOrEqual(MAX_URL_POINTS_TEXT);
    const back = parseUrlPoints(text);
    expect(back).toEqual({ ok: true, points: sortPoints(points) });
    // Through URLSearchParams too (what an address does to it).
    const q = new URLSearchParams({ points: text }).toString();
    expect(parseUrlPoints(new URLSearchParams(q).get('points')!)).toEqual(back);
  });

  it.each([
    ['', 'noPoints', undefined],
    ['1', 'badPoint', '1'],
    ['1,2;', 'badPoint', ''],
    ['1,2,3', 'badPoint', '1,2,3'],
    ['1,2;a,b', 'badPoint', 'a,b'],
    ['NaN,1', 'badPoint', 'NaN,1'],
    ['Infinity,1', 'badPoint', 'Infinity,1'],
    ['0x1,1', 'badPoint', '0x1,1'],
    ['1, 2', 'badPoint', '1, 2'],
    ['1e999,1', 'pointOutOfRange', '1e999,1'],
    ['100.1,0', 'pointOutOfRange', '100.1,0'],
    ['0,-10001', 'pointOutOfRange', '0,-10001'],
    ['1,2;0,0;1,2', 'duplicatePoint', '1,2'],
    ['0,0;-0,0', 'duplicatePoint', '-0,0'],
  ])('refuses %j as %s', (text, reason, detail) => {
    expect(parseUrlPoints(text)).toEqual(detail === undefined ? { ok: false, reason } : { ok: false, reason, detail });
  });

  it('refuses more than 200 points, and a huge value by its length before splitting it', () => {
    const many = Array.from({ length: MAX_URL_POINTS + 1 }, (_, i) => `${i / 10},0`).join(';');
    expect(parseUrlPoints(many)).toEqual({ ok: false, reason: 'tooManyPoints', detail: '200' });
    const huge = '1,1;'.repeat(2_500_000);
    const t0 = performance.now();
    expect(parseUrlPoints(huge)).toEqual({ ok: false, reason: 'pointsTooLong', detail: '200' });
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('keeps points with the same x and different y', () => {
    expect(parseUrlPoints('1,2;1,3')).toEqual({
      ok: true,
      points: [
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ],
    });
  });

  it('checks one point against the bounds', () => {
    expect(pointProblem(-100, -1e4)).toBeNull();
    expect(pointProblem(100, 1e4)).toBeNull();
    expect(pointProblem(-100.0001, 0)).toBe('xOutOfRange');
    expect(pointProblem(0, 10000.5)).toBe('yOutOfRange');
    expect(pointProblem(NaN, 0)).toBe('notFinite');
    expect(pointProblem(0, -Infinity)).toBe('notFinite');
  });
});
