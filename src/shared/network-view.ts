/**
 * What the one-hidden-layer labs (Fit Lab, universal approximation) draw from a network: the grid their curves are
 * evaluated on and each neuron's state as a label. Framework-free, so build-time figures and islands share it.
 */
import { neuronStates, type ActivationChoice } from '../core/analysis/network';
import { linspace } from '../core/data/dataset';
import { X_MAX, X_MIN } from '../core/data/targets';
import type { NetworkParams } from '../core/train/types';

/** Curves are drawn on a finer grid than the 100 training points, so kinks sit where they really are. */
export const PLOT_GRID = linspace(X_MIN, X_MAX, 241);

/** A neuron's state as the cards and plots show it (one label per neuron, from the analysis' flags). */
export type NeuronState = 'alive' | 'saturated' | 'dead' | 'negative';

export function neuronLabels(params: NetworkParams, a: ActivationChoice, xs: readonly number[]): NeuronState[] {
  return neuronStates(params, a, xs).map((s) =>
    s.dead ? 'dead' : s.negativeRegime ? 'negative' : s.saturated ? 'saturated' : 'alive',
  );
}
