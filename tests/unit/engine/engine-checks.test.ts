/**
 * The engine checks its own inputs, whoever calls it: every bad configuration, batch or data set is refused at once
 * with a RangeError naming the field, and the trainers refuse it before any training (never a hang).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { assertDeepTrainable } from '../../../src/core/train/deep-init';
import type { DeepConfig } from '../../../src/core/train/deep-types';
import { DeepTrainer } from '../../../src/core/engine/deep-trainer';
import {
  assertBatchShape,
  assertDataset,
  assertTrainable,
  MAX_BATCH_CELLS,
  MAX_EPOCHS,
  MAX_NETWORKS,
  MAX_POINTS,
} from '../../../src/core/engine/params';
import { trainNetworks } from '../../../src/core/engine/train';
import type { Dataset, TrainConfig } from '../../../src/core/train/types';
import { config, engineBackend } from './engine-setup';

beforeAll(() => engineBackend('wasm'));

const data = seedDataset();
const good = config('relu', 0, { epochs: 2 });
/** A configuration as a caller outside TypeScript could send it. */
const bad = (o: Record<string, unknown>) => ({ ...good, ...o }) as unknown as TrainConfig;

const badConfigs: [string, TrainConfig, RegExp][] = [
  ['epochs NaN', bad({ epochs: NaN }), /epochs must be an integer from 1 to 100000, got NaN/],
  ['epochs 0', bad({ epochs: 0 }), /epochs must be an integer from 1/],
  ['epochs 2.5', bad({ epochs: 2.5 }), /epochs .* got 2\.5/],
  ['epochs Infinity', bad({ epochs: Infinity }), /epochs .* got Infinity/],
  ['epochs past the bound', bad({ epochs: MAX_EPOCHS + 1 }), /epochs must be an integer from 1 to 100000, got 100001/],
  ['epochs as text', bad({ epochs: '300' }), /epochs .* got "300"/],
  ['lr -1', bad({ lr: -1 }), /lr must be a finite number above 0, got -1/],
  ['lr 0', bad({ lr: 0 }), /lr must be a finite number above 0, got 0/],
  ['lr Infinity', bad({ lr: Infinity }), /lr .* got Infinity/],
  ['lr NaN', bad({ lr: NaN }), /lr .* got NaN/],
  ['hidden 2.5', bad({ hidden: 2.5 }), /hidden must be an integer from 1 to 32, got 2\.5/],
  ['hidden 0', bad({ hidden: 0 }), /hidden must be an integer from 1 to 32, got 0/],
  ['hidden 33', bad({ hidden: 33 }), /hidden .* got 33/],
  ['batchSize 0', bad({ batchSize: 0 }), /batchSize must be an integer from 1 .* got 0/],
  ['batchSize 1.5', bad({ batchSize: 1.5 }), /batchSize .* got 1\.5/],
  ['activation nope', bad({ activation: 'nope' }), /activation must be one of linear, sigmoid, .*; got "nope"/],
  ['activation softmax', bad({ activation: 'softmax' }), /activation must be one of .*; got "softmax"/],
  ['activation missing', bad({ activation: undefined }), /activation must be one of .*; got undefined/],
  [
    'alpha NaN',
    bad({ activation: 'leaky_relu', activationParams: { alpha: NaN } }),
    /activationParams\.alpha must be a finite number, got NaN/,
  ],
  [
    'beta Infinity',
    bad({ activation: 'swish', activationParams: { beta: Infinity } }),
    /activationParams\.beta must be a finite number, got Infinity/,
  ],
  ['an unknown parameter', bad({ activationParams: { gamma: 1 } }), /unknown parameter "gamma"/],
  ['params not an object', bad({ activationParams: 3 }), /activationParams must be an object, got 3/],
  ['seed -1', bad({ seed: -1 }), /seed must be an integer from 0 to 4294967295, got -1/],
  ['seed 0.5', bad({ seed: 0.5 }), /seed .* got 0\.5/],
  ['seed 2^32', bad({ seed: 2 ** 32 }), /seed .* got 4294967296/],
  ['init a string', bad({ init: 'he' }), /init must be an object, got "he"/],
  ['init an unknown kernel', bad({ init: { kernel: 'ones' } }), /Unknown initialisation/],
  ['init a NaN bias', bad({ init: { hiddenBias: NaN } }), /Unknown initialisation/],
];

