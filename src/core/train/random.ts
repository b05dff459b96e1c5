/**
 * Seeded randomness for training: a small, fast PRNG (splitmix32 seeding + mulberry32), the initial weights
 * (Keras' glorot-uniform by default; other schemes in init-schemes.ts) and the per-epoch shuffles. Everything is a pure
 * function of the seed, so the same seed gives the same run in Node and in every browser.
 *
 * Two independent streams are derived from one seed: one for the initial weights and one for the shuffles.
 * The weights stream never depends on the activation, so side-by-side runs with one seed share their start.
 */
import { PRELU_INITIAL_ALPHA } from '../activations/registry';
import { learnsSlopes, type HiddenActivationId } from '../activations/types';
import { assertValidInit, layerLimits, resolveInit, type InitSpec } from './init-schemes';
import type { NetworkParams } from './types';

export { glorotLimit } from './init-schemes';

/** A deterministic generator of uniform numbers in [0, 1). */
export interface Rng {
  next(): number;
}

/** splitmix32: scrambles (seed, stream) into a well-mixed 32-bit state, so seeds 0, 1, 2… are unrelated. */
function mixSeed(seed: number, stream: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** mulberry32: 32-bit state, period 2³², plenty for a few million draws per run. */
export function createRng(seed: number, stream = 0): Rng {
  let state = mixSeed(seed, stream);
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

const WEIGHTS_STREAM = 1;
const SHUFFLE_STREAM = 2;

/**
 * Initial parameters of Dense(H) → Dense(1) for a seed. By default Keras' defaults: kernels glorot-uniform
 * U(−L, L) (layer 1: fan_in 1, fan_out H; layer 2: fan_in H, fan_out 1), biases zero. `init` chooses another
 * kernel scheme and a constant start for the hidden biases (init-schemes.ts). The uniform schemes draw the same numbers in
 * the same order (all of w₁, then all of w₂), so every scheme with the same seed starts from the same uniform draws, scaled.
 */
export function initialParams(seed: number, hidden: number, init?: Partial<InitSpec>): NetworkParams {
  assertValidInit(init);
  const { kernel, hiddenBias } = resolveInit(init);
  const limits = layerLimits(kernel, hidden);
  const b1 = new Array<number>(hidden).fill(hiddenBias);
  // Zero kernels draw nothing (and avoid the −0 that (2r − 1)·0 could give).
  if (kernel === 'zeros')
    return { w1: new Array<number>(hidden).fill(0), b1, w2: new Array<number>(hidden).fill(0), b2: 0 };
  const rng = createRng(seed, WEIGHTS_STREAM);
  const w1 = Array.from({ length: hidden }, () => (2 * rng.next() - 1) * limits.w1);
  const w2 = Array.from({ length: hidden }, () => (2 * rng.next() - 1) * limits.w2);
  return { w1, b1, w2, b2: 0 };
}

/**
 * Weights as a network of `activation` takes them: PReLU's learned slopes kept (or, absent, at Keras' start, 0);
 * every other activation has none, so slopes carried over from a PReLU run are dropped.
 */
export function withSlopesFor(activation: HiddenActivationId, p: NetworkParams): NetworkParams {
  if (learnsSlopes(activation)) return p.alpha ? p : { ...p, alpha: p.w1.map(() => PRELU_INITIAL_ALPHA) };
  if (!p.alpha) return p;
  const { alpha: _, ...rest } = p;
  return rest;
}

/** A run's start: the seed's weights, with PReLU's slopes at 0. */
export function initialParamsFor(
  activation: HiddenActivationId,
  seed: number,
  hidden: number,
  init?: Partial<InitSpec>,
): NetworkParams {
  return withSlopesFor(activation, initialParams(seed, hidden, init));
}

/** Fisher–Yates shuffle of 0…n−1 in place into `out`. */
function shuffleInto(rng: Rng, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = i;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
}

/**
 * The order in which a seed's run visits the n training points, one permutation per epoch. Epoch e's
 * permutation depends only on (seed, e), whatever the activation or the number of epochs.
 */
export class ShuffleStream {
  private readonly rng: Rng;
  private epoch = 0;
  constructor(
    seed: number,
    private readonly n: number,
  ) {
    this.rng = createRng(seed, SHUFFLE_STREAM);
  }
  /** The next epoch's permutation (written into `out`, length n). */
  next(out: Int32Array = new Int32Array(this.n)): Int32Array {
    shuffleInto(this.rng, out);
    this.epoch++;
    return out;
  }
  get epochsDrawn(): number {
    return this.epoch;
  }
}

/** All permutations of a run, for the reference trainer and tests. */
export function epochPermutations(seed: number, n: number, epochs: number): Int32Array[] {
  const stream = new ShuffleStream(seed, n);
  return Array.from({ length: epochs }, () => stream.next());
}
