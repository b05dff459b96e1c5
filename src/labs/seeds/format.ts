/** Number and label formatting for the many-seeds figures, shared by the Astro components and the islands. */
import { ACTIVATIONS } from '../../core/activations/registry';
import type { HiddenActivationId } from '../../core/activations/types';
import type { Lang } from '../../i18n';
import type { FactKind } from '../../core/analysis/seed-facts';

/**
 * Shares and counts are formatted by hand rather than with Intl.NumberFormat: both languages write them the same
 * way here ("77.7%", "1,000"), constructing an Intl formatter costs tens of milliseconds on the page's main
 * thread, and one function gives the same text at build time in Node and live in every browser.
 */
export function formatShare(value: number, _lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  // Round half away from zero at 0.1 % (as Intl does), then drop a trailing ".0".
  const tenths = Math.round(Math.abs(value) * 1000 + 1e-9) * Math.sign(value);
  return `${String(tenths / 10).replace('-', '−')}%`;
}

/** An error value: three significant digits, scientific below 0.001 (log-scale quantities). */
export function formatMse(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-3) {
    const [mantissa, exponent] = value.toExponential(1).split('e') as [string, string];
    return `${mantissa}×10${toSuperscript(exponent)}`;
  }
  return String(Number(value.toPrecision(3)));
}

function toSuperscript(digits: string): string {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return [...digits].map((d) => (d === '-' ? '⁻' : d === '+' ? '' : (sup[Number(d)] ?? d))).join('');
}

export function formatCount(value: number, _lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  // Thousands grouped with a comma in both languages (zh-CN writes 1,000 too).
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',').replace('-', '−');
}

export function formatFact(value: number, kind: FactKind, lang: Lang): string {
  switch (kind) {
    case 'share':
      return formatShare(value, lang);
    case 'mse':
      return formatMse(value);
    default:
      return formatCount(value, lang);
  }
}

export function activationLabel(id: HiddenActivationId, lang: Lang): string {
  const a = ACTIVATIONS[id];
  return a.shortName ?? a.name[lang];
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
