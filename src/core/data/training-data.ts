/**
 * One run's data, from what the settings say: the clean points (a target sampled on the training inputs, or the
 * reader's own points), seeded noise on their targets, and a seeded share held out. Pure: the same recipe always
 * gives the same sets, so the island, the worker, the exports and the command line
 * train and score on the same points.
 */
import type { Dataset } from '../train/types';
import { heldOutIndices } from './holdout';
import { addNoise } from './noise';

export interface DataRecipe {
  /** The clean points, in x order (grid order for a target, sorted for own points: see holdout.ts). */
  base: Dataset;
  /** σ of the Gaussian noise added to every target (0: none). */
  noise: number;
  /** Share of the points held out of training, 0–0.5. */
  holdout: number;
  /** The run's seed: the noise and the held-out draw each take their own stream of it. */
  seed: number;
}

export interface TrainingData {
  /** What the network trains on (and what its reported training error is measured on). */
  train: Dataset;
  /** The held-out points, never trained on (empty when holdout is 0 or there is too little data). */
  test: Dataset;
  /** Every point with its noise, in base order; `testIndex` says which of them are held out. */
  all: Dataset;
  testIndex: number[];
}

export function buildTrainingData(r: DataRecipe): TrainingData {
  const n = r.base.x.length;
  if (r.base.y.length !== n) throw new RangeError(`x and y must be equally long, got ${n} and ${r.base.y.length}`);
  const x = [...r.base.x];
  const y = addNoise(r.base.y, r.noise, r.seed);
  const testIndex = heldOutIndices(n, r.holdout, r.seed);
  const held = new Set(testIndex);
  const train: Dataset = { x: x.filter((_, i) => !held.has(i)), y: y.filter((_, i) => !held.has(i)) };
  const test: Dataset = { x: testIndex.map((i) => x[i]!), y: testIndex.map((i) => y[i]!) };
  return { train, test, all: { x, y }, testIndex };
}
