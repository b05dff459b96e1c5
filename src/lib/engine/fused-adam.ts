/**
 * A fused Keras-Adam kernel for the cpu and wasm backends: one kernel launch per step instead of twelve
 * elementwise ones, and it reads the gradient straight from its three pieces, so no concat is needed either.
 * This mirrors TensorFlow itself, where Keras' Adam runs as the single fused `ResourceApplyAdam` op.
 * The maths is exactly `adamUpdate` in adam.ts (Keras' ε form); a unit test checks that the two agree.
 *
 * Inputs: params, m, v [S, 4, H] (rows w1, b1, w2, b2 — see params.ts) and the gradient pieces
 * gW1B1 [S, 2, H], gW2 [S, 1, H], gB2 [S, 1, H], each up to the factor folded into gradWeight1/2.
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
    const { stepSize, gradWeight1, gradWeight2 } = attrs as unknown as FusedAdamAttrs;
    const io = storage(backend);
    const shape = inputs.params!.shape;
    const [S, , H] = shape as [number, number, number];
    const outs = [io.alloc(shape), io.alloc(shape), io.alloc(shape)] as const;
    const [p, m, v, g12, g3, g4] = ['params', 'm', 'v', 'gW1B1', 'gW2', 'gB2'].map((k) => io.view(inputs[k]!)) as Float32Array[];
    const [pOut, mOut, vOut] = outs.map((o) => io.view(o)) as [Float32Array, Float32Array, Float32Array];
    for (let s = 0; s < S; s++) {
      for (let r = 0; r < 4; r++) {
        const src = r < 2 ? g12! : r === 2 ? g3! : g4!;
        const gBase = r < 2 ? (s * 2 + r) * H : s * H;
        const base = (s * 4 + r) * H;
        for (let h = 0; h < H; h++) {
          const j = base + h;
          const gh = src[gBase + h]!;
          const mj = ADAM_BETA1 * m![j]! + gradWeight1 * gh;
          const vj = ADAM_BETA2 * v![j]! + gradWeight2 * gh * gh;
          mOut[j] = mj;
          vOut[j] = vj;
          pOut[j] = p![j]! - (stepSize * mj) / (Math.sqrt(vj) + ADAM_EPSILON);
        }
      }
    }
    return outs.map((o, i) => io.finish(o, [pOut, mOut, vOut][i]!));
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

export function fusedAdam(
  state: { params: Tensor; m: Tensor; v: Tensor },
  grads: { gW1B1: Tensor; gW2: Tensor; gB2: Tensor },
  attrs: FusedAdamAttrs,
): { params: Tensor; m: Tensor; v: Tensor } {
  const out = engine().runKernel(FUSED_ADAM, { ...state, ...grads }, attrs as unknown as NamedAttrMap) as Tensor[];
  return { params: out[0]!, m: out[1]!, v: out[2]! };
}
