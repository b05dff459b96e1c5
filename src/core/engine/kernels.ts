/**
 * The TF.js kernels the tensor program runs on every step, called through TF.js's engine (`runKernel`, its entry
 * point for running a registered kernel) rather than through the op functions (tf.add, tf.matMul, …).
 *
 * Why: an op function opens a scope of its own around its kernel and converts and checks its inputs. For a lone
 * network (7 parameters) that wrapper costs about a fifth of a training step, and the program's inputs are always
 * float32 tensors of shapes it made itself. The same registered kernel on the same inputs gives the same float32
 * result as its op function; the engine tracks each output as it does for any op, so tf.tidy and tf.keep work
 * unchanged. φ and φ′ stay the registry's op forms (one definition each).
 */
import {
  Add,
  BatchMatMul,
  Concat,
  engine,
  Multiply,
  RealDiv,
  Reshape,
  SplitV,
  Sqrt,
  Square,
  Sub,
  Sum,
  type BatchMatMulAttrs,
  type ConcatAttrs,
  type NamedAttrMap,
  type NamedTensorMap,
  type ReshapeAttrs,
  type SplitVAttrs,
  type SumAttrs,
  type Tensor,
} from '@tensorflow/tfjs-core';

function run<R extends Tensor | Tensor[]>(name: string, inputs: NamedTensorMap, attrs?: NamedAttrMap): R {
  return engine().runKernel<R>(name, inputs, attrs);
}

export const kernels = {
  add: (a: Tensor, b: Tensor) => run<Tensor>(Add, { a, b }),
  sub: (a: Tensor, b: Tensor) => run<Tensor>(Sub, { a, b }),
  mul: (a: Tensor, b: Tensor) => run<Tensor>(Multiply, { a, b }),
  div: (a: Tensor, b: Tensor) => run<Tensor>(RealDiv, { a, b }),
  sqrt: (x: Tensor) => run<Tensor>(Sqrt, { x }),
  square: (x: Tensor) => run<Tensor>(Square, { x }),
  matMul: (a: Tensor, b: Tensor, transposeA = false, transposeB = false) =>
    run<Tensor>(BatchMatMul, { a, b }, { transposeA, transposeB } satisfies BatchMatMulAttrs),
  sum: (x: Tensor, axis: number, keepDims: boolean) => run<Tensor>(Sum, { x }, { axis, keepDims } satisfies SumAttrs),
  reshape: (x: Tensor, shape: number[]) => run<Tensor>(Reshape, { x }, { shape } satisfies ReshapeAttrs),
  /** Tensors of equal rank joined along `axis` (the kernel takes them as a list). */
  concat: (xs: Tensor[], axis: number) =>
    run<Tensor>(Concat, xs as unknown as NamedTensorMap, { axis } satisfies ConcatAttrs),
  split: (x: Tensor, sizes: number[], axis: number) =>
    run<Tensor[]>(SplitV, { x }, { numOrSizeSplits: sizes, axis } satisfies SplitVAttrs),
};
