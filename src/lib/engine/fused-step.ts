/**
 * Training steps of S networks as ONE custom tfjs kernel, for the cpu and wasm backends: one launch runs a step,
 * or several consecutive steps of one epoch.
 *
 * Why: these networks are tiny (H ≤ 32 neurons, batches of 32 points), so the same step written as tfjs ops
 * (~13 kernels: matMuls, activation, error, gradients, Adam) spent nearly all its time in per-kernel bookkeeping
 * and per-step tensor allocation, not in arithmetic. This kernel runs the forward pass z = w·x + b, φ(z), φ′(z),
 * the MSE gradient, Σ err² and Keras' Adam (adam.ts: ε added to √v, bias correction folded into the step size) in
 * one launch, in place on the tensors' memory, allocating no tensor. TensorFlow itself fuses Adam the same way
 * (`ResourceApplyAdam`); here the whole step is fused because the networks are so small.
 *
 * φ and φ′ are the registry's scalar f and fPrime (one definition of each activation, with its parameters such as
 * leaky ReLU's α or swish's β), so every registered hidden activation is covered. The step is computed in float64
 * from the float32 state and stored back as float32. A unit test checks a step against the same step written as
 * tfjs ops with the registry's tensor forms.
 *
 * Inputs, all [S, …] with S networks first; the first seven are updated in place:
 *   w1b1 [S, 2, H] (rows w1, b1), w2 [S, 1, H], b2 [S, 1, 1]; Adam's moments m, v [S, 3H+1] (w1 | b1 | w2 | b2);
 *   grad [S, 3H+1]: the last step's gradient, same layout; loss [S, L]: Σ err² of each step is added at column
 *   lossColumn;
 *   order [S, N] int32: this epoch's visiting order of each network; xs, ys [N]: the data.
 * The kernel returns no tensor.
 */
import { engine, getBackend, getKernel, registerKernel } from '@tensorflow/tfjs-core';
import type { BackendValues, KernelBackend, KernelFunc, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import { ACTIVATIONS } from '../activations';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, adamStepSize } from './adam';
import type { ActivationGroup } from './batch-data';
import type { ActivationParams, HiddenActivationId } from '../activation-types';

export const FUSED_TRAIN_STEP = 'ActivationsTrainStep';

export interface TrainStepTensors {
  w1b1: Tensor;
  w2: Tensor;
  b2: Tensor;
  m: Tensor;
  v: Tensor;
  grad: Tensor;
  loss: Tensor;
  order: Tensor;
  xs: Tensor;
  ys: Tensor;
}

export interface TrainStepAttrs {
  /** Index within the epoch of the first step to run. */
  firstStep: number;
  /** Consecutive steps to run, all within the epoch whose order the `order` tensor holds. */
  steps: number;
  /** The configured batch size (the epoch's last batch may be smaller). */
  batchSize: number;
  lr: number;
  /** Adam's update count t of the first step (from 1). */
  firstUpdate: number;
  /** Column of `loss` that receives this epoch's Σ err². */
  lossColumn: number;
  /** Consecutive rows sharing an activation, in row order; their sizes sum to S. */
  groups: readonly ActivationGroup[];
}

type Views = { [K in keyof TrainStepTensors]: K extends 'order' ? Int32Array : Float32Array };

interface CpuLike extends KernelBackend {
  data: { get(id: object): { values?: BackendValues } };
}
interface WasmLike extends KernelBackend {
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array;
}

/** Float64 scratch for one network's step (inputs, targets, errors, z, φ(z), φ′(z), gradient); grown on demand, never per step. */
let scratch = allocScratch(32, 32);

function allocScratch(batch: number, hidden: number) {
  const n = batch * hidden;
  return { x: new Float64Array(batch), y: new Float64Array(batch), err: new Float64Array(batch), z: new Float64Array(n), a: new Float64Array(n), d: new Float64Array(n), sums: new Float64Array(3 * hidden + 1) };
}

