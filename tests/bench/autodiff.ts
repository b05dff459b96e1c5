/**
 * The engine's network trained with gradients from tf.variableGrads instead of hand-derived ones: same start,
 * same order, Keras' Adam (adam.ts), so the bench can say which form is faster and by how much.
 */
import * as tf from '@tensorflow/tfjs-core';
import { adamConstants, kerasAdam } from '../../src/core/engine/adam';
import { ACTIVATIONS } from '../../src/core/activations/registry';
import { batchSizesFor } from '../../src/core/engine/mini-batch';
import { initialParams, ShuffleStream } from '../../src/core/train/random';
import type { Dataset, TrainConfig } from '../../src/core/train/types';
import { registryTf } from '../../src/core/engine/tf';

/** Train networks sharing an activation for `epochs` epochs; returns each network's final epoch loss. */
export function autodiffTrain(configs: readonly TrainConfig[], data: Dataset, epochs: number): number[] {
  const S = configs.length;
  const H = configs[0]!.hidden;
  const act = ACTIVATIONS[configs[0]!.activation];
  const N = data.x.length;
  const init = configs.map((c) => initialParams(c.seed, H));
  const vars: Record<string, tf.Variable> = {
    w1: tf.variable(
      tf.tensor3d(
        init.flatMap((p) => p.w1),
        [S, 1, H],
      ),
    ),
    b1: tf.variable(
      tf.tensor3d(
        init.flatMap((p) => p.b1),
        [S, 1, H],
      ),
    ),
    w2: tf.variable(
      tf.tensor3d(
        init.flatMap((p) => p.w2),
        [S, H, 1],
      ),
    ),
    b2: tf.variable(
      tf.tensor3d(
        init.map((p) => p.b2),
        [S, 1, 1],
      ),
    ),
  };
  const moments: Record<string, { m: tf.Tensor; v: tf.Tensor }> = Object.fromEntries(
    Object.entries(vars).map(([k, v]) => [k, { m: tf.zerosLike(v), v: tf.zerosLike(v) }]),
  );
  const constants = adamConstants();
  const shuffles = configs.map((c) => new ShuffleStream(c.seed, N));
  const sizes = batchSizesFor(N, configs[0]!.batchSize);
  let t = 0;
  let last: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const orders = shuffles.map((s) => s.next());
    let offset = 0;
    const sums = new Array<number>(S).fill(0);
    for (const B of sizes) {
      const pick = (values: readonly number[]) =>
        tf.tensor3d(
          orders.flatMap((o) => Array.from(o.subarray(offset, offset + B), (i) => values[i]!)),
          [S, B, 1],
        );
      t++;
      tf.tidy(() => {
        const x = pick(data.x);
        const y = pick(data.y);
        const { value, grads } = tf.variableGrads(() => {
          const z = tf.add(tf.matMul(x, vars.w1!), vars.b1!);
          const out = tf.add(tf.matMul(act.tensor(registryTf, z, configs[0]!.activationParams), vars.w2!), vars.b2!);
          // Σ over networks of each one's batch MSE: each network's gradient is its own loss's.
          return tf.sum(tf.mean(tf.square(tf.sub(out, y)), [1, 2]));
        });
        for (const [name, v] of Object.entries(vars)) {
          const mo = moments[name]!;
          const next = kerasAdam({ params: v, m: mo.m, v: mo.v }, grads[v.name]!, configs[0]!.lr, t, constants);
          v.assign(next.params);
          mo.m.dispose();
          mo.v.dispose();
          mo.m = tf.keep(next.m);
          mo.v = tf.keep(next.v);
        }
        sums[0] = sums[0]! + value.dataSync()[0]! * B;
      });
      offset += B;
    }
    last = sums.map((s) => s / N);
  }
  constants.dispose();
  for (const v of Object.values(vars)) v.dispose();
  for (const mo of Object.values(moments)) {
    mo.m.dispose();
    mo.v.dispose();
  }
  return last;
}
