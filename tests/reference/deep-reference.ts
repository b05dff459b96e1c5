/**
 * A float64 oracle for the deep engine's gradients: the MSE of an L-layer network in plain loops (the reference
 * trainer's activation maths, no tfjs, no import from `src/`), and its gradient by central finite differences.
 * Weights use Keras' layout: kernels[l] row-major [fan_in, fan_out], the last entry being the output layer.
 */
import { phi, type ReferenceActivation } from './reference-trainer';

export type DeepReferenceActivation = Extract<
  ReferenceActivation,
  'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'step' | 'gaussian' | 'sine' | 'softsign'
>;

export interface DeepReferenceParams {
  kernels: number[][];
  biases: number[][];
}

/** Mean squared error of the network on (x, y). */
export function deepReferenceLoss(
  p: DeepReferenceParams,
  act: DeepReferenceActivation,
  x: readonly number[],
  y: readonly number[],
  alpha = 0.2,
): number {
  const layers = p.kernels.length;
  let total = 0;
  for (let k = 0; k < x.length; k++) {
    let a = [x[k]!];
    for (let l = 0; l < layers; l++) {
      const bias = p.biases[l]!;
      const kernel = p.kernels[l]!;
      const out = bias.map((b, j) => {
        let z = b;
        for (let i = 0; i < a.length; i++) z += a[i]! * kernel[i * bias.length + j]!;
        return z;
      });
      a = l === layers - 1 ? out : out.map((z) => phi(act, z, alpha));
    }
    total += (a[0]! - y[k]!) ** 2;
  }
  return total / x.length;
}

/** ∂MSE/∂θ for every weight and bias, by central differences with step h. */
export function finiteDifferenceGradient(
  p: DeepReferenceParams,
  act: DeepReferenceActivation,
  x: readonly number[],
  y: readonly number[],
  h = 1e-6,
): DeepReferenceParams {
  const clone = (): DeepReferenceParams => ({
    kernels: p.kernels.map((k) => [...k]),
    biases: p.biases.map((b) => [...b]),
  });
  const diff = (part: 'kernels' | 'biases', l: number, i: number) => {
    const plus = clone();
    const minus = clone();
    plus[part][l]![i]! += h;
    minus[part][l]![i]! -= h;
    return (deepReferenceLoss(plus, act, x, y) - deepReferenceLoss(minus, act, x, y)) / (2 * h);
  };
  return {
    kernels: p.kernels.map((k, l) => k.map((_, i) => diff('kernels', l, i))),
    biases: p.biases.map((b, l) => b.map((_, i) => diff('biases', l, i))),
  };
}
