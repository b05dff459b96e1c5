/**
 * The universal-approximation demo's settings, declared once (UNIVERSAL). Like every demo on /further/, its URL
 * keys carry its letter (u); links made with the unprefixed `units` and `shape` still load (aliases).
 *
 *   uunits   hidden neurons, 1–32
 *   uact     hidden activation id (the registry's)
 *   ushape   a preset id (bump, cos, step, zigzag) or a drawn curve as encoded by drawn-target.ts
 *   uepochs  epochs of every run (the live fit and the "how many units?" sweep)
 *   useeds   seeds per activation and size in the sweep
 */
import { HIDDEN_ACTIVATION_IDS, type HiddenActivationId } from '../../core/activations/types';
import {
  decodeShape,
  DEFAULT_SHAPE,
  encodeShape,
  isShapePresetId,
  presetControls,
  presetOf,
  type ShapePresetId,
  type ShapeRefusal,
} from '../../core/data/drawn-target';
import { MAX_HIDDEN, MIN_HIDDEN } from '../../core/engine/params';
import {
  choice,
  defineSchema,
  field,
  integer,
  type FieldType,
  type SchemaRefusal,
  type Values,
} from '../../core/settings/schema';
import type { TrainConfig } from '../../core/train/types';

/** The shape as it goes in the URL: a preset's short name when it is one, else the encoded curve. */
export function shapeParam(values: readonly number[]): string {
  return presetOf(values) ?? encodeShape(values);
}

/** The curve's control values, from a preset's name or a drawn curve's code. */
const shapeType: FieldType<number[], ShapeRefusal> = {
  kind: 'text',
  parse(text) {
    if (isShapePresetId(text)) return { ok: true, value: presetControls(text) };
    const decoded = decodeShape(text);
    return decoded.ok ? { ok: true, value: decoded.values } : { ok: false, reason: decoded.reason };
  },
  format: shapeParam,
  allowed: 'a preset (bump, cos, step, zigzag) or a drawn curve’s code',
  equals: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
};

export const UNIVERSAL = defineSchema({
  units: field('uunits', integer(MIN_HIDDEN, MAX_HIDDEN), 12, {
    label: 'units',
    always: true,
    aliases: ['units'],
  }),
  activation: field('uact', choice(HIDDEN_ACTIVATION_IDS), 'relu', { label: 'uact', always: true }),
  shape: field('ushape', shapeType, presetControls(DEFAULT_SHAPE), {
    label: 'shape',
    always: true,
    aliases: ['shape'],
  }),
  epochs: field('uepochs', integer(10, 5000), 1000, { label: 'uepochs' }),
  seeds: field('useeds', integer(1, 8), 3, { label: 'useeds' }),
});

export type UniversalSettings = Values<typeof UNIVERSAL.fields>;
export type UniversalRefusal = SchemaRefusal<typeof UNIVERSAL.fields>;

/** Training besides the URL settings: Keras defaults and the seed experiment's learning rate. */
export const UNIVERSAL_TRAINING = { lr: 0.04, batchSize: 32, seed: 0 } as const;

export const DEFAULT_UNIVERSAL: Readonly<Omit<UniversalSettings, 'shape'>> & { shape: ShapePresetId } = Object.freeze({
  ...UNIVERSAL.defaults(),
  shape: DEFAULT_SHAPE,
});

/** The sizes the "how many units?" sweep tries. */
export const UNIT_SWEEP = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32] as const;
/** The activations it compares. */
export const SWEEP_ACTIVATIONS = ['sigmoid', 'relu'] as const satisfies readonly HiddenActivationId[];

export const defaultUniversal = (): UniversalSettings => UNIVERSAL.defaults();

export function parseUniversalSettings(query: string | URLSearchParams): {
  settings: UniversalSettings;
  refused: UniversalRefusal[];
} {
  const { values, refused } = UNIVERSAL.parse(query);
  return { settings: values, refused };
}

/** Canonical query (no leading `?`): uunits, uact and ushape always; uepochs and useeds only when not default. */
export const serializeUniversalSettings = (s: Readonly<UniversalSettings>): string => UNIVERSAL.write(s).toString();

/** `query` with the demo's parameters set to `s`, every other parameter in its place. */
export const writeUniversalSettings = (s: Readonly<UniversalSettings>, query: string | URLSearchParams): string =>
  UNIVERSAL.write(s, query).toString();

export function universalTrainConfig(
  s: Pick<UniversalSettings, 'activation' | 'epochs'>,
  hidden: number,
  seed: number = UNIVERSAL_TRAINING.seed,
): TrainConfig {
  return {
    activation: s.activation,
    activationParams: {},
    hidden,
    lr: UNIVERSAL_TRAINING.lr,
    epochs: s.epochs,
    batchSize: UNIVERSAL_TRAINING.batchSize,
    seed,
  };
}
