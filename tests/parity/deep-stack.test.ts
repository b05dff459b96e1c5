/**
 * The deep demo's engine (DeepTrainer) matches real TF.js Layers models: three hidden Dense(8, φ) layers and
 * Dense(1), from deepInitialParams' start, visiting the data in the order of one ShuffleStream(seed), with the
 * demo's own learning rate, epoch count and batch size (cases.ts). Tolerances as for one hidden layer
 * (layers-model.ts, one-hidden-layer.seed-set.test.ts).
 *
 * The engine is compared, for both seeds and every activation, with the recorded tf.layers runs
 * (layers-recording.json, `npm run parity:record`; refused, naming the field, when its fingerprint is stale). Each
 * seed's test also retrains half of the activations live (deepLiveActivations: the seeds in turn along the
 * activations, so seed 0 retrains sigmoid and ReLU, seed 1 tanh and leaky ReLU) side by side in one tf.layers
 * model, and requires them to reproduce the recording bit for bit (a network trains the same alone or beside
 * others: layers-model.test.ts). So every activation and every seed meets live tf.layers on each run, at half the
 * cost of retraining everything; a changed tfjs, Node or layers-model.ts shows up as a live mismatch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../src/core/data/dataset';
import type { DeepConfig, DeepParams } from '../../src/core/train/deep-types';
import { DeepTrainer } from '../../src/core/engine/deep-trainer';
import { engineBackend } from '../unit/engine/engine-setup';
import { DEEP_ACTIVATIONS, DEEP_SEEDS, deepLiveActivations, deepNetwork, deepTraining } from './cases';
import {
  firstLossMismatch,
  margins,
  report,
  tf,
  trainLayersModels,
  WEIGHT_ABS_TOL,
  worstWeightDiff,
} from './layers-model';
import { LIVE_MISMATCH, recording } from './recording';

beforeAll(() => engineBackend('cpu'));

const shape = deepTraining(seedDataset());

describe(`a deep stack (${shape.layers} hidden Dense(${shape.width}, φ) + Dense(1), lr ${shape.lr}, ${shape.epochs} epochs, batch ${shape.batchSize}): DeepTrainer trains like the same tf.sequential with trainOnBatch`, () => {
  const measured = new Map<string, Parameters<typeof margins>[0][number][]>();
  for (const seed of DEEP_SEEDS) {
    const live = deepLiveActivations(seed);
    it(`seed ${seed}, ${DEEP_ACTIVATIONS.join(', ')} (live tf.layers: ${live.join(', ')}): every epoch loss within 1 % and every final weight within 1e-3`, async () => {
      const recorded = recording().deep[seed];
      expect(recorded?.length, `seed ${seed}: recorded runs (one per activation)`).toBe(DEEP_ACTIVATIONS.length);
      const layersRuns = recorded!;
      const data = seedDataset();
      const tensorsBefore = tf.memory().numTensors;
      const training = deepTraining(data);
      const liveRuns = await trainLayersModels(
        training,
        live.map((id) => deepNetwork(id, seed)),
      );
      for (const [k, id] of live.entries()) {
        const mine = layersRuns[DEEP_ACTIVATIONS.indexOf(id)]!;
        expect(liveRuns[k]!.losses, `${id} live: epoch losses; ${LIVE_MISMATCH}`).toEqual(mine.losses);
        expect(liveRuns[k]!.params, `${id} live: final weights; ${LIVE_MISMATCH}`).toEqual(mine.params);
      }
      const config: DeepConfig = {
        layers: training.layers,
        width: training.width,
        lr: training.lr,
        epochs: training.epochs,
        batchSize: training.batchSize,
        seed,
        networks: DEEP_ACTIVATIONS.map((activation) => ({ activation })),
      };
      const trainer = new DeepTrainer({ config, data });
      let engineLosses: number[][];
      let engineParams: DeepParams[];
      try {
        trainer.runEpochs(config.epochs);
        const update = trainer.read();
        expect(update.divergedAt, 'the engine diverged').toEqual(DEEP_ACTIVATIONS.map(() => null));
        engineLosses = update.losses;
        engineParams = trainer.readParams();
      } finally {
        trainer.dispose();
      }
      for (const [i, id] of DEEP_ACTIVATIONS.entries()) {
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