function scratchFor(batch: number, hidden: number): void {
  if (scratch.x.length < batch || scratch.sums.length < 3 * hidden + 1) {
    scratch = allocScratch(Math.max(batch, scratch.x.length), Math.max(hidden, (scratch.sums.length - 1) / 3));
  }
}

type Evaluate = (z: Float64Array, a: Float64Array, d: Float64Array, n: number, params: ActivationParams) => void;

/**
 * a = φ(z), d = φ′(z) for the first n entries, with the registry's scalar f and fPrime — one loop per activation,
 * written out on purpose. V8 inlines a call only where the call site has seen a single function, and all
 * closures of one function literal share their call sites, so one shared loop calling each activation's f paid a
 * real call (and a boxed number) per point and neuron: ~40 % more time at S = 1000 with ReLU and sigmoid mixed.
 * Each line only calls the registry's entry; a new registry activation will not compile until it has its line.
 */
const EVALUATE: Readonly<Record<HiddenActivationId, Evaluate>> = {
  linear: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.linear; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  sigmoid: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.sigmoid; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  tanh: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.tanh; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  relu: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.relu; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  leaky_relu: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.leaky_relu; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  swish: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.swish; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  elu: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.elu; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  gelu: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.gelu; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  softplus: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.softplus; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
  mish: (z, a, d, n, p) => { const { f, fPrime } = ACTIVATIONS.mish; for (let k = 0; k < n; k++) { a[k] = f(z[k]!, p); d[k] = fPrime(z[k]!, p); } },
};

/** θ ← θ − stepSize·m/(√v + ε) with the moments' update, for `count` entries of p from pAt (moments from mAt). */
function adam(p: Float32Array, pAt: number, count: number, io: Views, mAt: number, sums: Float64Array, sumsAt: number, gradScale: number, stepSize: number): void {
  const { m, v, grad } = io;
  for (let i = 0; i < count; i++) {
    const j = mAt + i;
    const g = gradScale * sums[sumsAt + i]!;
    grad[j] = g;
    const mj = ADAM_BETA1 * m[j]! + (1 - ADAM_BETA1) * g;
    const vj = ADAM_BETA2 * v[j]! + (1 - ADAM_BETA2) * g * g;
    m[j] = mj;
    v[j] = vj;
    p[pAt + i] = p[pAt + i]! - (stepSize * mj) / (Math.sqrt(vj) + ADAM_EPSILON);
  }
}

/** One step of network s (its batch: `batch` points from `offset` in its row of `order`). */
function stepNetwork(io: Views, s: number, H: number, evaluateGroup: Evaluate, params: ActivationParams, offset: number, batch: number, stepSize: number, lossAt: number): void {
  const { w1b1, w2, b2, order, xs, ys, loss } = io;
  const { x, y, err, z, a, d, sums } = scratch;
  const wAt = 2 * H * s;
  const vAt = H * s;
  const orderAt = s * xs.length + offset;
  // Forward: z = w·x + b for every point and neuron (point-major), then φ(z) and φ′(z) in one pass.
  for (let k = 0, kH = 0; k < batch; k++, kH += H) {
    const idx = order[orderAt + k]!;
    const xk = xs[idx]!;
    x[k] = xk;
    y[k] = ys[idx]!;
    for (let j = 0; j < H; j++) z[kH + j] = w1b1[wAt + j]! * xk + w1b1[wAt + H + j]!;
  }
  evaluateGroup(z, a, d, batch * H, params);
  let squares = 0;
  let errors = 0;
  for (let k = 0, kH = 0; k < batch; k++, kH += H) {
    let pred = b2[s]!;
    for (let j = 0; j < H; j++) pred += w2[vAt + j]! * a[kH + j]!;
    const e = pred - y[k]!;
    err[k] = e;
    squares += e * e;
    errors += e;
  }
  // Backward, one neuron at a time so that its three sums stay in registers: ∂w2 = Σ err·a,
  // ∂b1 = w2·Σ err·φ′, ∂w1 = w2·Σ err·φ′·x. (The factor 2/B of the mean's gradient is applied in adam.)
  for (let j = 0; j < H; j++) {
    let sumW = 0;
    let sumB = 0;
    let sumV = 0;
    for (let k = 0, kj = j; k < batch; k++, kj += H) {
      const e = err[k]!;
      const ed = e * d[kj]!;
      sumW += ed * x[k]!;
      sumB += ed;
      sumV += e * a[kj]!;
    }
    const v = w2[vAt + j]!;
    sums[j] = v * sumW;
    sums[H + j] = v * sumB;
    sums[2 * H + j] = sumV;
  }
  sums[3 * H] = errors;
  const gradScale = 2 / batch;
  const mAt = (3 * H + 1) * s;
  adam(w1b1, wAt, 2 * H, io, mAt, sums, 0, gradScale, stepSize);
  adam(w2, vAt, H, io, mAt + 2 * H, sums, 2 * H, gradScale, stepSize);
  adam(b2, s, 1, io, mAt + 3 * H, sums, 3 * H, gradScale, stepSize);
  loss[lossAt] = loss[lossAt]! + squares;
}

