/** Registry entries → plot curves for the current parameters (wiring shared by the gallery's plots). */
import { ACTIVATIONS, shortNameOf } from '../../core/activations/registry';
import type { ActivationParams, HiddenActivationId } from '../../core/activations/types';
import type { PlotCurve } from '../../plots/activationPlot';

export function curveFor(
  id: HiddenActivationId,
  params: ActivationParams,
  style = 0,
  plotDerivativeAsF = false,
): PlotCurve {
  const a = ACTIVATIONS[id];
  const f = (x: number) => a.f(x, params);
  const fPrime = (x: number) => a.fPrime(x, params);
  return {
    key: id,
    label: plotDerivativeAsF ? `${shortNameOf(id)}′` : shortNameOf(id),
    f: plotDerivativeAsF ? fPrime : f,
    fPrime,
    kinks: a.facts.kinks,
    // f′ of ReLU-like units jumps at the kink and f itself only bends there; a step's f jumps too.
    jumpsAtKinks: plotDerivativeAsF || !a.facts.continuous,
    style,
  };
}
