import { describe, expect, it } from 'vitest';
import type { FitFigureRecord } from '../../../src/labs/fit-lab/figures';
import figures from '../../../src/labs/fit-lab/figures.json';
import { packHistory, packStaticRun, unpackHistory, unpackStaticRun } from '../../../src/labs/fit-lab/run/packed-run';

describe('a recorded Fit Lab run packed for the page', () => {
  it('gives back every recorded run exactly, in fewer characters', () => {
    for (const record of Object.values(figures as unknown as Record<string, FitFigureRecord>)) {
      const packed = packStaticRun(record.run);
      const { params, history, epoch, dead, deadSince, gradNorm, status, divergedAt } = record.run;
      expect(unpackStaticRun(packed)).toEqual({
        params,
        history,
        epoch,
        dead,
        deadSince,
        gradNorm,
        status,
        divergedAt,
      });
      expect(packed.history.length).toBeLessThan(JSON.stringify(history).length);
    }
  });

  it('keeps epochs that do not follow one another, and losses that are not finite', () => {
    const history: Array<[number, number]> = [
      [1, 0.5],
      [2, 1e-7],
      [5, 0.25],
      [6, Number.POSITIVE_INFINITY],
      [10, Number.NaN],
    ];
    expect(packHistory(history)).toBe('0.5 1e-7 5:0.25 Infinity 10:NaN');
    expect(unpackHistory(packHistory(history))).toEqual(history);
    expect(unpackHistory('')).toEqual([]);
  });
});
