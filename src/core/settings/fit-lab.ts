/**
 * Fit Lab settings ⇄ URL query. Parsing is strict and never throws: each refused value falls back to its default
 * and is reported as `{ param, value, reason }`, which the UI turns into a localized notice naming it.
 * Defaults are the seed experiment's (Dense(2, sigmoid) → Dense(1), Adam 0.04, 300 epochs, batch 32, cos(x)+1).
 */
import { ACTIVATIONS, isHiddenActivationId } from '../activations/registry';
import type { ActivationParamName, ActivationParams, HiddenActivationId } from '../activations/types';
import { linspace } from '../data/dataset';
import { compileTarget, DEFAULT_TARGET, X_MAX, X_MIN, type ExpressionError } from '../data/targets';
import type { TrainConfig } from '../train/types';

export const SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export type Speed = (typeof SPEEDS)[number];

export interface FitLabSettings {
  activation: HiddenActivationId;
  hidden: number;
  lr: number;
  epochs: number;
  batch: number;
  seed: number;
  /** A target spec: preset id or `expr:<expression>` (see targets.ts). */
  target: string;
  speed: Speed;
  /** Only the parameters the chosen activation has (leaky ReLU: alpha; swish: beta). */
  activationParams: ActivationParams;
}

export const DEFAULT_SETTINGS: Readonly<FitLabSettings> = Object.freeze({
  activation: 'sigmoid',
  hidden: 2,
  lr: 0.04,
  epochs: 300,
  batch: 32,
  seed: 0,
  target: DEFAULT_TARGET,
  speed: 'normal',
  activationParams: Object.freeze({}) as ActivationParams,
});

/** Number of training points, as in the seed experiment. */
export const TRAINING_POINTS = 100;
export const trainingXs = (): number[] => linspace(X_MIN, X_MAX, TRAINING_POINTS);

interface NumberRange {
  min: number;
  max: number;
  integer: boolean;
  /** Whether min itself is allowed (the learning rate must be strictly positive). */
  minInclusive: boolean;
}

/** The Fit Lab UI offers 1–8 hidden neurons (the engine allows 32; more would not fit on the cards). */
export const FIT_LAB_MAX_HIDDEN = 8;
export const RANGES = {
  hidden: { min: 1, max: FIT_LAB_MAX_HIDDEN, integer: true, minInclusive: true },
  // lr up to 1e6 is accepted on purpose: it is how a reader sees divergence happen.
  lr: { min: 0, max: 1e6, integer: false, minInclusive: false },
  epochs: { min: 1, max: 5000, integer: true, minInclusive: true },
  batch: { min: 1, max: TRAINING_POINTS, integer: true, minInclusive: true },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true, minInclusive: true },
} as const satisfies Record<string, NumberRange>;

export type SettingsParam = keyof typeof RANGES | 'activation' | 'target' | 'speed' | ActivationParamName;
export type RefusalReason =
  | 'notANumber'
  | 'notAnInteger'
  | 'outOfRange'
  | 'unknownChoice'
  | 'badExpression'
  | 'notForActivation';

export interface Refusal {
  param: SettingsParam;
  /** The refused value, shortened for display (it is shown as text, never as HTML). */
  value: string;
  reason: RefusalReason;
  /** For 'outOfRange': the allowed range as "min–max"; for 'badExpression': the parser's error code. */
  detail?: string;
  /** For 'badExpression': the parser's full error (code, position, offending text). */
  error?: ExpressionError;
}

const MAX_NUMBER_TEXT = 32;
/** ASCII decimal only: no hex (`0x10`), no `Infinity`, no unicode digits, no whitespace, no leading `+`. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Strict number parsing shared by URL and form inputs. */
export function parseStrictNumber(
  text: string,
  range: NumberRange,
): { ok: true; value: number } | { ok: false; reason: RefusalReason; detail?: string } {
  if (text.length > MAX_NUMBER_TEXT || !DECIMAL.test(text)) return { ok: false, reason: 'notANumber' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'outOfRange', detail: `${range.min}–${range.max}` };
  if (range.integer && !Number.isInteger(value)) return { ok: false, reason: 'notAnInteger' };
  const aboveMin = range.minInclusive ? value >= range.min : value > range.min;
  if (!aboveMin || value > range.max) return { ok: false, reason: 'outOfRange', detail: `${range.min}–${range.max}` };
  return { ok: true, value: value === 0 ? 0 : value }; // no −0 in settings
}

