/**
 * A fused Keras-Adam kernel for the cpu and wasm backends: one kernel launch per step instead of twelve
 * elementwise ones, reading and writing the parameter tensors in place of a concat and three slices.
 * This mirrors TensorFlow itself, where Keras' Adam runs as the single fused `ResourceApplyAdam` op.
 * The maths is exactly `adamUpdate` in adam.ts (Keras' ε form); a unit test checks that the two agree.
 *
 * Inputs: n parameter tensors p0…p(n−1), each [S, …] (S networks first), their gradients g0…g(n−1) of the same
 * shapes (up to the factor folded into gradWeight1/2), and the moments m, v [S, Σ sizes]: per network, the
 * moments of p0's entries, then p1's, and so on. Outputs: the new p0…p(n−1), m, v.
 */
import { engine, getBackend, getKernel, registerKernel } from '@tensorflow/tfjs-core';
import type { BackendValues, DataType, KernelBackend, KernelFunc, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON } from './adam';

export const FUSED_ADAM = 'ActivationsKerasAdam';

export interface FusedAdamAttrs {
  stepSize: number;
  gradWeight1: number;
  gradWeight2: number;
}

/** The storage calls the kernel needs, which differ between the cpu and wasm backends. */
interface Storage {
  /** Allocate every output before reading views: a wasm allocation can move the heap. */
  alloc(shape: number[]): TensorInfo;
  view(t: TensorInfo): Float32Array;
  finish(t: TensorInfo, values: Float32Array): TensorInfo;
}

interface CpuLike extends KernelBackend {
  data: { get(id: object): { values?: BackendValues } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: BackendValues): TensorInfo;
}
interface WasmLike extends KernelBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

function cpuStorage(backend: CpuLike): Storage {
  const pending = new Map<TensorInfo, Float32Array>();
  return {
    alloc(shape) {
      const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
      const info = { dataId: {}, shape, dtype: 'float32' as const };
      pending.set(info, values);
      return info;
    },
    view: (t) => pending.get(t) ?? (backend.data.get(t.dataId).values as Float32Array),
    finish: (t, values) => backend.makeTensorInfo(t.shape, 'float32', values),
  };
}

function wasmStorage(backend: WasmLike): Storage {
  return {
    alloc: (shape) => backend.makeOutput(shape, 'float32'),
    view: (t) => backend.typedArrayFromHeap(t),
    finish: (t) => t,
  };
}

function kernel(storage: (b: KernelBackend) => Storage) {
  return ({ inputs, backend, attrs }: { inputs: Record<string, TensorInfo>; backend: KernelBackend; attrs?: NamedAttrMap }) => {
    const { stepSize, gradWeight1, gradWeight2, count } = attrs as unknown as FusedAdamAttrs & { count: number };
    const io = storage(backend);
    const names = Array.from({ length: count }, (_, i) => i);
    const params = names.map((i) => inputs[`p${i}`]!);
    const S = params[0]!.shape[0]!;
    const sizes = params.map((t) => t.shape.reduce((a, b) => a * b, 1) / S);
    const width = sizes.reduce((a, b) => a + b, 0);
    const outs = [...params.map((t) => io.alloc(t.shape)), io.alloc(inputs.m!.shape), io.alloc(inputs.v!.shape)];
    const pIn = params.map((t) => io.view(t));
    const gIn = names.map((i) => io.view(inputs[`g${i}`]!));
    const m = io.view(inputs.m!);
    const v = io.view(inputs.v!);
    const views = outs.map((o) => io.view(o));
    const mOut = views[count]!;
    const vOut = views[count + 1]!;
    for (let s = 0; s < S; s++) {
      let j = s * width;
      for (let i = 0; i < count; i++) {
        const size = sizes[i]!;
        const p = pIn[i]!;
        const g = gIn[i]!;
        const pOut = views[i]!;
        for (let k = s * size, end = k + size; k < end; k++, j++) {
          const gk = g[k]!;
          const mj = ADAM_BETA1 * m[j]! + gradWeight1 * gk;
          const vj = ADAM_BETA2 * v[j]! + gradWeight2 * gk * gk;
          mOut[j] = mj;
          vOut[j] = vj;
          pOut[k] = p[k]! - (stepSize * mj) / (Math.sqrt(vj) + ADAM_EPSILON);
        }
      }
    }
    return outs.map((o, i) => io.finish(o, views[i]!));
  };
}

/** Register the kernel for the active backend if it is cpu or wasm; false means: use the op-based update. */
export function ensureFusedAdam(): boolean {
  const backendName = getBackend();
  if (backendName !== 'cpu' && backendName !== 'wasm') return false;
  if (getKernel(FUSED_ADAM, backendName)) return true;
  registerKernel({
    kernelName: FUSED_ADAM,
    backendName,
    kernelFunc: kernel((b) => (backendName === 'cpu' ? cpuStorage(b as CpuLike) : wasmStorage(b as WasmLike))) as KernelFunc,
  });
  return true;
}

/** One fused update; returns the new parameters (same order) and moments. */
export function fusedAdam(
  params: readonly Tensor[],
  grads: readonly Tensor[],
  moments: { m: Tensor; v: Tensor },
  attrs: FusedAdamAttrs,
): { params: Tensor[]; m: Tensor; v: Tensor } {
  const inputs: Record<string, Tensor> = { m: moments.m, v: moments.v };
  params.forEach((p, i) => {
    inputs[`p${i}`] = p;
    inputs[`g${i}`] = grads[i]!;
  });
  const out = engine().runKernel(FUSED_ADAM, inputs, { ...attrs, count: params.length } as unknown as NamedAttrMap) as Tensor[];
  return { params: out.slice(0, params.length), m: out[params.length]!, v: out[params.length + 1]! };
}
