/**
 * Softmax with a temperature, written to stay finite for any finite logits, and the parsing of logits typed by
 * readers (which may be garbage: the caller keeps the last valid value and shows a message).
 */

export const MIN_LOGITS = 3;
export const MAX_LOGITS = 6;
export const DEFAULT_LOGITS: readonly number[] = [2, 1, 0.1];
export const TEMPERATURE = { default: 1, min: 0.1, max: 5, step: 0.05 } as const;

/**
 * pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T), computed as exp((zᵢ − max z)/T) / Σ…: every exponent is ≤ 0, so nothing
 * overflows, and the largest term is exactly 1, so the sum never underflows to 0.
 */
export function softmax(logits: readonly number[], temperature = 1): number[] {
  if (logits.length === 0) return [];
  if (!(temperature > 0) || !Number.isFinite(temperature))
    throw new RangeError(`temperature must be a positive finite number, got ${temperature}`);
  for (const z of logits) if (!Number.isFinite(z)) throw new RangeError(`logits must be finite, got ${z}`);
  let max = -Infinity;
  for (const z of logits) if (z > max) max = z;
  // (z − max) may overflow to −∞ when logits differ by more than ~1.8e308; exp(−∞) = 0 is then the right answer.
  const exps = logits.map((z) => Math.exp((z - max) / temperature));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** log Σ exp(zᵢ), without overflow. */
export function logSumExp(logits: readonly number[]): number {
  if (logits.length === 0) return -Infinity;
  const max = Math.max(...logits);
  return max + Math.log(logits.reduce((sum, z) => sum + Math.exp(z - max), 0));
}

/** ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ) at temperature 1, as a dense matrix. */
export function softmaxJacobian(probabilities: readonly number[]): number[][] {
  return probabilities.map((pi, i) => probabilities.map((pj, j) => pi * ((i === j ? 1 : 0) - pj)));
}

export type ParsedNumber = { ok: true; value: number } | { ok: false };

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A logit typed by a reader: a plain decimal or exponent number, with a true minus sign (−) or full-width
 * characters (as Chinese input methods produce) accepted. Anything else, or a number too large to be finite,
 * is refused. Never evaluates the text.
 */
export function parseLogit(text: string): ParsedNumber {
  const normalized = text
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[−－]/g, '-')
    .replace(/＋/g, '+')
    .replace(/[．。]/g, '.');
  if (!NUMBER_PATTERN.test(normalized)) return { ok: false };
  const value = Number(normalized);
  return Number.isFinite(value) ? { ok: true, value: Object.is(value, -0) ? 0 : value } : { ok: false };
}
