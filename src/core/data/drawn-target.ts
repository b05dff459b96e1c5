/**
 * A target the reader draws: K control values evenly spaced over [0, 2π], y clamped to a fixed range, joined by
 * straight lines. Pointer strokes (any number of samples, any order, with gaps) paint the control values they
 * pass over; the curve is resampled to the training points for a Dataset; and it travels in the URL as a short
 * quantised base-36 string. Decoding validates and never throws: a bad string comes back as a typed refusal.
 */
import { linspace } from './dataset';
import { X_MAX, X_MIN } from './targets';
import type { Dataset } from '../train/types';

/** Control points (both ends included): spacing 2π/24 = π/12, so π/2, π and 3π/2 are control points. */
export const CONTROL_POINTS = 25;
export const Y_MIN = -1;
export const Y_MAX = 3;
/** Two base-36 digits per value (at most 36² levels); a multiple of the range's span, so whole numbers are exact. */
const LEVELS = 1292;
const DIGITS_PER_VALUE = 2;
export const ENCODED_LENGTH = CONTROL_POINTS * DIGITS_PER_VALUE;

export const CONTROL_XS: readonly number[] = Object.freeze(linspace(X_MIN, X_MAX, CONTROL_POINTS));
export const CONTROL_STEP = (X_MAX - X_MIN) / (CONTROL_POINTS - 1);

export interface Sample {
  x: number;
  y: number;
}

export const clampY = (y: number): number => Math.min(Y_MAX, Math.max(Y_MIN, y));

/** Snap a value to the grid the URL encoding can carry, so a drawn shape and its link give the same data. */
export function quantize(y: number): number {
  const level = Math.round(((clampY(y) - Y_MIN) / (Y_MAX - Y_MIN)) * LEVELS);
  return Y_MIN + (level / LEVELS) * (Y_MAX - Y_MIN);
}

/** Control values of a function (clamped and quantised). */
export function controlsOf(f: (x: number) => number): number[] {
  return CONTROL_XS.map((x) => quantize(f(x)));
}

export const flatControls = (y = 1): number[] => CONTROL_XS.map(() => quantize(y));

/** The control point nearest to x (clamped to the ends). */
export function nearestControl(x: number): number {
  const k = Math.round((x - X_MIN) / CONTROL_STEP);
  return Math.min(CONTROL_POINTS - 1, Math.max(0, k));
}

/**
 * Paint a stroke onto the control values: every consecutive pair of samples sets the control points whose x
 * lies between them (linear interpolation), in stroke order, so a later part of the stroke wins. A fast stroke
 * leaves gaps between samples; the straight line between them fills them. A lone sample sets its nearest
 * control point. Non-finite samples are skipped; y goes through `snap` (by default clamped to [Y_MIN, Y_MAX] and
 * quantised for the URL; a sketch on another plot passes its own range). Returns a new array.
 */
export function applyStroke(
  values: readonly number[],
  stroke: readonly Sample[],
  snap: (y: number) => number = quantize,
): number[] {
  const out = values.length === CONTROL_POINTS ? [...values] : flatControls();
  const points = stroke.filter((s) => Number.isFinite(s.x) && Number.isFinite(s.y));
  if (points.length === 1) {
    const s = points[0]!;
    out[nearestControl(s.x)] = snap(s.y);
    return out;
  }
  for (let j = 1; j < points.length; j++) {
    const a = points[j - 1]!;
    const b = points[j]!;
    const lo = Math.min(a.x, b.x);
    const hi = Math.max(a.x, b.x);
    // A segment shorter than the control spacing may contain no control point: then it sets the nearest one.
    let touched = false;
    for (let k = Math.max(0, Math.ceil((lo - X_MIN) / CONTROL_STEP - 1e-9)); k < CONTROL_POINTS; k++) {
      const x = CONTROL_XS[k]!;
      if (x > hi + 1e-9) break;
      const t = hi === lo ? 0.5 : (x - a.x) / (b.x - a.x);
      out[k] = snap(a.y + t * (b.y - a.y));
      touched = true;
    }
    if (!touched && lo <= X_MAX && hi >= X_MIN) {
      const k = nearestControl((lo + hi) / 2);
      const x = CONTROL_XS[k]!;
      if (Math.abs(x - (lo + hi) / 2) < CONTROL_STEP / 2)
        out[k] = snap(hi === lo ? b.y : a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y));
    }
  }
  return out;
}

