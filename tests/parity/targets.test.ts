/**
 * What the parity tests compare the engine with: each registry activation's tf.layers form computes the same
 * function, and the optimizer is Keras' Adam (tfjs' own tf.train.adam is not).
 */
import * as tfc from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, LEAKY_RELU_DEFAULT_ALPHA } from '../../src/core/activations/registry';
import { HIDDEN_ACTIVATION_IDS } from '../../src/core/activations/types';
import { engineBackend } from '../unit/engine/engine-setup';
import { ADAM, KerasAdam, tf, type LayersActivation } from './layers-model';
import { LAYERS_FORM, NO_LAYERS_FORM, layersForm } from './cases';

beforeAll(() => engineBackend('cpu'));

const GRID = Array.from({ length: 161 }, (_, i) => -4 + i * 0.05);

/** The layer form applied to GRID, as plain numbers. */
function applyForm(form: LayersActivation | { kind: 'dense'; name: 'gelu_new' }): number[] {
  const layer =
    form.kind === 'leakyReLU'
      ? tf.layers.leakyReLU({ alpha: form.alpha })
      : form.kind === 'prelu'
        ? tf.layers.prelu({ alphaInitializer: 'zeros' })
        : tf.layers.activation({ activation: form.name });
  return tf.tidy(() => Array.from((layer.apply(tf.tensor2d(GRID, [GRID.length, 1])) as tf.Tensor).dataSync()));
}

const maxDiff = (a: readonly number[], b: readonly number[]) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('one tfjs for both sides', () => {
  it("@tensorflow/tfjs and the engine share one tfjs-core engine, and the Layers models run on its 'cpu' backend", () => {
    expect(tf.engine()).toBe(tfc.engine());
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.version_core).toBe(tfc.version_core);
  });
});

describe('tf.layers forms of the registry activations', () => {
  it(`registry activations without a tf.layers form (not compared): ${NO_LAYERS_FORM.length ? NO_LAYERS_FORM.join(', ') : 'none'}; every other one is`, () => {
    const covered = HIDDEN_ACTIVATION_IDS.filter((id) => LAYERS_FORM[id] !== undefined);
    expect([...covered, ...NO_LAYERS_FORM].sort()).toEqual([...HIDDEN_ACTIVATION_IDS].sort());
    expect(covered.filter((id) => NO_LAYERS_FORM.includes(id))).toEqual([]);
  });

  for (const id of HIDDEN_ACTIVATION_IDS.filter((i) => LAYERS_FORM[i])) {
    it(`${id}: the tf.layers form computes the registry's f with default parameters (within 1e-6 on [−4, 4])`, () => {
      const expected = GRID.map((x) => ACTIVATIONS[id].f(x, {}));
      expect(maxDiff(applyForm(layersForm(id)), expected)).toBeLessThanOrEqual(1e-6);
    });
  }

  it.each(NO_LAYERS_FORM.map((id) => [id] as const))(
    '%s: tf.layers has no such activation (the name is refused), so no parity test can cover it',
    (id) => {
      expect(() => tf.layers.activation({ activation: id as never })).toThrow(/Unknown activation/);
    },
  );

  it("GELU: tf.layers' 'gelu' is the exact erf form x·Φ(x), as in the registry; 'gelu_new' is the tanh approximation and differs by more than 1e-4", () => {
    const exact = GRID.map((x) => ACTIVATIONS.gelu.f(x, {}));
    expect(maxDiff(applyForm({ kind: 'dense', name: 'gelu' }), exact)).toBeLessThanOrEqual(1e-6);
    expect(maxDiff(applyForm({ kind: 'dense', name: 'gelu_new' }), exact)).toBeGreaterThan(1e-4);
  });

  it("PReLU: the layer with slope α computes the registry's f with params.alpha = α (one slope per unit, here all equal)", () => {
    const layer = tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: -0.35 }) });
    const got = tf.tidy(() => Array.from((layer.apply(tf.tensor2d(GRID, [GRID.length, 1])) as tf.Tensor).dataSync()));
    expect(
      maxDiff(
        got,
        GRID.map((x) => ACTIVATIONS.prelu.f(x, { alpha: -0.35 })),
      ),
    ).toBeLessThanOrEqual(1e-6);
  });

  it("leaky ReLU: the registry's default α is 0.2 (Keras 3), the LeakyReLU layer's is 0.3 (tf.keras 2), so the layer is given α = 0.2", () => {
    expect(LEAKY_RELU_DEFAULT_ALPHA).toBe(0.2);
    expect(tf.layers.leakyReLU().getConfig().alpha).toBe(0.3);
    expect(LAYERS_FORM.leaky_relu).toEqual({ kind: 'leakyReLU', alpha: 0.2 });
  });
});

