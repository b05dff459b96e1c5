/**
 * The slice of tfjs-core the engine (program.ts) and the registry's tensor forms use, as one object.
 *
 * Why not `import * as tf`: the registry receives the namespace as a value (`tensor(tf, x)`), and a namespace
 * passed around as a value keeps every export of tfjs-core in the bundle. Naming the ops lets the bundler drop
 * the rest, which matters for the page budget. A unit test runs every registry activation through this object,
 * so an op the registry starts using without being listed here fails a test, not a reader's browser.
 */
import {
  abs,
  add,
  clone,
  concat,
  cos,
  div,
  elu,
  erf,
  exp,
  gather,
  keep,
  leakyRelu,
  log1p,
  matMul,
  maximum,
  minimum,
  mul,
  neg,
  ones,
  onesLike,
  relu,
  reshape,
  scalar,
  sigmoid,
  sin,
  slice,
  softplus,
  split,
  sqrt,
  square,
  step,
  sub,
  sum,
  tanh,
  tensor1d,
  tensor2d,
  tensor3d,
  tidy,
  zeros,
  zerosLike,
} from '@tensorflow/tfjs-core';
import type { TfCore } from '../activations/types';

const ops = {
  abs,
  add,
  clone,
  concat,
  cos,
  div,
  elu,
  erf,
  exp,
  gather,
  keep,
  leakyRelu,
  log1p,
  matMul,
  maximum,
  minimum,
  mul,
  neg,
  ones,
  onesLike,
  relu,
  reshape,
  scalar,
  sigmoid,
  sin,
  slice,
  softplus,
  split,
  sqrt,
  square,
  step,
  sub,
  sum,
  tanh,
  tensor1d,
  tensor2d,
  tensor3d,
  tidy,
  zeros,
  zerosLike,
};

export type EngineOps = typeof ops;
export const ENGINE_OP_NAMES = Object.keys(ops) as (keyof EngineOps)[];

export const tf: EngineOps = ops;
/** The same object typed as the namespace the registry's signature asks for; only the ops above exist. */
export const registryTf = ops as unknown as TfCore;
