/**
 * An independent float64 oracle for the training engine: plain loops, its own activation maths, no tfjs and no
 * import from `src/`. It takes the initial weights and the batch order as data, so a test can hand it exactly
 * what the engine used and compare outcomes.
 *
 * Model: y = Σᵢ vᵢ·φ(wᵢx + bᵢ) + c (PReLU: φᵢ(z) = z for z > 0, aᵢ·z otherwise, each aᵢ learned), loss = mean squared error over a batch, optimizer Adam as Keras writes it
 * (bias correction folded into the step size, ε added to √v).
 */

export type ReferenceActivation =
  | 'linear'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'elu'
  | 'softplus'
  | 'swish'
  | 'step'
  | 'gaussian'
  | 'sine'
  | 'softsign'
  | 'prelu';

export interface ReferenceParams {
  w: number[];
  b: number[];
  v: number[];
  c: number;
  /** PReLU only: each neuron's learned negative-side slope. */
  a?: number[];
}

export interface ReferenceRun {
  activation: ReferenceActivation;
  alpha?: number; // leaky_relu slope, elu scale
  lr: number;
  batchSize: number;
  x: readonly number[];
  y: readonly number[];
  initial: ReferenceParams;
  /** One permutation of 0…n−1 per epoch; its length is the number of epochs. */
  permutations: readonly ArrayLike<number>[];
}

export interface ReferenceResult {
  params: ReferenceParams;
  /** Keras-style epoch losses. */
  losses: number[];
  /** Gradient of the very first step (same layout as the parameters). */
  firstGradient: ReferenceParams;
}

/** The activation in float64, written here apart from the registry (shared with deep-reference.ts). */
export function phi(kind: ReferenceActivation, z: number, alpha: number): number {
  switch (kind) {
    case 'linear':
      return z;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'leaky_relu':
    case 'prelu':
      return z > 0 ? z : alpha * z;
    case 'elu':
      return z > 0 ? z : alpha * (Math.exp(z) - 1);
    case 'softplus':
      return Math.max(z, 0) + Math.log(1 + Math.exp(-Math.abs(z)));
    case 'swish':
      return z / (1 + Math.exp(-z));
    case 'step':
      return z > 0 ? 1 : 0;
    case 'gaussian':
      return Math.exp(-z * z);
    case 'sine':
      return Math.sin(z);
    case 'softsign':
      return z / (1 + Math.abs(z));
  }
}

function phiPrime(kind: ReferenceActivation, z: number, alpha: number): number {
  switch (kind) {
    case 'linear':
      return 1;
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(z);
      return 1 - t * t;
    }
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'leaky_relu':
    case 'prelu':
      return z > 0 ? 1 : alpha;
    case 'elu':
      return z > 0 ? 1 : alpha * Math.exp(z);
    case 'softplus':
      return 1 / (1 + Math.exp(-z));
    case 'swish': {
      const s = 1 / (1 + Math.exp(-z));
      return s + z * s * (1 - s);
    }
    // Flat on both sides of its jump; at the jump, 0 as well (the gradient TensorFlow gives a step).
    case 'step':
      return 0;
    case 'gaussian':
      return -2 * z * Math.exp(-z * z);
    case 'sine':
      return Math.cos(z);
    case 'softsign':
      return 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z)));
  }
}

export function referencePredict(kind: ReferenceActivation, p: ReferenceParams, x: number, alpha = 0.2): number {
  let out = p.c;
  for (let i = 0; i < p.w.length; i++) out += p.v[i]! * phi(kind, p.w[i]! * x + p.b[i]!, p.a?.[i] ?? alpha);
  return out;
}

export function referenceMse(
  kind: ReferenceActivation,
  p: ReferenceParams,
  x: readonly number[],
  y: readonly number[],
  alpha = 0.2,
): number {
  let s = 0;
  for (let n = 0; n < x.length; n++) s += (referencePredict(kind, p, x[n]!, alpha) - y[n]!) ** 2;
  return s / x.length;
}

export function referenceTrain(run: ReferenceRun): ReferenceResult {
  const alpha = run.alpha ?? (run.activation === 'elu' ? 1 : 0.2);
  const h = run.initial.w.length;
  const prelu = run.activation === 'prelu';
  const size = 3 * h + 1 + (prelu ? h : 0);
  // θ = [w…, b…, v…, c] (then a… for PReLU, starting at 0 as Keras' PReLU does)
  const theta = new Float64Array(size);
  theta.set(run.initial.w, 0);
  theta.set(run.initial.b, h);
  theta.set(run.initial.v, 2 * h);
  theta[3 * h] = run.initial.c;
  if (prelu && run.initial.a) theta.set(run.initial.a, 3 * h + 1);
  const slope = (i: number) => (prelu ? theta[3 * h + 1 + i]! : alpha);
  const m = new Float64Array(size);
  const s = new Float64Array(size);
  const g = new Float64Array(size);
  const z = new Float64Array(h);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-7;
  let t = 0;
  const losses: number[] = [];
  let firstGradient: Float64Array | null = null;
  const n = run.x.length;

  for (const perm of run.permutations) {
    let epochSum = 0;
    for (let start = 0; start < n; start += run.batchSize) {
      const end = Math.min(n, start + run.batchSize);
      const count = end - start;
      g.fill(0);
      for (let k = start; k < end; k++) {
        const idx = perm[k]!;
        const x = run.x[idx]!;
        let pred = theta[3 * h]!;
        for (let i = 0; i < h; i++) {
          z[i] = theta[i]! * x + theta[h + i]!;
          pred += theta[2 * h + i]! * phi(run.activation, z[i]!, slope(i));
        }
        const err = pred - run.y[idx]!;
        epochSum += err * err;
        const d = (2 * err) / count;
        g[3 * h] = g[3 * h]! + d;
        for (let i = 0; i < h; i++) {
          g[2 * h + i] = g[2 * h + i]! + d * phi(run.activation, z[i]!, slope(i));
          const dz = d * theta[2 * h + i]! * phiPrime(run.activation, z[i]!, slope(i));
          g[i] = g[i]! + dz * x;
          g[h + i] = g[h + i]! + dz;
          if (prelu) g[3 * h + 1 + i] = g[3 * h + 1 + i]! + d * theta[2 * h + i]! * Math.min(z[i]!, 0);
        }
      }
      if (!firstGradient) firstGradient = Float64Array.from(g);
      t++;
      const stepSize = (run.lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      for (let j = 0; j < size; j++) {
        m[j] = beta1 * m[j]! + (1 - beta1) * g[j]!;
        s[j] = beta2 * s[j]! + (1 - beta2) * g[j]! * g[j]!;
        theta[j] = theta[j]! - (stepSize * m[j]!) / (Math.sqrt(s[j]!) + eps);
      }
    }
    losses.push(epochSum / n);
  }
  const unpack = (a: Float64Array): ReferenceParams => ({
    w: Array.from(a.subarray(0, h)),
    b: Array.from(a.subarray(h, 2 * h)),
    v: Array.from(a.subarray(2 * h, 3 * h)),
    c: a[3 * h]!,
    ...(prelu ? { a: Array.from(a.subarray(3 * h + 1, 4 * h + 1)) } : {}),
  });
  return { params: unpack(theta), losses, firstGradient: unpack(firstGradient ?? new Float64Array(size)) };
}
