import { describe, expect, it } from 'vitest';
import {
  addPoint,
  clampPoint,
  MAX_OWN_POINTS,
  movePoint,
  removePoint,
  tidy,
} from '../../../src/labs/fit-lab/points/own-points';
import { readPaste } from '../../../src/labs/fit-lab/points/PastePoints';
import { lossPlotSvg } from '../../../src/plots/lossPlot';
import { fitPlotSvg } from '../../../src/plots/fitPlot';
import { en } from '../../../src/i18n/en';
import { zhCn } from '../../../src/i18n/zh-cn';

const t = en.fitLab;

describe('editing own points', () => {
  it('adds in canonical order and says where the new point went', () => {
    const e = addPoint(
      [
        { x: 1, y: 1 },
        { x: 3, y: 0 },
      ],
      { x: 2, y: 5 },
    );
    expect(e).toEqual({
      points: [
        { x: 1, y: 1 },
        { x: 2, y: 5 },
        { x: 3, y: 0 },
      ],
      index: 1,
    });
    expect(addPoint(null, { x: 0, y: 0 })).toEqual({ points: [{ x: 0, y: 0 }], index: 0 });
  });
  it('refuses a duplicate, a point out of bounds or NaN, and one past the limit', () => {
    expect(addPoint([{ x: 1, y: 1 }], { x: 1, y: 1 })).toBeNull();
    expect(addPoint([], { x: 101, y: 0 })).toBeNull();
    expect(addPoint([], { x: NaN, y: 0 })).toBeNull();
    const full = Array.from({ length: MAX_OWN_POINTS }, (_, k) => ({ x: k / 100, y: 0 }));
    expect(addPoint(full, { x: 50, y: 1 })).toBeNull();
  });
  it('moves a point (re-sorting) and refuses a move onto another point', () => {
    const pts = [
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ];
    expect(movePoint(pts, 0, { x: 3, y: 1 })).toEqual({
      points: [
        { x: 2, y: 2 },
        { x: 3, y: 1 },
      ],
      index: 1,
    });
    expect(movePoint(pts, 0, { x: 2, y: 2 })).toBeNull();
    expect(movePoint(pts, 5, { x: 0, y: 0 })).toBeNull();
  });
  it('removes a point; removing the last gives null (back to the target)', () => {
    expect(
      removePoint(
        [
          { x: 1, y: 1 },
          { x: 2, y: 2 },
        ],
        0,
      ),
    ).toEqual([{ x: 2, y: 2 }]);
    expect(removePoint([{ x: 1, y: 1 }], 0)).toBeNull();
  });
  it('clamps to the bounds and rounds to the plot step', () => {
    expect(clampPoint({ x: 1e9, y: -1e9 })).toEqual({ x: 100, y: -10000 });
    expect(tidy({ x: 1.234567891, y: 2.000049 }, 0.05)).toEqual({ x: 1.2346, y: 2 });
  });
});

describe('reading a paste', () => {
  it('uses the good lines and names every bad one with its line number, in both languages', () => {
    const text = 'x,y\n1,2\nfoo,3\n4\n1,2\nNaN,1\n500,1\n';
    const r = readPaste(t, text);
    expect(r.points).toEqual([{ x: 1, y: 2 }]);
    expect(r.report.summary).toBe('1 points read and used.');
    expect(r.report.header).toMatch(/^Line 1/);
    expect(r.report.bad.map((b) => [b.from, b.reason])).toEqual([
      [3, 'notANumber'],
      [4, 'oneValue'],
      [5, 'duplicate'],
      [6, 'notFinite'],
      [7, 'xOutOfRange'],
    ]);
    expect(readPaste(zhCn.fitLab, text).report.summary).toBe('读取并使用了 1 个点。');
  });
  it('refuses a huge text at once and keeps the points in use', () => {
    const huge = '1,2\n'.repeat(2_500_000);
    const started = performance.now();
    const r = readPaste(t, huge);
    expect(performance.now() - started).toBeLessThan(50);
    expect(r.points).toBeNull();
    expect(r.report.summary).toMatch(/longer than 100000 characters/);
    expect(readPaste(t, 'a\nb c').points).toBeNull();
  });
});

describe('held-out points and the test curve on the plots', () => {
  const size = { width: 600, height: 360, idPrefix: 'p' };
  it('draws held-out points as hollow rings with a legend entry', () => {
    const data = {
      grid: [0, 1, 2],
      points: { x: [0, 2], y: [0, 1] },
      test: { x: [1], y: [0.5] },
      target: [NaN, NaN, NaN],
      prediction: null,
      components: [],
      bias: null,
      view: 'components' as const,
    };
    const labels = { title: 'T', desc: 'D', target: 't', prediction: 'p', bias: 'b', neuronTag: String, dead: 'd' };
    const svg = fitPlotSvg(data, size, { ...labels, heldOut: 'held out' });
    expect(svg).toMatch(/data-role="held-out" data-count="1" d="M[\d.]+ [\d.]+a3.5/);
    expect(svg).toContain('>held out</text>');
    expect(fitPlotSvg({ ...data, test: undefined }, size, labels)).not.toContain('held-out');
  });
  it('draws the test loss dashed and labelled, and nothing without it', () => {
    const labels = { title: 'L', desc: 'D', epoch: 'e', loss: 'l', trainLegend: 'training', testLegend: 'test' };
    const base = {
      history: [
        [1, 1],
        [2, 0.5],
      ] as Array<[number, number]>,
      epochs: 2,
      epoch: 2,
      divergedAt: null,
    };
    const svg = lossPlotSvg(
      {
        ...base,
        test: [
          [0, 2],
          [1, 1.5],
          [2, 1.8],
        ],
      },
      size,
      labels,
    );
    expect(svg).toMatch(/data-role="test-loss" d="M[^"]+" [^>]*stroke-dasharray/);
    expect(svg).toContain('>test</text>');
    expect(lossPlotSvg(base, size, labels)).not.toContain('test-loss');
  });
});