export function shortenForDisplay(value: string, max = 40): string {
  const chars = [...value];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : value;
}

export interface ParsedSettings {
  settings: FitLabSettings;
  refused: Refusal[];
}

/** Read settings from a query string (or URLSearchParams), starting from `base` (defaults unless given). */
export function parseSettings(
  query: string | URLSearchParams,
  base: Readonly<FitLabSettings> = DEFAULT_SETTINGS,
): ParsedSettings {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const settings: FitLabSettings = { ...base, activationParams: { ...base.activationParams } };
  const refused: Refusal[] = [];
  const refuse = (param: SettingsParam, value: string, reason: RefusalReason, detail?: string) =>
    refused.push(detail === undefined ? { param, value: shortenForDisplay(value), reason } : { param, value: shortenForDisplay(value), reason, detail });

  const activation = params.get('activation');
  if (activation !== null) {
    if (isHiddenActivationId(activation)) {
      if (activation !== settings.activation) settings.activationParams = {};
      settings.activation = activation;
    } else refuse('activation', activation, 'unknownChoice');
  }

  for (const key of ['hidden', 'lr', 'epochs', 'batch', 'seed'] as const) {
    const text = params.get(key);
    if (text === null) continue;
    const parsed = parseStrictNumber(text, RANGES[key]);
    if (parsed.ok) settings[key] = parsed.value;
    else refuse(key, text, parsed.reason, parsed.detail);
  }

  const target = params.get('target');
  if (target !== null) {
    const compiled = compileTarget(target, trainingXs());
    if (compiled.ok) settings.target = compiled.target.spec;
    else refused.push({ param: 'target', value: shortenForDisplay(target), reason: 'badExpression', detail: compiled.error.code, error: compiled.error });
  }

  const speed = params.get('speed');
  if (speed !== null) {
    if ((SPEEDS as readonly string[]).includes(speed)) settings.speed = speed as Speed;
    else refuse('speed', speed, 'unknownChoice');
  }

  const specs = ACTIVATIONS[settings.activation].params;
  for (const name of ['alpha', 'beta'] as const) {
    const text = params.get(name);
    if (text === null) continue;
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      refuse(name, text, 'notForActivation');
      continue;
    }
    const parsed = parseStrictNumber(text, { min: spec.min, max: spec.max, integer: false, minInclusive: true });
    if (parsed.ok) settings.activationParams[name] = parsed.value;
    else refuse(name, text, parsed.reason, parsed.detail);
  }
  return { settings, refused };
}

/** Canonical query string (no leading `?`): core settings always, the rest only when not default. */
export function serializeSettings(s: Readonly<FitLabSettings>): string {
  const q = new URLSearchParams();
  q.set('activation', s.activation);
  q.set('hidden', String(s.hidden));
  q.set('lr', String(s.lr));
  q.set('epochs', String(s.epochs));
  q.set('batch', String(s.batch));
  q.set('seed', String(s.seed));
  q.set('target', s.target);
  if (s.speed !== DEFAULT_SETTINGS.speed) q.set('speed', s.speed);
  for (const spec of ACTIVATIONS[s.activation].params) {
    const v = s.activationParams[spec.name];
    if (v !== undefined && v !== spec.default) q.set(spec.name, String(v));
  }
  return q.toString();
}

/** The engine's view of the settings. */
export function toTrainConfig(s: Readonly<FitLabSettings>): TrainConfig {
  return {
    activation: s.activation,
    activationParams: { ...s.activationParams },
    hidden: s.hidden,
    lr: s.lr,
    epochs: s.epochs,
    batchSize: s.batch,
    seed: s.seed,
  };
}

/** A safe learning rate to offer after divergence: the default, or lower if the reader was already below it. */
export function safeLearningRate(current: number): number {
  return Math.min(DEFAULT_SETTINGS.lr, current / 10);
}
