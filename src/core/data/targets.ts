/**
 * Target functions the networks learn to fit: a few presets (the seed experiment's cos(x)+1 first) and custom
 * expressions in x typed by the reader (parsed by `expression.ts`, never evaluated as code).
 *
 * A target is named by a spec string: a preset id (`cos`) or `expr:<expression>` (`expr:sin(x)+x^2/10`).
 */
import { evaluate, parseExpression, type ExpressionError } from './expression';

export type { ExpressionError, ExpressionErrorCode } from './expression';
export { MAX_EXPRESSION_LENGTH } from './expression';

export const TARGET_PRESET_IDS = ['cos', 'sin', 'abs', 'step', 'square', 'saw'] as const;
export type TargetPresetId = (typeof TARGET_PRESET_IDS)[number];
export const DEFAULT_TARGET: TargetPresetId = 'cos';
export const EXPR_PREFIX = 'expr:';

/** The x range of every experiment on the site: [0, 2π], as in the seed article. */
export const X_MIN = 0;
export const X_MAX = 2 * Math.PI;
/** Targets bigger than this are refused: the network could only diverge, and the plot would be useless. */
export const MAX_TARGET_MAGNITUDE = 1e4;

export interface TargetPreset {
  id: TargetPresetId;
  /** How it is written, for labels and the formula line (plain text and TeX). */
  text: string;
  tex: string;
  f(x: number): number;
}

export const TARGET_PRESETS: Readonly<Record<TargetPresetId, TargetPreset>> = {
  cos: { id: 'cos', text: 'cos(x) + 1', tex: '\\cos x + 1', f: (x) => Math.cos(x) + 1 },
  sin: { id: 'sin', text: 'sin(x)', tex: '\\sin x', f: (x) => Math.sin(x) },
  abs: { id: 'abs', text: '|x − π|', tex: '|x - \\pi|', f: (x) => Math.abs(x - Math.PI) },
  step: { id: 'step', text: 'step at x = π', tex: '\\mathbb{1}[x \\ge \\pi]', f: (x) => (x >= Math.PI ? 1 : 0) },
  square: { id: 'square', text: 'x² / 10', tex: 'x^2/10', f: (x) => (x * x) / 10 },
  // Two teeth over [0, 2π]: rises from 0 to 1 on [0, π), drops, rises again.
  saw: { id: 'saw', text: 'sawtooth', tex: '\\{x/\\pi\\}', f: (x) => x / Math.PI - Math.floor(x / Math.PI) },
};

export function isTargetPresetId(value: string): value is TargetPresetId {
  return (TARGET_PRESET_IDS as readonly string[]).includes(value);
}

export interface CompiledTarget {
  /** Canonical spec: a preset id, or `expr:` + the trimmed expression. */
  spec: string;
  /** Human-readable form for labels. */
  text: string;
  f(x: number): number;
}

export type TargetResult = { ok: true; target: CompiledTarget } | { ok: false; error: ExpressionError };

/**
 * Compile a target spec and check it on the training grid `xs`: every value must be finite and of sane size.
 * Never throws; a refused spec comes back with a typed error the UI can localize.
 */
export function compileTarget(spec: string, xs: readonly number[]): TargetResult {
  if (isTargetPresetId(spec)) {
    const preset = TARGET_PRESETS[spec];
    return { ok: true, target: { spec, text: preset.text, f: preset.f } };
  }
  const source = spec.startsWith(EXPR_PREFIX) ? spec.slice(EXPR_PREFIX.length) : spec;
  const parsed = parseExpression(source);
  if (!parsed.ok) return parsed;
  const { expr } = parsed;
  const f = (x: number) => evaluate(expr, x);
  for (const x of xs) {
    const y = f(x);
    if (!Number.isFinite(y)) return { ok: false, error: { code: 'nonFinite', pos: -1, detail: formatX(x) } };
    if (Math.abs(y) > MAX_TARGET_MAGNITUDE)
      return { ok: false, error: { code: 'tooLarge', pos: -1, detail: formatX(x) } };
  }
  const text = source.trim();
  return { ok: true, target: { spec: EXPR_PREFIX + text, text, f } };
}

function formatX(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** y values of a target on the given x grid. */
export function sampleTarget(target: Pick<CompiledTarget, 'f'>, xs: readonly number[]): number[] {
  return xs.map((x) => target.f(x));
}
