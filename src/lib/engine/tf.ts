/**
 * The few tfjs-core ops the engine itself calls, as one object. Each training step is one custom kernel
 * (fused-step.ts), so the engine only creates, reads and disposes tensors. Naming the ops (rather than
 * `import * as tf`) lets the bundler drop the rest of tfjs-core's ops from the worker, which matters for the
 * page budget.
 */
import { tensor1d, tensor2d, tensor3d, zeros } from '@tensorflow/tfjs-core';

export const tf = { tensor1d, tensor2d, tensor3d, zeros };
