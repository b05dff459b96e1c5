import { describe, expect, it } from 'vitest';
import {
  deaths,
  lossPlateaus,
  PLATEAU_RULE,
  runEvents,
  stepsFromDeadSince,
} from '../../../src/core/analysis/run-events';
import { fitFigure } from '../../../src/labs/fit-lab/figures';

/** [epoch, loss] for epochs 1…n of f(epoch). */
const curve = (n: number, f: (e: number) => number): Array<[number, number]> =>
  Array.from({ length: n }, (_, k) => [k + 1, f(k + 1)]);

describe('run events: deaths', () => {
  it('reports each alive → dead change, and neurons dead at the first step as dead from the start', () => {
    const steps = [
      { epoch: 0, dead: [false, false, true] },
      { epoch: 10, dead: [false, false, true] },
      { epoch: 37, dead: [false, true, true] },
      { epoch: 50, dead: [true, true, true] },
    ];
    expect(deaths(steps)).toEqual([
      { epoch: 0, neuron: 2 },
      { epoch: 37, neuron: 1 },
      { epoch: 50, neuron: 0 },
    ]);
  });

  it('reports a neuron again if it came back and died again; none for a run without deaths', () => {
    const steps = [
      { epoch: 0, dead: [false] },
      { epoch: 5, dead: [true] },
      { epoch: 6, dead: [false] },
      { epoch: 9, dead: [true] },
    ];
    expect(deaths(steps).map((d) => d.epoch)).toEqual([5, 9]);
    expect(deaths([{ epoch: 0, dead: [false, false] }])).toEqual([]);
  });
});

describe('run events: a recorded run’s deaths', () => {
  it('turns first dead epochs into steps that give back the same deaths', () => {
    const deadSince = [null, 37, 0, 120];
    const steps = stepsFromDeadSince(deadSince);
    expect(steps.map((s) => s.epoch)).toEqual([0, 37, 120]);
    expect(steps[0]!.dead).toEqual([false, false, true, false]);
    expect(deaths(steps)).toEqual([
      { epoch: 0, neuron: 2 },
      { epoch: 37, neuron: 1 },
      { epoch: 120, neuron: 3 },
    ]);
    expect(deaths(stepsFromDeadSince([null, null]))).toEqual([]);
  });
});

describe('run events: plateaus', () => {
  it('finds a stall between two falls, from where its first flat window began', () => {
    // Falls 5 % an epoch to epoch 100, flat to 200, then falls again.
    const loss = (e: number) => (e <= 100 ? 0.95 ** e : e <= 200 ? 0.95 ** 100 : 0.95 ** (e - 100));
    const p = lossPlateaus(curve(300, loss));
    expect(p).toHaveLength(1);
    expect(p[0]!.from).toBe(100);
    expect(p[0]!.to).toBe(200);
    expect(p[0]!.loss).toBeCloseTo(0.95 ** 100, 12);
  });

  it('finds none while the loss keeps falling faster than the threshold', () => {
    // 0.1 % an epoch is about 2 % per 20 epochs: above the 1 % rule.
    expect(lossPlateaus(curve(300, (e) => 0.999 ** e))).toEqual([]);
    // 0.02 % an epoch is 0.4 % per 20 epochs: one plateau over the whole run.
    expect(lossPlateaus(curve(300, (e) => 0.9998 ** e))).toEqual([{ from: 1, to: 300, loss: 0.9998 ** 300 }]);
  });

  it('ignores noise above the best loss, and stalls shorter than two windows', () => {
    const noisy = (e: number) => (e % 7 === 0 ? 5 : 1);
    expect(lossPlateaus(curve(100, noisy))).toEqual([{ from: 1, to: 100, loss: 1 }]);
    const shortStall = (e: number) => (e <= 50 ? 0.9 ** e : e <= 80 ? 0.9 ** 50 : 0.9 ** (e - 30));
    expect(lossPlateaus(curve(150, shortStall), { ...PLATEAU_RULE })).toEqual([]);
  });

  it('skips non-finite losses (a run that diverged)', () => {
    const h = curve(100, () => 1);
    h.push([101, Infinity], [102, NaN]);
    const p = lossPlateaus(h);
    expect(p).toHaveLength(1);
    expect(p[0]!.loss).toBe(1);
  });

  it('finds the stall of the recorded dead-ReLU run, and none in the well-fitting sigmoid run', () => {
    const dead = lossPlateaus(fitFigure('fitlab-dead-relu').run.history);
    expect(dead).toHaveLength(1);
    expect(dead[0]!.to).toBe(300);
    expect(dead[0]!.from).toBeGreaterThan(50);
    expect(dead[0]!.from).toBeLessThan(200);
    expect(lossPlateaus(fitFigure('fitlab-sigmoid').run.history)).toEqual([]);
  });
});

describe('run events: all together', () => {
  it('lists deaths, plateaus and divergence in epoch order', () => {
    const events = runEvents({
      steps: [
        { epoch: 0, dead: [false, true] },
        { epoch: 30, dead: [true, true] },
      ],
      losses: curve(120, (e) => (e < 60 ? 0.9 ** e : 0.9 ** 60)),
      divergedAt: 121,
    });
    expect(events.map((e) => [e.kind, e.epoch])).toEqual([
      ['died', 0],
      ['died', 30],
      ['plateau', 60],
      ['diverged', 121],
    ]);
  });
});
