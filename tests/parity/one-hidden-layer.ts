/**
 * The one-hidden-layer parity check shared by the two test files (split so that vitest can run them on two cores):
 * for one registry activation, the engine's trainNetworks against tf.layers networks trained with trainOnBatch
 * (layers-model.ts), over every seed in SEEDS, each from the same start in the same order.
 *
 * The tf.layers side comes from layers-recording.json (recording.ts; `npm run parity:record` trains it as five
 * networks side by side in one model), refused with the differing field named if its fingerprint is stale. Each
 * run also retrains one seed live (liveSeed in cases.ts: the seeds in turn along the activations, so all five are
 * retrained across the twelve) as a lone tf.sequential, the model a TF.js user writes, and requires it to reproduce
 * the recording bit for bit: training a network alone or beside others gives the same float32 numbers
 * (layers-model.test.ts), so any difference means tf.layers, Node's Math or layers-model.ts changed under the
 * recording. The engine is held to the recorded numbers with the tolerances of one-hidden-layer.seed-set.test.ts,
 * for every seed; through the exact live check, that is the same as holding it to live tf.layers.
 */
import { expect } from 'vitest';
import type { HiddenActivationId } from '../../src/core/activations/types';
import { seedDataset } from '../../src/core/data/dataset';
import { trainNetworks } from '../../src/core/engine/train';
import { config } from '../unit/engine/engine-setup';
import { BATCH, EPOCHS, HIDDEN, liveSeed, LR, oneHiddenNetwork, oneHiddenTraining, SEEDS } from './cases';
import {
  asLayers,
  firstLossMismatch,
  margins,
  report,
  tf,
  trainSequential,
  WEIGHT_ABS_TOL,
  worstWeightDiff,
} from './layers-model';
import { LIVE_MISMATCH, recording } from './recording';

/**
 * Train `id` with the engine for every seed and assert per-epoch losses and final weights against the recorded
 * tf.layers runs; retrain liveSeed(id) with tf.layers and assert it equals its recording. The engine's default params.
 */
export async function expectOneHiddenLayerParity(id: HiddenActivationId): Promise<void> {
  const recorded = recording().oneHidden[id];
  expect(recorded?.length, `${id}: recorded runs (one per seed)`).toBe(SEEDS.length);
  const layersRuns = recorded!;
  const data = seedDataset();
  const tensorsBefore = tf.memory().numTensors;
  const live = liveSeed(id);
  const liveRun = await trainSequential({ ...oneHiddenTraining(data), ...oneHiddenNetwork(id, live) });
  const liveRecorded = layersRuns[SEEDS.indexOf(live)]!;
  expect(liveRun.losses, `seed ${live} live: epoch losses; ${LIVE_MISMATCH}`).toEqual(liveRecorded.losses);
  expect(liveRun.params, `seed ${live} live: final weights; ${LIVE_MISMATCH}`).toEqual(liveRecorded.params);
  expect(liveRun.alphas, `seed ${live} live: PReLU slopes; ${LIVE_MISMATCH}`).toEqual(liveRecorded.alphas);
  const engine = trainNetworks(
    SEEDS.map((seed) => config(id, seed, { hidden: HIDDEN, lr: LR, epochs: EPOCHS, batchSize: BATCH })),
    data,
    {},
  );
  const pairs = [];
  for (const [s, seed] of SEEDS.entries()) {
    const run = engine[s]!;
    expect(run.status, `seed ${seed}: the engine run diverged`).toBe('done');
    const layers = layersRuns[s]!;
    const engineParams = asLayers(run.params);
    expect(firstLossMismatch(run.losses, layers.losses), `seed ${seed}: first epoch whose losses differ`).toBeNull();
    expect(
      worstWeightDiff(engineParams, layers.params),
      `seed ${seed}: largest final weight difference`,
    ).toBeLessThanOrEqual(WEIGHT_ABS_TOL);
    // PReLU: the learned slopes too, which must have moved from their start (0) for the check to mean anything.
    const slopes = run.params.alpha;
    expect(slopes !== undefined, `seed ${seed}: slopes in the engine's readout`).toBe(layers.alphas.length === 1);
    if (slopes) {
      expect(
        slopes.some((a) => a !== 0),
        `seed ${seed}: the slopes moved`,
      ).toBe(true);
      slopes.forEach((a, i) =>
        expect(Math.abs(a - layers.alphas[0]![i]!), `seed ${seed}: slope ${i}`).toBeLessThanOrEqual(WEIGHT_ABS_TOL),
      );
    }
    pairs.push({ engineLosses: run.losses, layersLosses: layers.losses, engineParams, layersParams: layers.params });
  }
  expect(tf.memory().numTensors, 'tensors left behind').toBe(tensorsBefore);
  report(`one hidden layer, ${id}`, margins(pairs));
}