describe('assertTrainable', () => {
  it('accepts the seed experiment and every registry activation with its parameters', () => {
    expect(() => assertTrainable(good)).not.toThrow();
    expect(() =>
      assertTrainable(
        config('leaky_relu', 7, { activationParams: { alpha: 0.1 }, init: { kernel: 'he_uniform', hiddenBias: 0.1 } }),
      ),
    ).not.toThrow();
    expect(() =>
      assertTrainable(config('gelu', 2 ** 32 - 1, { hidden: 32, epochs: MAX_EPOCHS, lr: 1e6, batchSize: 1 })),
    ).not.toThrow();
    expect(() => assertTrainable(bad({ activationParams: { alpha: undefined } }))).not.toThrow();
  });

  it.each(badConfigs)('refuses %s with a RangeError naming the field', (_, c, message) => {
    expect(() => assertTrainable(c)).toThrow(RangeError);
    expect(() => assertTrainable(c)).toThrow(message);
  });

  it.each([null, undefined, 7, 'relu'])('refuses %j as a configuration', (c) => {
    expect(() => assertTrainable(c as unknown as TrainConfig)).toThrow(/Untrainable configuration: expected an object/);
  });

  it.each(badConfigs)('makes the batch trainer refuse %s before training', (_, c, message) => {
    const started = performance.now();
    expect(() => trainNetworks([c], data)).toThrow(message);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('assertDataset and assertBatchShape', () => {
  const badData: [string, unknown, RegExp][] = [
    ['empty data', { x: [], y: [] }, /needs 1 to 10000 points, got 0/],
    ['x and y of different lengths', { x: [0, 1, 2], y: [0, 1] }, /x and y must be equally long, got 3 and 2/],
    ['NaN in y', { x: [0, 1, 2], y: [0, NaN, 2] }, /y\[1\] must be a finite number, got NaN/],
    ['Infinity in x', { x: [0, Infinity], y: [0, 1] }, /x\[1\] must be a finite number, got Infinity/],
    ['text in x', { x: ['0'], y: [0] }, /x\[0\] must be a finite number, got "0"/],
    ['a hole in y', { x: [0, 1], y: [0, undefined] }, /y\[1\] must be a finite number, got undefined/],
    ['y missing', { x: [0] }, /y must be an array of numbers, got undefined/],
    ['x not an array', { x: 'abc', y: [0, 1, 2] }, /x must be an array of numbers, got "abc"/],
    ['no object', null, /expected \{ x, y \}, got null/],
    [
      'too many points',
      { x: new Array(MAX_POINTS + 1).fill(0), y: new Array(MAX_POINTS + 1).fill(0) },
      /needs 1 to 10000 points, got 10001/,
    ],
  ];

  it('accepts the seed data and typed arrays', () => {
    expect(() => assertDataset(data)).not.toThrow();
    expect(() =>
      assertDataset({ x: Float32Array.of(0, 1), y: Float64Array.of(1, 2) } as unknown as Dataset),
    ).not.toThrow();
    expect(() => assertBatchShape([good, good], data)).not.toThrow();
  });

  it.each(badData)('refuses %s', (_, d, message) => {
    expect(() => assertDataset(d as Dataset)).toThrow(RangeError);
    expect(() => assertDataset(d as Dataset)).toThrow(message);
    expect(() => assertBatchShape([good], d as Dataset)).toThrow(message);
  });

  it('refuses no networks, too many, and more network × point cells than it can hold', () => {
    expect(() => assertBatchShape([], data)).toThrow(
      /the number of networks must be an integer from 1 to 10000, got 0/,
    );
    expect(() => assertBatchShape(new Array<TrainConfig>(MAX_NETWORKS + 1).fill(good), data)).toThrow(/got 10001/);
    expect(() => assertBatchShape('abc' as unknown as TrainConfig[], data)).toThrow(
      /configs must be an array, got "abc"/,
    );
    const points = MAX_BATCH_CELLS / MAX_NETWORKS + 1;
    const wide = { x: new Array<number>(points).fill(0), y: new Array<number>(points).fill(0) };
    expect(() => assertBatchShape(new Array<TrainConfig>(MAX_NETWORKS).fill(good), wide)).toThrow(
      /10000 networks × 1001 points exceeds 10000000/,
    );
    expect(() =>
      assertBatchShape(new Array<TrainConfig>(MAX_NETWORKS).fill(good), { x: wide.x.slice(1), y: wide.y.slice(1) }),
    ).not.toThrow();
  });

  it('makes the batch trainer refuse empty data and x, y of different lengths', () => {
    expect(() => trainNetworks([good], { x: [], y: [] })).toThrow(RangeError);
    expect(() => trainNetworks([good], { x: [0, 1, 2], y: [0, 1] })).toThrow(RangeError);
    expect(() => trainNetworks([], data)).toThrow(RangeError);
  });
});

describe('assertDeepTrainable', () => {
  const deep: DeepConfig = {
    layers: 3,
    width: 4,
    lr: 0.01,
    epochs: 20,
    batchSize: 32,
    seed: 1,
    networks: [{ activation: 'sigmoid' }, { activation: 'relu' }],
  };
  const badDeep = (o: Record<string, unknown>) => ({ ...deep, ...o }) as unknown as DeepConfig;
  const cases: [string, DeepConfig, RegExp][] = [
    ['layers 0', badDeep({ layers: 0 }), /layers must be an integer from 1 to 8, got 0/],
    ['layers 9', badDeep({ layers: 9 }), /layers .* got 9/],
    ['layers 2.5', badDeep({ layers: 2.5 }), /layers .* got 2\.5/],
    ['width 99', badDeep({ width: 99 }), /width must be an integer from 1 to 32, got 99/],
    ['width NaN', badDeep({ width: NaN }), /width .* got NaN/],
    ['epochs NaN', badDeep({ epochs: NaN }), /epochs must be an integer from 1 to 100000, got NaN/],
    ['epochs past the bound', badDeep({ epochs: MAX_EPOCHS + 1 }), /epochs .* got 100001/],
    ['lr -1', badDeep({ lr: -1 }), /lr must be a finite number above 0, got -1/],
    ['lr Infinity', badDeep({ lr: Infinity }), /lr .* got Infinity/],
    ['batchSize 0', badDeep({ batchSize: 0 }), /batchSize .* got 0/],
    ['seed -1', badDeep({ seed: -1 }), /seed .* got -1/],
    ['no networks', badDeep({ networks: [] }), /the number of networks must be an integer from 1 to 64, got 0/],
    ['65 networks', badDeep({ networks: new Array(65).fill({ activation: 'relu' }) }), /number of networks .* got 65/],
    ['networks not an array', badDeep({ networks: 'relu' }), /networks must be an array, got "relu"/],
    [
      'an unknown activation',
      badDeep({ networks: [{ activation: 'relu' }, { activation: 'nope' }] }),
      /networks\[1\]\.activation must be one of .*; got "nope"/,
    ],
    [
      'a NaN parameter',
      badDeep({ networks: [{ activation: 'leaky_relu', activationParams: { alpha: NaN } }] }),
      /networks\[0\]\.activationParams\.alpha must be a finite number, got NaN/,
    ],
    ['a network not an object', badDeep({ networks: [null] }), /networks\[0\] must be an object, got null/],
  ];

  it("accepts the demo's configuration", () => {
    expect(() => assertDeepTrainable(deep)).not.toThrow();
    expect(() =>
      assertDeepTrainable({
        ...deep,
        layers: 8,
        width: 32,
        networks: [{ activation: 'swish', activationParams: { beta: 2 } }],
      }),
    ).not.toThrow();
  });

  it.each(cases)('refuses %s with a RangeError naming the field', (_, c, message) => {
    expect(() => assertDeepTrainable(c)).toThrow(RangeError);
    expect(() => assertDeepTrainable(c)).toThrow(message);
  });

  it.each(cases)('makes the deep trainer refuse %s before training', (_, c, message) => {
    expect(() => new DeepTrainer({ config: c, data }).dispose()).toThrow(message);
  });
});