/** Control values from samples alone, in any order: sorted by x and painted onto a flat line at `base`. */
export function controlsFromSamples(samples: readonly Sample[], base = 1): number[] {
  const sorted = samples.filter((s) => Number.isFinite(s.x) && Number.isFinite(s.y)).sort((a, b) => a.x - b.x);
  return applyStroke(flatControls(base), sorted);
}

/** The polyline through the control values, evaluated at x (clamped to [0, 2π]). */
export function valueAt(values: readonly number[], x: number): number {
  const pos = Math.min(CONTROL_POINTS - 1, Math.max(0, (x - X_MIN) / CONTROL_STEP));
  const k = Math.min(CONTROL_POINTS - 2, Math.floor(pos));
  const t = pos - k;
  return values[k]! + t * (values[k + 1]! - values[k]!);
}

export function resample(values: readonly number[], xs: readonly number[]): number[] {
  return xs.map((x) => valueAt(values, x));
}

/** The training data of a drawn curve: its polyline at the given inputs (the 100 training points). */
export function drawnDataset(values: readonly number[], xs: readonly number[]): Dataset {
  return { x: [...xs], y: resample(values, xs) };
}

export function encodeShape(values: readonly number[]): string {
  return values
    .map((v) =>
      Math.round(((clampY(Number.isFinite(v) ? v : 0) - Y_MIN) / (Y_MAX - Y_MIN)) * LEVELS)
        .toString(36)
        .padStart(DIGITS_PER_VALUE, '0'),
    )
    .join('');
}

export type ShapeRefusal = 'empty' | 'badLength' | 'badCharacter' | 'badValue';
export type DecodedShape = { ok: true; values: number[] } | { ok: false; reason: ShapeRefusal };

const ENCODED = /^[0-9a-z]+$/;

export function decodeShape(text: string): DecodedShape {
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length !== ENCODED_LENGTH) return { ok: false, reason: 'badLength' };
  if (!ENCODED.test(text)) return { ok: false, reason: 'badCharacter' };
  const values: number[] = [];
  for (let k = 0; k < CONTROL_POINTS; k++) {
    const level = parseInt(text.slice(k * DIGITS_PER_VALUE, (k + 1) * DIGITS_PER_VALUE), 36);
    if (level > LEVELS) return { ok: false, reason: 'badValue' };
    values.push(Y_MIN + (level / LEVELS) * (Y_MAX - Y_MIN));
  }
  return { ok: true, values };
}

/** Shapes to start from. Each is a function sampled at the control points (so a preset is a drawn shape too). */
export const SHAPE_PRESET_IDS = ['bump', 'cos', 'step', 'zigzag'] as const;
export type ShapePresetId = (typeof SHAPE_PRESET_IDS)[number];
export const DEFAULT_SHAPE: ShapePresetId = 'zigzag';

const SHAPE_FUNCTIONS: Record<ShapePresetId, (x: number) => number> = {
  // A smooth hill in the middle of a flat line.
  bump: (x) => 2 * Math.exp(-((x - Math.PI) ** 2) / 0.8),
  cos: (x) => Math.cos(x) + 1,
  step: (x) => (x < Math.PI ? 0 : 2),
  // Two teeth between 0 and 2: a triangle wave with period π.
  zigzag: (x) => {
    const phase = (((x / Math.PI) % 1) + 1) % 1;
    return 2 * (1 - Math.abs(2 * phase - 1));
  },
};

export function isShapePresetId(value: string): value is ShapePresetId {
  return (SHAPE_PRESET_IDS as readonly string[]).includes(value);
}

export function presetControls(id: ShapePresetId): number[] {
  return controlsOf(SHAPE_FUNCTIONS[id]);
}

/** The preset whose control values these are, if any (so a redrawn-to-identical shape keeps its short name). */
export function presetOf(values: readonly number[]): ShapePresetId | null {
  const code = encodeShape(values);
  return SHAPE_PRESET_IDS.find((id) => encodeShape(presetControls(id)) === code) ?? null;
}
