import { describe, expect, it } from 'vitest';
import { DEEP_FIGURES } from '../../../src/labs/deep/figures';
import { packDeepRun, unpackDeepRun } from '../../../src/labs/deep/packed-run';
import type { FitFigureRecord } from '../../../src/labs/fit-lab/figures';
import fitFigures from '../../../src/labs/fit-lab/figures.json';
import { packStaticRun, unpackStaticRun } from '../../../src/labs/fit-lab/run/packed-run';
import { packSeries, unpackSeries } from '../../../src/shared/packed-series';

describe('recorded runs packed for an island’s props', () => {
  it('give back every recorded Fit Lab run exactly, in fewer characters', () => {
    for (const record of Object.values(fitFigures as unknown as Record<string, FitFigureRecord>)) {
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

  it('give back the recorded deep run exactly, its gradient snapshots (every 5 epochs) without their epochs', () => {
    const packed = packDeepRun(DEEP_FIGURES.run);
    expect(unpackDeepRun(packed)).toEqual(DEEP_FIGURES.run);
    expect(packed.networks[0]!.grads[0]!.split(' ').filter((t) => t.includes(':'))).toHaveLength(2);
  });

  it('keep epochs that skip, go back or repeat, and values that are not finite', () => {
    const series: Array<[number, number]> = [
      [0, 0.5],
      [1, 1e-7],
      [2, 3],
      [5, 0.25],
      [8, Number.POSITIVE_INFINITY],
      [9, Number.NaN],
      [9, -0],
      [3, null as unknown as number],
    ];
    expect(packSeries(series)).toBe('0:0.5 1e-7 3 5:0.25 Infinity 9:NaN 9:0 3:null');
    expect(unpackSeries(packSeries(series))).toEqual(series.map(([e, v]) => [e, Object.is(v, -0) ? 0 : v]));
    expect(unpackSeries('')).toEqual([]);
  });
});
