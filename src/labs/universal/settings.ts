/**
 * Universal-approximation demo settings ⇄ URL query, in the style of settings.ts: strict parsing that never
 * throws; each refused value falls back to its default and is reported as `{ param, value, reason }` for a
 * localized notice. The parameter names are prefixed (`units`, `uact`, …) so they cannot collide with the other
 * demos on the same page.
 *
 *   units    hidden neurons, 1–32
 *   uact     hidden activation id (the registry's)
 *   shape    a preset id (bump, cos, step, zigzag) or a drawn curve as encoded by drawn-target.ts
 *   uepochs  epochs of every run (the live fit and the "how many units?" sweep)
 *   useeds   seeds per activation and size in the sweep
 */
import { isHiddenActivationId } from '../../core/activations/registry';
import type { HiddenActivationId } from '../../core/activations/types';
import { decodeShape, DEFAULT_SHAPE, encodeShape, isShapePresetId, presetControls, presetOf, type ShapePresetId, type ShapeRefusal } from '../../core/data/drawn-target';
import { MAX_HIDDEN } from '../../core/engine/params';
import { parseStrictNumber, shortenForDisplay, type RefusalReason } from '../../core/settings/fit-lab';
import type { TrainConfig } from '../../core/train/types';

export interface UniversalSettings {
  units: number;
  activation: HiddenActivationId;
  /** The curve's control values (a preset's or a drawn one). */
  shape: number[];
  epochs: number;
  seeds: number;
}

/** Training besides the URL settings: Keras defaults and the seed experiment's learning rate. */
export const UNIVERSAL_TRAINING = { lr: 0.04, batchSize: 32, seed: 0 } as const;

export const DEFAULT_UNIVERSAL: Readonly<Omit<UniversalSettings, 'shape'>> & { shape: ShapePresetId } = Object.freeze({
  units: 12,
  activation: 'relu',
  shape: DEFAULT_SHAPE,
  epochs: 1000,
  seeds: 3,
});

export const UNIVERSAL_RANGES = {
  units: { min: 1, max: MAX_HIDDEN, integer: true, minInclusive: true },
  epochs: { min: 10, max: 5000, integer: true, minInclusive: true },
  seeds: { min: 1, max: 8, integer: true, minInclusive: true },
} as const;

/** The sizes the "how many units?" sweep tries. */
export const UNIT_SWEEP = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32] as const;
/** The activations it compares. */
export const SWEEP_ACTIVATIONS = ['sigmoid', 'relu'] as const satisfies readonly HiddenActivationId[];

export type UniversalParam = 'units' | 'uact' | 'shape' | 'uepochs' | 'useeds';
export type UniversalRefusalReason = RefusalReason | ShapeRefusal;

export interface UniversalRefusal {
  param: UniversalParam;
  /** Shortened for display; shown as text, never as HTML. */
  value: string;
  reason: UniversalRefusalReason;
  /** For 'outOfRange' numbers: the allowed range "min–max". */
  detail?: string;
}

export function defaultUniversal(): UniversalSettings {
  return { ...DEFAULT_UNIVERSAL, shape: presetControls(DEFAULT_UNIVERSAL.shape) };
}

const NUMBER_PARAMS = [
  ['units', 'units'],
  ['uepochs', 'epochs'],
  ['useeds', 'seeds'],
] as const;

export function parseUniversalSettings(query: string | URLSearchParams): { settings: UniversalSettings; refused: UniversalRefusal[] } {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const settings = defaultUniversal();
  const refused: UniversalRefusal[] = [];
  const refuse = (param: UniversalParam, value: string, reason: UniversalRefusalReason, detail?: string) =>
    refused.push({ param, value: shortenForDisplay(value), reason, ...(detail === undefined ? {} : { detail }) });

  for (const [param, key] of NUMBER_PARAMS) {
    const text = params.get(param);
    if (text === null) continue;
    const parsed = parseStrictNumber(text, UNIVERSAL_RANGES[key]);
    if (parsed.ok) settings[key] = parsed.value;
    else refuse(param, text, parsed.reason, parsed.detail);
  }

  const activation = params.get('uact');
  if (activation !== null) {
    if (isHiddenActivationId(activation)) settings.activation = activation;
    else refuse('uact', activation, 'unknownChoice');
  }

  const shape = params.get('shape');
  if (shape !== null) {
    if (isShapePresetId(shape)) settings.shape = presetControls(shape);
    else {
      const decoded = decodeShape(shape);
      if (decoded.ok) settings.shape = decoded.values;
      else refuse('shape', shape, decoded.reason);
    }
  }
  return { settings, refused };
}

/** The shape as it goes in the URL: a preset's short name when it is one, else the encoded curve. */
export function shapeParam(values: readonly number[]): string {
  return presetOf(values) ?? encodeShape(values);
}

/** Canonical query (no leading `?`): units, uact and shape always; epochs and seeds only when not default. */
export function serializeUniversalSettings(s: Readonly<UniversalSettings>): string {
  const q = new URLSearchParams();
  q.set('units', String(s.units));
  q.set('uact', s.activation);
  q.set('shape', shapeParam(s.shape));
  if (s.epochs !== DEFAULT_UNIVERSAL.epochs) q.set('uepochs', String(s.epochs));
  if (s.seeds !== DEFAULT_UNIVERSAL.seeds) q.set('useeds', String(s.seeds));
  return q.toString();
}

export function universalTrainConfig(s: Pick<UniversalSettings, 'activation' | 'epochs'>, hidden: number, seed: number = UNIVERSAL_TRAINING.seed): TrainConfig {
  return { activation: s.activation, activationParams: {}, hidden, lr: UNIVERSAL_TRAINING.lr, epochs: s.epochs, batchSize: UNIVERSAL_TRAINING.batchSize, seed };
}
