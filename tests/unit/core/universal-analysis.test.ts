import { describe, expect, it } from 'vitest';
import { components, predictAll, sumOfComponents } from '../../../src/core/analysis/network';
import { centreOrder, partialSum } from '../../../src/core/analysis/centre-order';
import { linspace } from '../../../src/core/data/dataset';
import { summarizeSweep, sweepConfigs, sweepRuns, type SweepPlan } from '../../../src/core/analysis/units-needed';
import type { Dataset, NetworkParams } from '../../../src/core/train/types';

const net: NetworkParams = { w1: [1, -2, 0, 4], b1: [-3, 2, 1, -4], w2: [0.5, -1, 2, 1], b2: 0.25 };
const grid = linspace(0, 2 * Math.PI, 41);

describe('components sorted by centre', () => {
  it('orders neurons by −b/w, left to right, w = 0 last', () => {
    // centres: 3, 1, none, 1
    expect(centreOrder(net)).toEqual([1, 3, 0, 2]);
  });

  it('partial sums grow from the bias to the full prediction', () => {
    const order = centreOrder(net);
    const act = { activation: 'relu' as const };
    expect(partialSum(net, act, grid, order, 0)).toEqual(grid.map(() => net.b2));
    const full = partialSum(net, act, grid, order, 4);
    const direct = predictAll(net, act, grid);
    full.forEach((v, j) => expect(v).toBeCloseTo(direct[j]!, 12));
    const parts = components(net, act, grid);
    const two = sumOfComponents([parts[1]!, parts[3]!], net.b2, grid.length);
    partialSum(net, act, grid, order, 2).forEach((v, j) => expect(v).toBeCloseTo(two[j]!, 12));
    expect(partialSum(net, act, grid, order, 99)).toEqual(full);
  });
});

describe('how many units', () => {
  const plan: SweepPlan = {
    sizes: [1, 2],
    activations: ['sigmoid', 'relu'],
    seeds: 2,
    epochs: 10,
    lr: 0.04,
    batchSize: 32,
  };
  const data: Dataset = { x: [0, 1, 2, 3], y: [0, 0, 1, 2] };

  it('plans one batch per size: activation-major, then seed', () => {
    const configs = sweepConfigs(plan, 2);
    expect(configs.map((c) => `${c.activation}/${c.seed}/${c.hidden}`)).toEqual([
      'sigmoid/0/2',
      'sigmoid/1/2',
      'relu/0/2',
      'relu/1/2',
    ]);
  });

  it('finds the smallest size whose best run has MSE < 0.01, with the share of seeds that do', () => {
    const exactRelu: NetworkParams = { w1: [1, 0], b1: [-1, 0], w2: [1, 0], b2: 0 }; // relu(x − 1): 0, 0, 1, 2
    const flat = (c: number): NetworkParams => ({ w1: [0], b1: [0], w2: [0], b2: c });
    const configs = [...sweepConfigs(plan, 1), ...sweepConfigs(plan, 2)];
    const results = [
      flat(0.5),
      flat(0.75),
      flat(0.75),
      flat(0.75), // size 1: nothing fits
      { w1: [0, 0], b1: [0, 0], w2: [0, 0], b2: 0.75 },
      { w1: [0, 0], b1: [0, 0], w2: [0, 0], b2: 0.75 },
      exactRelu,
      { ...exactRelu, b2: 1 },
    ].map((params) => ({ params, divergedAt: null }));
    const summary = summarizeSweep(sweepRuns(configs, results), data, plan.activations);
    expect(summary.needed).toEqual([
      { activation: 'sigmoid', hidden: null, goodShare: 0 },
      { activation: 'relu', hidden: 2, goodShare: 0.5 },
    ]);
    const cell = summary.cells.find((c) => c.hidden === 2 && c.activation === 'relu')!;
    expect(cell.bestMse).toBe(0);
    expect(cell.runs).toBe(2);
    const one = summary.cells.find((c) => c.hidden === 1 && c.activation === 'sigmoid')!;
    // best of the flat lines at 0.5 and 0.75 (mean 0.75 is the better one)
    expect(one.bestMse).toBeCloseTo(
      Math.min((0.25 + 0.25 + 0.25 + 2.25) / 4, (0.5625 + 0.5625 + 0.0625 + 1.5625) / 4),
      12,
    );
  });

  it('a diverged run counts as a bad fit', () => {
    const configs = sweepConfigs({ ...plan, activations: ['relu'], seeds: 1 }, 2);
    const summary = summarizeSweep(
      sweepRuns(configs, [{ params: { w1: [1, 0], b1: [-1, 0], w2: [1, 0], b2: 0 }, divergedAt: 5 }]),
      data,
      ['relu'],
    );
    expect(summary.cells[0]!.bestMse).toBe(Infinity);
    expect(summary.needed[0]!.hidden).toBeNull();
  });
});
