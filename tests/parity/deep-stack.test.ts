/**
 * The deep demo's engine (DeepTrainer) matches real TF.js Layers models: three hidden Dense(8, φ) layers and
 * Dense(1), from deepInitialParams' start, visiting the data in the order of one ShuffleStream(seed), with the
 * demo's own learning rate and epoch count (DEEP_DEFAULTS: lr 0.01, 200 epochs; cheaper than 300 epochs at 0.04)
 * and batch size. Tolerances as for one hidden layer (layers-model.ts, one-hidden-layer.seed-set.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../src/core/data/dataset';
import { DEEP_BATCH, DEEP_DEFAULTS, DEEP_SEED } from '../../src/labs/deep/settings';
import { deepInitialParams } from '../../src/core/train/deep-init';
import type { DeepConfig, DeepParams } from '../../src/core/train/deep-types';
import { DeepTrainer } from '../../src/core/engine/deep-trainer';
import { engineBackend } from '../unit/engine/engine-setup';
import {
  firstLossMismatch,
  margins,
  report,
  tf,
  trainLayersModels,
  WEIGHT_ABS_TOL,
  worstWeightDiff,
} from './layers-model';
import { layersForm } from './one-hidden-layer';

beforeAll(() => engineBackend('cpu'));

const LAYERS = 3;
const WIDTH = DEEP_DEFAULTS.width;
// The demo's seed and one more: each seed costs a few seconds of CPU on the layers side.
const SEEDS = [DEEP_SEED, 1];
const ACTIVATIONS = DEEP_DEFAULTS.activations;

describe(`a deep stack (${LAYERS} hidden Dense(${WIDTH}, φ) + Dense(1), lr ${DEEP_DEFAULTS.lr}, ${DEEP_DEFAULTS.epochs} epochs, batch ${DEEP_BATCH}): DeepTrainer trains like the same tf.sequential with trainOnBatch`, () => {
  const measured = new Map<string, Parameters<typeof margins>[0][number][]>();
  for (const seed of SEEDS) {
    it(`seed ${seed}, ${ACTIVATIONS.join(', ')} side by side: every epoch loss within 1 % and every final weight within 1e-3`, async () => {
      const data = seedDataset();
      const tensorsBefore = tf.memory().numTensors;
      const config: DeepConfig = {
        layers: LAYERS,
        width: WIDTH,
        lr: DEEP_DEFAULTS.lr,
        epochs: DEEP_DEFAULTS.epochs,
        batchSize: DEEP_BATCH,
        seed,
        networks: ACTIVATIONS.map((activation) => ({ activation })),
      };
      const trainer = new DeepTrainer({ config, data });
      let engineLosses: number[][];
      let engineParams: DeepParams[];
      try {
        trainer.runEpochs(config.epochs);
        const update = trainer.read();
        expect(update.divergedAt, 'the engine diverged').toEqual(ACTIVATIONS.map(() => null));
        engineLosses = update.losses;
        engineParams = trainer.readParams();
      } finally {
        trainer.dispose();
      }
      const initial = deepInitialParams(seed, LAYERS, WIDTH);
      const layersRuns = await trainLayersModels(
        { layers: LAYERS, width: WIDTH, data, epochs: config.epochs, lr: config.lr, batchSize: config.batchSize },
        ACTIVATIONS.map((id) => ({ activation: layersForm(id), initial, seed })),
      );
      for (const [i, id] of ACTIVATIONS.entries()) {
        const layers = layersRuns[i]!;
        expect(firstLossMismatch(engineLosses[i]!, layers.losses), `${id}: first epoch whose losses differ`).toBeNull();
        expect(
          worstWeightDiff(engineParams[i]!, layers.params),
          `${id}: largest final weight difference`,
        ).toBeLessThanOrEqual(WEIGHT_ABS_TOL);
        measured.set(id, [
          ...(measured.get(id) ?? []),
          {
            engineLosses: engineLosses[i]!,
            layersLosses: layers.losses,
            engineParams: engineParams[i]!,
            layersParams: layers.params,
          },
        ]);
      }
      expect(tf.memory().numTensors, 'tensors left behind').toBe(tensorsBefore);
    });
  }

  afterAll(() => {
    for (const [id, pairs] of measured) report(`deep stack, ${id}`, margins(pairs));
  });
});
