/**
 * Whether a hidden layer of this activation can learn at all, decided from the registry's facts alone so that the
 * Fit Lab's notice, the prose and the tests agree. A reason is a key: each language words it in its dictionary.
 */
import { ACTIVATIONS } from './registry';
import type { HiddenActivationId } from './types';

/** `zeroGradient`: f′ = 0 wherever it is defined, so backpropagation hands the hidden weights exactly 0. */
export type CannotLearnReason = 'zeroGradient';

/** The reason the hidden layer's weights and biases never move, or null when they can learn. */
export function cannotLearn(id: HiddenActivationId): CannotLearnReason | null {
  return ACTIVATIONS[id].facts.zeroGradient ? 'zeroGradient' : null;
}
