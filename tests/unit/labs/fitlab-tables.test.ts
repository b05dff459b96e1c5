/** The Fit Lab's plots as tables: one row per data point with the fit, and the loss thinned to at most 100 rows. */
import { describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { fitTableRows, lossTableRows, lossTableStep } from '../../../src/labs/fit-lab/tables';

const params = { w1: [1, -1], b1: [-2, 3], w2: [0.5, -2], b2: 0.25 };
const relu = { activation: 'relu' as const };

describe('fitTableRows', () => {
  it('gives x, y, the prediction and each component, muted neurons left out of the prediction only', () => {
    const data = seedDataset();
    const rows = fitTableRows(params, relu, data);
    expect(rows).toHaveLength(100);
    expect(rows[0]).toEqual(['0', '2', '−5.75', '0', '−6']);
    // x = 2π: component 1 is 0.5·(2π − 2), component 2 is −2·relu(3 − 2π) = 0.
    const last = rows[99]!;
    expect(last[0]).toBe('6.28');
    expect(Number(last[3])).toBeCloseTo(0.5 * (2 * Math.PI - 2), 2);
    expect(last[4]).toBe('0');
    const muted = fitTableRows(params, relu, data, [false, true]);
    expect(muted[0]).toEqual(['0', '2', '0.25', '0', '−6']);
  });
});

describe('lossTableRows', () => {
  const history = Array.from({ length: 300 }, (_, k) => [k + 1, 1 / (k + 1)] as [number, number]);
  it('keeps every epoch up to 100 rows, else every step-th and the last', () => {
    expect(lossTableStep(100)).toBe(1);
    expect(lossTableStep(300)).toBe(3);
    expect(lossTableRows(history.slice(0, 50))).toHaveLength(50);
    const rows = lossTableRows(history);
    expect(rows).toHaveLength(101);
    expect(rows[0]).toEqual(['1', '1']);
    expect(rows[1]![0]).toBe('4');
    expect(rows[rows.length - 1]).toEqual(['300', '0.003333']);
    expect(lossTableRows([])).toEqual([]);
  });
});
