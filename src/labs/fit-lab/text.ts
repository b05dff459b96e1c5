/** Small text helpers for the Fit Lab: template filling, number formatting, refusal and parser messages. */
import type { Dictionary } from '../../i18n';
import type { ExpressionError } from '../../core/data/targets';
import type { Refusal } from '../../core/settings/fit-lab';

/** Replace `{name}` placeholders. Values are inserted as text (Preact escapes them; SVG builders use `esc`). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A number for people: 3 significant digits, exponent form when tiny or huge, words for non-finite. */
export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 1e5 || a < 1e-3 ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
  return text.replace('-', '−');
}

export function expressionMessage(t: Dictionary['fitLab'], error: ExpressionError): string {
  return fill(t.exprErrors[error.code], { pos: error.pos + 1, detail: error.detail ?? '' });
}

export function refusalMessage(t: Dictionary['fitLab'], r: Refusal): string {
  const error = r.error ? expressionMessage(t, r.error) : '';
  const label = r.param in t ? `${t[r.param as 'lr']} (${r.param})` : r.param;
  return fill(t.refusal[r.reason], { param: label, value: r.value, range: r.detail ?? '', error });
}
