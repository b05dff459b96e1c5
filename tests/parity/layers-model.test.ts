/**
 * The parity tests train their tf.layers networks side by side, as one functional model (trainLayersModels). That
 * is only a fair target if each network trains there exactly as it would alone, in the tf.sequential model a TF.js
 * user writes: same epoch losses and same final weights, to the last bit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../src/core/data/dataset';
import { deepInitialParams } from '../../src/core/train/deep-init';
import { initialParams } from '../../src/core/train/random';
import { engineBackend } from '../unit/engine/engine-setup';
import { asLayers, tf, trainLayersModels, trainSequential, type LayersNetwork } from './layers-model';
import { layersForm } from './cases';

beforeAll(() => engineBackend('cpu'));

const common = { data: seedDataset(), epochs: 25, lr: 0.04, batchSize: 32 };

describe('networks trained side by side in one tf.layers model', () => {
  it('each train exactly as their own tf.sequential: one hidden layer, several seeds and activations (PReLU too)', async () => {
    const shape = { layers: 1, width: 2 };
    const networks: LayersNetwork[] = [
      { activation: layersForm('relu'), initial: asLayers(initialParams(0, 2)), seed: 0 },
      { activation: layersForm('tanh'), initial: asLayers(initialParams(3, 2)), seed: 3 },
      { activation: layersForm('prelu'), initial: asLayers(initialParams(1, 2)), seed: 1 },
      { activation: layersForm('leaky_relu'), initial: asLayers(initialParams(2, 2)), seed: 2 },
    ];
    const tensorsBefore = tf.memory().numTensors;
    const together = await trainLayersModels({ ...shape, ...common }, networks);
    for (const [k, network] of networks.entries()) {
      const alone = await trainSequential({ ...shape, ...common, ...network });
      expect(together[k]!.losses, `network ${k}: epoch losses`).toEqual(alone.losses);
      expect(together[k]!.params, `network ${k}: final weights`).toEqual(alone.params);
      expect(together[k]!.alphas, `network ${k}: PReLU slopes`).toEqual(alone.alphas);
    }
    // The check means something only if the networks moved and differ from each other.
    expect(together[0]!.losses[24]).toBeLessThan(together[0]!.losses[0]!);
    expect(together[0]!.params).not.toEqual(together[1]!.params);
    expect(
      together[2]!.alphas[0]!.some((a) => a !== 0),
      'the PReLU slopes moved',
    ).toBe(true);
    expect(tf.memory().numTensors, 'tensors left behind').toBe(tensorsBefore);
  });

  it('each train exactly as their own tf.sequential: a deep stack, same start and order, two activations', async () => {
    const shape = { layers: 3, width: 8 };
    const initial = deepInitialParams(7, shape.layers, shape.width);
    const networks: LayersNetwork[] = [
      { activation: layersForm('sigmoid'), initial, seed: 7 },
      { activation: layersForm('relu'), initial, seed: 7 },
    ];
    const together = await trainLayersModels({ ...shape, ...common, epochs: 10 }, networks);
    for (const [k, network] of networks.entries()) {
      const alone = await trainSequential({ ...shape, ...common, epochs: 10, ...network });
      expect(together[k]!.losses, `network ${k}: epoch losses`).toEqual(alone.losses);
      expect(together[k]!.params, `network ${k}: final weights`).toEqual(alone.params);
    }
  });
});
