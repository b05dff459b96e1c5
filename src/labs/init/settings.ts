/**
 * The InitLab's settings ⇄ URL query: `init` (zeros | glorot | he), `bias` (the hidden biases' start, −1…1),
 * `iact` (relu | leaky_relu | sigmoid) and `iseeds` (50–1000). Strict like settings.ts and never throws: a refused
 * value keeps its default and is reported as `{ param, value, reason }` for a localized notice. The page holds
 * other demos' parameters too, so writing touches only these four and leaves every other one as it was.
 */
import type { HiddenActivationId } from '../../core/activations/types';
import { DEFAULT_INIT, HIDDEN_BIAS_RANGE, kernelFromShortName, KERNEL_SHORT_NAMES, type InitSpec } from '../../core/train/init-schemes';
import { MAX_SEEDS, planChunks, type SeedsRequest } from '../../core/sessions/seed-chunks';
import { parseStrictNumber, shortenForDisplay, type RefusalReason } from '../../core/settings/fit-lab';
import type { TrainConfig } from '../../core/train/types';

/** The activations the lab offers (and `npm run init-experiment` measures): dying, leaky, saturating. */
export const INIT_LAB_ACTIVATIONS = ['relu', 'leaky_relu', 'sigmoid'] as const satisfies readonly HiddenActivationId[];
export type InitLabActivation = (typeof INIT_LAB_ACTIVATIONS)[number];

export const INIT_SEEDS_RANGE = { min: 50, max: MAX_SEEDS, integer: true, minInclusive: true } as const;
export const INIT_BIAS_RANGE = { ...HIDDEN_BIAS_RANGE, integer: false, minInclusive: true } as const;

export interface InitLabSettings {
  init: InitSpec;
  activation: InitLabActivation;
  seeds: number;
}

export const DEFAULT_INIT_LAB: Readonly<InitLabSettings> = Object.freeze({
  init: Object.freeze({ ...DEFAULT_INIT }),
  activation: 'relu',
  seeds: 200,
});

export const INIT_PARAMS = ['init', 'bias', 'iact', 'iseeds'] as const;
export type InitParam = (typeof INIT_PARAMS)[number];

export interface InitRefusal {
  param: InitParam;
  /** The refused value, shortened for display (shown as text, never as HTML). */
  value: string;
  reason: RefusalReason;
  /** For 'outOfRange': the allowed range as "min–max". */
  detail?: string;
}

export function isInitLabActivation(value: string): value is InitLabActivation {
  return (INIT_LAB_ACTIVATIONS as readonly string[]).includes(value);
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; refusal: InitRefusal };

function refused(param: InitParam, text: string, reason: RefusalReason, detail?: string): { ok: false; refusal: InitRefusal } {
  const value = shortenForDisplay(text);
  return { ok: false, refusal: detail === undefined ? { param, value, reason } : { param, value, reason, detail } };
}

/** One field, as typed or as found in the address bar (the form and the URL share these). */
export function parseBias(text: string): FieldResult<number> {
  const r = parseStrictNumber(text, INIT_BIAS_RANGE);
  return r.ok ? r : refused('bias', text, r.reason, r.detail);
}

export function parseSeedCount(text: string): FieldResult<number> {
  const r = parseStrictNumber(text, INIT_SEEDS_RANGE);
  return r.ok ? r : refused('iseeds', text, r.reason, r.detail);
}

export function parseInitLab(query: string | URLSearchParams, base: Readonly<InitLabSettings> = DEFAULT_INIT_LAB): { settings: InitLabSettings; refused: InitRefusal[] } {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const settings: InitLabSettings = { ...base, init: { ...base.init } };
  const refusals: InitRefusal[] = [];

  const kernelText = params.get('init');
  if (kernelText !== null) {
    const kernel = kernelFromShortName(kernelText);
    if (kernel) settings.init.kernel = kernel;
    else refusals.push(refused('init', kernelText, 'unknownChoice').refusal);
  }
  const biasText = params.get('bias');
  if (biasText !== null) {
    const r = parseBias(biasText);
    if (r.ok) settings.init.hiddenBias = r.value;
    else refusals.push(r.refusal);
  }
  const act = params.get('iact');
  if (act !== null) {
    if (isInitLabActivation(act)) settings.activation = act;
    else refusals.push(refused('iact', act, 'unknownChoice').refusal);
  }
  const seedsText = params.get('iseeds');
  if (seedsText !== null) {
    const r = parseSeedCount(seedsText);
    if (r.ok) settings.seeds = r.value;
    else refusals.push(r.refusal);
  }
  return { settings, refused: refusals };
}

/**
 * `query` with the lab's parameters set to `s` (defaults left out, refused leftovers removed) and every other
 * parameter untouched, as a string without the leading `?`.
 */
export function writeInitLab(query: string | URLSearchParams, s: Readonly<InitLabSettings>): string {
  const q = new URLSearchParams(query);
  for (const p of INIT_PARAMS) q.delete(p);
  const d = DEFAULT_INIT_LAB;
  if (s.init.kernel !== d.init.kernel) q.set('init', KERNEL_SHORT_NAMES[s.init.kernel]);
  if (s.init.hiddenBias !== d.init.hiddenBias) q.set('bias', String(s.init.hiddenBias));
  if (s.activation !== d.activation) q.set('iact', s.activation);
  if (s.seeds !== d.seeds) q.set('iseeds', String(s.seeds));
  return q.toString();
}

/** The lab's job: the seed experiment for seeds 0 … n−1 under its settings, in the many-seeds panel's chunks. */
export function initLabChunks(s: Readonly<InitLabSettings>, training: Pick<SeedsRequest, 'hidden' | 'lr' | 'epochs' | 'batchSize'>): TrainConfig[][] {
  return planChunks({ activations: [s.activation], count: s.seeds, ...training }).map((chunk) => chunk.map((c) => ({ ...c, init: { ...s.init } })));
}
