/**
 * The network as a formula with its current numbers: ŷ = c + v₁·φ(w₁x + b₁) + … Each term is its own piece, so
 * the island can colour it, number it and link it to the neuron's other views. Plain text, no TeX: it is rebuilt
 * on every drawn frame while training.
 */
import type { HiddenActivationId } from '../../../core/activations/types';
import type { NetworkParams } from '../../../core/train/types';
import { formatNumber } from '../../../shared/format';

/** How the formula writes φ: the Keras name, σ for the sigmoid, nothing for the identity. */
export function formulaName(activation: HiddenActivationId): string {
  if (activation === 'sigmoid') return 'σ';
  if (activation === 'linear') return '';
  return activation;
}

export interface FormulaTerm {
  /** The neuron as readers number it (1-based). */
  neuron: number;
  /** vᵢ, wᵢ, bᵢ as written. */
  v: string;
  w: string;
  b: string;
  /** The term: "−0.83·relu(1.2x − 3.1)". */
  text: string;
  muted: boolean;
}

export interface Formula {
  /** The output bias c as written. */
  c: string;
  terms: FormulaTerm[];
}

/** wx + b with the sign of b as an operator: "1.2x − 3.1", "−0.5x + 2", "2x" (b = 0). */
export function innerText(w: number, b: number, digits = 3): string {
  const wx = `${formatNumber(w, digits)}x`;
  const bText = formatNumber(Math.abs(b), digits);
  if (bText === '0') return wx;
  // Not-a-number b keeps its own text ("NaN"): there is no sign to pull out.
  if (Number.isNaN(b)) return `${wx} + ${bText}`;
  return `${wx} ${b < 0 ? '−' : '+'} ${bText}`;
}

/** The formula of a network's current numbers (3 significant digits, as the neuron cards write them). */
export function networkFormula(
  params: NetworkParams,
  activation: HiddenActivationId,
  muted: readonly boolean[] = [],
): Formula {
  const phi = formulaName(activation);
  return {
    c: formatNumber(params.b2),
    terms: params.w1.map((w, i) => {
      const b = params.b1[i]!;
      const v = params.w2[i]!;
      return {
        neuron: i + 1,
        v: formatNumber(v),
        w: formatNumber(w),
        b: formatNumber(b),
        text: `${formatNumber(v)}·${phi}(${innerText(w, b)})`,
        muted: muted[i] === true,
      };
    }),
  };
}

/** The whole formula on one line, muted terms left out: "ŷ = 0.52 + −0.83·relu(1.2x − 3.1) + …". */
export function formulaText(f: Formula): string {
  return ['ŷ = ' + f.c, ...f.terms.filter((t) => !t.muted).map((t) => t.text)].join(' + ');
}
