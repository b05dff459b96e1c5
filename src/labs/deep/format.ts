/** How DeepStat writes a number in prose, per language. */
import type { Lang } from '../../i18n';

export type DeepStatKind = 'percent' | 'scientific' | 'inverse' | 'decimal' | 'integer';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Two significant digits: plenty for prose about orders of magnitude. */
export function formatDeepStat(value: number, kind: DeepStatKind, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  const locale = lang === 'zh-cn' ? 'zh-CN' : 'en';
  switch (kind) {
    case 'percent':
      return `${Math.round(value * 100)}%`;
    case 'integer':
      return Math.round(value).toLocaleString(locale);
    case 'inverse': {
      // "one in N": 1 / value to two significant digits.
      return Number((1 / value).toPrecision(2)).toLocaleString(locale);
    }
    case 'decimal':
      return Number(value.toPrecision(2)).toLocaleString(locale, { maximumSignificantDigits: 2 });
    case 'scientific': {
      if (value >= 0.01 && value < 1000) return Number(value.toPrecision(2)).toLocaleString(locale);
      const [mantissa, exponent] = value.toExponential(1).split('e') as [string, string];
      const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
      return `${mantissa} × 10${power}`;
    }
  }
}
