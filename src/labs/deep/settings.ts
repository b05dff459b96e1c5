/**
 * Deep-stack demo settings ⇄ URL query, in the style of settings.ts: strict parsing that never throws; each
 * refused value falls back to its default and is reported as `{ param, value, reason }` for a localized notice.
 * The keys (layers, width, dlr, depochs, dacts) differ from the Fit Lab's, and writing them leaves every other
 * key of the address alone, so several demos can share one page's URL.
 *
 * Defaults were chosen by measurement (src/labs/deep/generate-figures.ts): six sigmoid layers of eight units start with a
 * first-layer gradient about a thousand times smaller than the last layer's, and ReLU loses a quarter to three
 * quarters of the units of several layers.
 */
import { isHiddenActivationId } from '../../core/activations/registry';
import type { HiddenActivationId } from '../../core/activations/types';
import { seedDataset } from '../../core/data/dataset';
import { MAX_LAYERS, MAX_WIDTH, MIN_LAYERS, MIN_WIDTH, type DeepConfig } from '../../core/train/deep-types';
import { parseStrictNumber, shortenForDisplay } from '../../core/settings/fit-lab';
import type { Dataset } from '../../core/train/types';

export interface DeepSettings {
  layers: number;
  width: number;
  lr: number;
  epochs: number;
  activations: HiddenActivationId[];
}

export const DEEP_DEFAULTS: Readonly<DeepSettings> = Object.freeze({
  layers: 6,
  width: 8,
  lr: 0.01,
  epochs: 200,
  activations: Object.freeze(['sigmoid', 'tanh', 'relu', 'leaky_relu']) as unknown as HiddenActivationId[],
});

/** Fixed parts of every deep run: Keras' batch size, the seed (one seed ⇒ one shared start), the seed data set. */
export const DEEP_BATCH = 32;
export const DEEP_SEED = 0;
/** A snapshot every this many epochs (gradient norms per layer are drawn per snapshot). */
export const DEEP_SNAPSHOT_EVERY = 5;
export const deepDataset = (): Dataset => seedDataset();

/** URL keys, one per setting. */
export const DEEP_KEYS = { layers: 'layers', width: 'width', lr: 'dlr', epochs: 'depochs', activations: 'dacts' } as const;
export type DeepSettingsParam = (typeof DEEP_KEYS)[keyof typeof DEEP_KEYS];

export const DEEP_RANGES = {
  layers: { min: MIN_LAYERS, max: MAX_LAYERS, integer: true, minInclusive: true },
  width: { min: MIN_WIDTH, max: MAX_WIDTH, integer: true, minInclusive: true },
  // Up to 1e6 on purpose, as in the Fit Lab: a reader may want to see a run blow up.
  lr: { min: 0, max: 1e6, integer: false, minInclusive: false },
  epochs: { min: 1, max: 2000, integer: true, minInclusive: true },
} as const;

export type DeepRefusalReason = 'notANumber' | 'notAnInteger' | 'outOfRange' | 'unknownChoice' | 'emptyList' | 'repeatedChoice';

export interface DeepRefusal {
  param: DeepSettingsParam;
  /** The refused value, shortened for display (shown as text, never as HTML). */
  value: string;
  reason: DeepRefusalReason;
  /** For 'outOfRange': the allowed range "min–max"; for 'unknownChoice'/'repeatedChoice': the offending item. */
  detail?: string;
}

/** At most this many characters of a list are looked at: a list of every activation is far shorter. */
const MAX_LIST_TEXT = 200;

export function parseActivationList(text: string): { ok: true; value: HiddenActivationId[] } | { ok: false; reason: DeepRefusalReason; detail?: string } {
  if (text.length > MAX_LIST_TEXT) return { ok: false, reason: 'unknownChoice', detail: shortenForDisplay(text, 20) };
  const items = text.split(',');
  if (text === '' || items.every((i) => i === '')) return { ok: false, reason: 'emptyList' };
  const out: HiddenActivationId[] = [];
  for (const item of items) {
    if (!isHiddenActivationId(item)) return { ok: false, reason: 'unknownChoice', detail: shortenForDisplay(item, 20) };
    if (out.includes(item)) return { ok: false, reason: 'repeatedChoice', detail: item };
    out.push(item);
  }
  return { ok: true, value: out };
}

export interface ParsedDeepSettings {
  settings: DeepSettings;
  refused: DeepRefusal[];
}

export function parseDeepSettings(query: string | URLSearchParams, base: Readonly<DeepSettings> = DEEP_DEFAULTS): ParsedDeepSettings {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const settings: DeepSettings = { ...base, activations: [...base.activations] };
  const refused: DeepRefusal[] = [];
  const refuse = (param: DeepSettingsParam, value: string, reason: DeepRefusalReason, detail?: string) =>
    refused.push({ param, value: shortenForDisplay(value), reason, ...(detail === undefined ? {} : { detail }) });

  for (const key of ['layers', 'width', 'lr', 'epochs'] as const) {
    const name = DEEP_KEYS[key];
    const text = params.get(name);
    if (text === null) continue;
    const parsed = parseStrictNumber(text, DEEP_RANGES[key]);
    if (parsed.ok) settings[key] = parsed.value;
    else refuse(name, text, parsed.reason as DeepRefusalReason, parsed.detail); // parseStrictNumber's number reasons only
  }
  const list = params.get(DEEP_KEYS.activations);
  if (list !== null) {
    const parsed = parseActivationList(list);
    if (parsed.ok) settings.activations = parsed.value;
    else refuse(DEEP_KEYS.activations, list, parsed.reason, parsed.detail);
  }
  return { settings, refused };
}

/** Write the settings into `params` (other keys untouched) and return it. */
export function writeDeepSettings(s: Readonly<DeepSettings>, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  params.set(DEEP_KEYS.layers, String(s.layers));
  params.set(DEEP_KEYS.width, String(s.width));
  params.set(DEEP_KEYS.lr, String(s.lr));
  params.set(DEEP_KEYS.epochs, String(s.epochs));
  params.set(DEEP_KEYS.activations, s.activations.join(','));
  return params;
}

export const serializeDeepSettings = (s: Readonly<DeepSettings>): string => writeDeepSettings(s).toString();

/** The engine's view of the settings. */
export function toDeepConfig(s: Readonly<DeepSettings>): DeepConfig {
  return {
    layers: s.layers,
    width: s.width,
    lr: s.lr,
    epochs: s.epochs,
    batchSize: DEEP_BATCH,
    seed: DEEP_SEED,
    networks: s.activations.map((activation) => ({ activation })),
  };
}