function kernel(view: (backend: KernelBackend, t: TensorInfo) => Float32Array | Int32Array) {
  return ({ inputs, backend, attrs }: { inputs: Record<string, TensorInfo>; backend: KernelBackend; attrs?: NamedAttrMap }) => {
    const a = attrs as unknown as TrainStepAttrs;
    const t = inputs as unknown as Record<keyof TrainStepTensors, TensorInfo>;
    const f32 = (info: TensorInfo) => view(backend, info) as Float32Array;
    // Views only (no copies): the kernel reads and writes the tensors' own memory.
    const io: Views = {
      w1b1: f32(t.w1b1),
      w2: f32(t.w2),
      b2: f32(t.b2),
      m: f32(t.m),
      v: f32(t.v),
      grad: f32(t.grad),
      loss: f32(t.loss),
      order: view(backend, t.order) as Int32Array,
      xs: f32(t.xs),
      ys: f32(t.ys),
    };
    const H = t.w2.shape[2]!;
    const points = io.xs.length;
    const lossWidth = io.loss.length / io.b2.length;
    scratchFor(a.batchSize, H);
    const stepSizes = Array.from({ length: a.steps }, (_, i) => adamStepSize(a.lr, a.firstUpdate + i));
    // Network by network (each one's steps in a row, while its weights are in cache): the networks are independent.
    let row = 0;
    for (const g of a.groups) {
      const evaluateGroup = EVALUATE[g.activation];
      for (let s = row; s < row + g.size; s++) {
        for (let i = 0; i < a.steps; i++) {
          const offset = (a.firstStep + i) * a.batchSize;
          const batch = Math.min(a.batchSize, points - offset);
          stepNetwork(io, s, H, evaluateGroup, g.params, offset, batch, stepSizes[i]!, s * lossWidth + a.lossColumn);
        }
      }
      row += g.size;
    }
    return [];
  };
}

/** Register the kernel for the active backend if it is cpu or wasm; false means the engine cannot run here. */
export function ensureFusedStep(): boolean {
  const backendName = getBackend();
  if (backendName !== 'cpu' && backendName !== 'wasm') return false;
  if (getKernel(FUSED_TRAIN_STEP, backendName)) return true;
  const view =
    backendName === 'cpu'
      ? (b: KernelBackend, t: TensorInfo) => (b as CpuLike).data.get(t.dataId).values as Float32Array | Int32Array
      : (b: KernelBackend, t: TensorInfo) => (b as WasmLike).typedArrayFromHeap(t);
  registerKernel({ kernelName: FUSED_TRAIN_STEP, backendName, kernelFunc: kernel(view) as unknown as KernelFunc });
  return true;
}

/** The steps that `attrs` name, in place (see the header for the tensors' layout). */
export function fusedTrainStep(tensors: TrainStepTensors, attrs: TrainStepAttrs): void {
  engine().runKernel(FUSED_TRAIN_STEP, tensors as unknown as Record<string, Tensor>, attrs as unknown as NamedAttrMap);
}
