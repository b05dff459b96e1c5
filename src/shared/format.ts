/**
 * How every lab writes numbers and fills its UI strings: one module, the same text at build time in Node and live
 * in every browser. Numbers are formatted by hand rather than with Intl.NumberFormat: both languages write them the
 * same way here ("77.7%", "1,000"), and constructing an Intl formatter costs tens of milliseconds on the main thread.
 */
import { ACTIVATIONS } from '../core/activations/registry';
import type { HiddenActivationId } from '../core/activations/types';
import type { FactKind } from '../core/analysis/seed-facts';
import type { Lang } from '../i18n';

/**
 * Replace `{name}` placeholders (unknown names stay as written). Values are inserted as text: Preact escapes them,
 * SVG builders escape their own. Dictionary entries stay plain strings, so islands can receive them as props.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A true minus sign (U+2212) for the first hyphen-minus of a number's text. */
const minus = (text: string) => text.replace('-', '−');

/**
 * A number for people: `digits` significant digits, exponent form at 10⁵ and above or below 10^−digits, a true
 * minus sign, words for what is not a number, a dash for no value. Anything under 10⁻¹² is written 0: such values
 * are float noise (a slider stepped back to 0), not a reading.
 */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const a = Math.abs(value);
  if (a < 1e-12) return '0';
  const exponent = a >= 1e5 || a < 10 ** -digits;
  return minus(exponent ? value.toExponential(digits - 1) : String(Number(value.toPrecision(digits))));
}

/** An interval such as "[0, ∞)" or "(−1, 1)", with brackets saying which ends are attained. */
export function formatRange(
  range: readonly [number, number],
  attained: readonly [boolean, boolean] = [false, false],
): string {
  const [lo, hi] = range;
  const open = attained[0] && Number.isFinite(lo) ? '[' : '(';
  const close = attained[1] && Number.isFinite(hi) ? ']' : ')';
  return `${open}${formatNumber(lo, 3)}, ${formatNumber(hi, 3)}${close}`;
}

/** A share as a whole percentage ("44%"), a dash when it is not a number. */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)}%` : '—';
}

/** A share to 0.1 % ("77.7%", "20%"), rounded half away from zero as Intl does. */
export function formatShare(value: number, _lang?: Lang): string {
  if (!Number.isFinite(value)) return '—';
  const tenths = Math.round(Math.abs(value) * 1000 + 1e-9) * Math.sign(value);
  return `${minus(String(tenths / 10))}%`;
}

/** A whole count with thousands grouped by commas, in both languages (zh-CN writes 1,000 too). */
export function formatCount(value: number, _lang?: Lang): string {
  if (!Number.isFinite(value)) return '—';
  return minus(String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

const SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  [...'-0123456789'].map((c, i) => [c, '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'[i]!]),
);

/** "8.4×10⁻⁴" (two significant digits); `spaced` puts spaces around the × as running prose does. */
function scientific(value: number, spaced: boolean): string {
  const [mantissa, exponent] = value.toExponential(1).split('e') as [string, string];
  const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${mantissa}${spaced ? ' × ' : '×'}10${power}`;
}

/** An error value in a table: three significant digits, scientific below 0.001 (log-scale quantities). */
export function formatMse(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-3) return scientific(value, false);
  return String(Number(value.toPrecision(3)));
}

/** A many-seeds fact as the prose writes it. */
export function formatFact(value: number, kind: FactKind, lang: Lang): string {
  switch (kind) {
    case 'share':
      return formatShare(value, lang);
    case 'mse':
      return formatMse(value);
    case 'ratio':
      // "70×" / "70 倍": two significant digits say how many times larger.
      return `${formatProseNumber(value, 'decimal', lang)}${lang === 'zh-cn' ? ' 倍' : '×'}`;
    default:
      return formatCount(value, lang);
  }
}

export type ProseNumberKind = 'percent' | 'scientific' | 'inverse' | 'decimal' | 'integer';

/** A number in running prose, two significant digits (plenty for orders of magnitude), grouped per language. */
export function formatProseNumber(value: number, kind: ProseNumberKind, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  const locale = lang === 'zh-cn' ? 'zh-CN' : 'en';
  switch (kind) {
    case 'percent':
      return formatPercent(value);
    case 'integer':
      return Math.round(value).toLocaleString(locale);
    case 'inverse':
      // "one in N": 1 / value to two significant digits.
      return Number((1 / value).toPrecision(2)).toLocaleString(locale);
    case 'decimal':
      return Number(value.toPrecision(2)).toLocaleString(locale, { maximumSignificantDigits: 2 });
    case 'scientific':
      if (value >= 0.01 && value < 1000) return Number(value.toPrecision(2)).toLocaleString(locale);
      return scientific(value, true);
  }
}

/** An activation's short label ("ReLU", "tanh"), or its name in `lang` when it has none. */
export function activationLabel(id: HiddenActivationId, lang: Lang): string {
  const a = ACTIVATIONS[id];
  return a.shortName ?? a.name[lang];
}
