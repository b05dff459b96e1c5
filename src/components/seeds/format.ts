/** Number and label formatting for the many-seeds figures, shared by the Astro components and the islands. */
import { ACTIVATIONS } from '../../lib/activations';
import type { HiddenActivationId } from '../../lib/activation-types';
import type { Lang } from '../../i18n';
import type { FactKind } from '../../lib/seed-facts';

const locale = (lang: Lang) => (lang === 'zh-cn' ? 'zh-CN' : 'en');

export function formatShare(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value);
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

export function formatCount(value: number, lang: Lang): string {
  // Chinese prose groups thousands too (1,000 reads fine), so one rule serves both.
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(value);
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
