/** Fills `{name}` placeholders in a UI string (dictionary entries stay plain strings so islands can receive them). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A number for people: up to `digits` significant digits, a true minus sign, no "-0". */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Object.is(value, -0) || Math.abs(value) < 1e-12) return '0';
  const text = Math.abs(value) >= 1e5 || Math.abs(value) < 1e-4 ? value.toExponential(digits - 1) : String(Number(value.toPrecision(digits)));
  return text.replace('-', '−');
}

/** An interval such as "[0, ∞)" or "(−1, 1)", with brackets saying which ends are attained. */
export function formatRange(range: readonly [number, number], attained: readonly [boolean, boolean] = [false, false]): string {
  const [lo, hi] = range;
  const open = attained[0] && Number.isFinite(lo) ? '[' : '(';
  const close = attained[1] && Number.isFinite(hi) ? ']' : ')';
  return `${open}${formatNumber(lo, 3)}, ${formatNumber(hi, 3)}${close}`;
}
