/**
 * The live formula: ŷ = c + v₁·φ(w₁x + b₁) + … with the numbers the network has now. Each term is one neuron's,
 * underlined in its colour and tagged with its number (so it is told apart without colour), and, like the card,
 * curve and handle, lights that neuron up when hovered or focused. Muted terms are struck out of the sum. Below it,
 * the error of the sum as shown.
 */
import type { Dictionary } from '../../../i18n';
import { DEAD_COLOUR, neuronStyle } from '../../../plots/svg';
import { fill, formatNumber } from '../../../shared/format';
import type { Formula } from './formula';
import type { FitError } from './neurons';
import type { ActiveNeuron } from './useActiveNeuron';

interface Props {
  t: Dictionary['fitLab'];
  formula: Formula;
  dead: readonly boolean[];
  /** The error of the sum as shown (muted neurons left out), and of the whole network. */
  error: FitError | null;
  fullMse: number | null;
  points: number;
  anyMuted: boolean;
  neuron: ActiveNeuron;
}

export function NeuronFormula({ t, formula, dead, error, fullMse, points, anyMuted, neuron }: Props) {
  return (
    <div class="fitlab__formula" data-role="formula-panel">
      <p class="fitlab__formula-general">
        <span class="fitlab__formula-title">{t.formula.title}</span> <span dir="ltr">{t.formula.general}</span>
      </p>
      <div class="fitlab__formula-line" data-formula dir="ltr">
        <span>ŷ =</span>
        <span data-role="formula-c">{formula.c}</span>
        <ul class="fitlab__terms">
          {formula.terms.map((term, i) => {
            const k = term.neuron;
            const colour = dead[i] ? DEAD_COLOUR : neuronStyle(i).colour;
            return (
              <li
                key={k}
                class={`fitlab__term${term.muted ? ' fitlab__term--muted' : ''}`}
                data-neuron={k}
                data-muted={term.muted ? 'true' : undefined}
                data-v={term.v}
                data-w={term.w}
                data-b={term.b}
                tabIndex={0}
                style={{ '--neuron-colour': colour }}
                {...neuron.hoverFocus(k)}
              >
                <span class="fitlab__term-op" aria-hidden="true">
                  +
                </span>
                <span class="sr-only">
                  {fill(term.muted ? t.formula.mutedTerm : t.formula.term, { i: k, term: '' })}
                </span>
                <span class="fitlab__term-body">{term.text}</span>
                <sub class="fitlab__term-tag" aria-hidden="true">
                  {k}
                </sub>
              </li>
            );
          })}
        </ul>
      </div>
      <p class="lab__hint" data-role="shown-error" data-mse={error ? String(error.mse) : ''}>
        {error &&
          (anyMuted
            ? fill(t.formula.errorMuted, {
                n: points,
                mse: formatNumber(error.mse),
                full: formatNumber(fullMse),
              })
            : fill(t.formula.error, { n: points, mse: formatNumber(error.mse) }))}
      </p>
    </div>
  );
}