describe("Keras' Adam (the parity target) versus tfjs' tf.train.adam", () => {
  const lr = 0.04;
  /** The first update of a scalar weight at 0 whose gradient is g. */
  function firstStep(optimizer: tf.Optimizer, g: number): number {
    const w = tf.tidy(() => tf.variable(tf.scalar(0)));
    try {
      tf.tidy(() => optimizer.applyGradients({ [w.name]: tf.scalar(g) }));
      return w.dataSync()[0]!;
    } finally {
      w.dispose();
      optimizer.dispose();
    }
  }
  const sqrtOneMinusBeta2 = Math.sqrt(1 - ADAM.beta2);
  // At t = 1 (m̂ = g, v̂ = g²): Keras moves by lr·g/(|g| + ε/√(1 − β2)), the paper's form by lr·g/(|g| + ε).
  const kerasStep = (g: number) => (-lr * g) / (Math.abs(g) + ADAM.epsilon / sqrtOneMinusBeta2);
  const paperStep = (g: number) => (-lr * g) / (Math.abs(g) + ADAM.epsilon);

  it('with a gradient of 1e-6 the forms differ almost fourfold: KerasAdam takes Keras’ step, tf.train.adam the paper’s', () => {
    const g = 1e-6;
    const keras = firstStep(new KerasAdam(lr), g);
    const tfjs = firstStep(tf.train.adam(lr, ADAM.beta1, ADAM.beta2, ADAM.epsilon), g);
    expect(Math.abs(keras / kerasStep(g) - 1)).toBeLessThan(1e-4);
    expect(Math.abs(tfjs / paperStep(g) - 1)).toBeLessThan(1e-4);
    expect(tfjs / keras).toBeGreaterThan(3.5);
  });

  it('with ordinary gradients (0.1) the two forms take the same step to 1e-4: they differ only in where ε goes', () => {
    const g = 0.1;
    const keras = firstStep(new KerasAdam(lr), g);
    const tfjs = firstStep(tf.train.adam(lr, ADAM.beta1, ADAM.beta2, ADAM.epsilon), g);
    expect(Math.abs(keras / kerasStep(g) - 1)).toBeLessThan(1e-5);
    expect(Math.abs(keras / tfjs - 1)).toBeLessThan(1e-4);
  });

  it('KerasAdam keeps its moments across steps and frees them on dispose', () => {
    const before = tf.memory().numTensors;
    const optimizer = new KerasAdam(lr);
    const w = tf.tidy(() => tf.variable(tf.scalar(0)));
    for (const g of [0.5, -0.2]) tf.tidy(() => optimizer.applyGradients({ [w.name]: tf.scalar(g) }));
    // Two Keras steps by hand: m, v accumulate; α_t = lr·√(1 − β2ᵗ)/(1 − β1ᵗ).
    let m = 0;
    let v = 0;
    let theta = 0;
    [0.5, -0.2].forEach((g, i) => {
      const t = i + 1;
      m += (g - m) * (1 - ADAM.beta1);
      v += (g * g - v) * (1 - ADAM.beta2);
      theta -= ((lr * Math.sqrt(1 - ADAM.beta2 ** t)) / (1 - ADAM.beta1 ** t)) * (m / (Math.sqrt(v) + ADAM.epsilon));
    });
    expect(w.dataSync()[0]).toBeCloseTo(theta, 6);
    expect(optimizer.iterations).toBe(2);
    w.dispose();
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('one step over several variables (flattened together) moves each exactly as a KerasAdam of its own would', () => {
    const before = tf.memory().numTensors;
    const shapes = [[2, 3], [3], [3, 1], []];
    const starts = shapes.map((shape, i) => tf.randomUniform(shape, -1, 1, 'float32', 10 + i));
    const make = () => starts.map((s) => tf.variable(s));
    const together = make();
    const alone = make();
    const joint = new KerasAdam(lr);
    const own = alone.map(() => new KerasAdam(lr));
    for (let step = 0; step < 3; step++) {
      // Gradients of very different sizes, so that a slip of ε or of a slice would show.
      const grads = tf.tidy(() =>
        shapes.map((shape, i) => tf.mul(tf.randomNormal(shape, 0, 1, 'float32', 100 * step + i), 10 ** -i)),
      );
      joint.applyGradients(together.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
      own.forEach((o, i) => o.applyGradients([{ name: alone[i]!.name, tensor: grads[i]! }]));
      tf.dispose(grads);
    }
    together.forEach((v, i) => {
      expect(Array.from(v.dataSync()), `variable ${i}`).toEqual(Array.from(alone[i]!.dataSync()));
      expect(Array.from(v.dataSync()), `variable ${i} moved`).not.toEqual(Array.from(starts[i]!.dataSync()));
    });
    tf.dispose([...starts, ...together, ...alone]);
    [joint, ...own].forEach((o) => o.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });
});
