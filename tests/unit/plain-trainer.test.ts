/**
 * The Fit Lab's main-thread fallback trainer (float64, no tfjs) must train the same network as the engine:
 * same first-epoch loss, and after 300 epochs the same outcome (final MSE close, same dead neurons).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deadFlags, meanSquaredError, predictAll } from '../../src/lib/analysis';
import { useBackend } from '../../src/lib/engine/backend';
import { BatchTrainer, DIVERGENCE_FACTOR } from '../../src/lib/engine/batch-trainer';
import { PLAIN_DIVERGENCE_FACTOR, PlainBatch } from '../../src/lib/plain-trainer';
import { seedDataset } from '../../src/lib/dataset';
import { DEFAULT_SETTINGS, toTrainConfig } from '../../src/lib/settings';
import type { HiddenActivationId } from '../../src/lib/activation-types';

const data = seedDataset();

beforeAll(async () => {
  await useBackend('cpu');
});

describe('plain fallback trainer', () => {
  it.each(['sigmoid', 'relu', 'leaky_relu'] as HiddenActivationId[])('matches the engine for %s, seeds 0–4', (activation) => {
    const configs = [0, 1, 2, 3, 4].map((seed) => toTrainConfig({ ...DEFAULT_SETTINGS, activation, seed }));
    const engine = new BatchTrainer({ configs, data });
    engine.runEpochs(1);
    const engineFirst = engine.read().networks.map((n) => n.losses[0]!);
    engine.runEpochs(299);
    const engineEnd = engine.read().networks;
    engine.dispose();
    const plain = new PlainBatch({ configs, data });
    plain.runEpochs(1);
    const plainFirst = plain.read().networks.map((n) => n.losses[0]!);
    plain.runEpochs(299);
    const plainEnd = plain.read().networks;
    configs.forEach((config, s) => {
      expect(plainFirst[s]).toBeCloseTo(engineFirst[s]!, 4);
      const mse = (p: (typeof plainEnd)[number]['params']) => meanSquaredError(predictAll(p, config, data.x), data.y);
      const a = mse(plainEnd[s]!.params);
      const b = mse(engineEnd[s]!.params);
      expect(Math.abs(a - b), `seed ${s}: plain ${a}, engine ${b}`).toBeLessThanOrEqual(Math.max(1e-3, 0.1 * b));
      expect(deadFlags(plainEnd[s]!.params, config, data.x)).toEqual(deadFlags(engineEnd[s]!.params, config, data.x));
    });
  });

  it('calls divergence where the engine does (lr = 1e6)', () => {
    expect(PLAIN_DIVERGENCE_FACTOR).toBe(DIVERGENCE_FACTOR);
    for (const activation of ['relu', 'sigmoid'] as HiddenActivationId[]) {
      const configs = [toTrainConfig({ ...DEFAULT_SETTINGS, activation, lr: 1e6 })];
      const engine = new BatchTrainer({ configs, data });
      engine.runEpochs(300);
      const e = engine.read().networks[0]!.divergedAt;
      engine.dispose();
      const plain = new PlainBatch({ configs, data });
      plain.runEpochs(300);
      expect(e).not.toBeNull();
      expect(plain.read().networks[0]!.divergedAt).toBe(e);
    }
  });
});
