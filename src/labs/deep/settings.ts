/**
 * The deep-stack demo's settings, declared once (DEEP). Like every demo on /further/, its URL keys carry its
 * letter (d: dlayers, dwidth, dlr, depochs, dacts), and writing them leaves every other key of the address alone,
 * so the page's demos share one URL. Links made with the unprefixed `layers` and `width` still load (aliases).
 *
 * Defaults were chosen by measurement (src/labs/deep/generate-figures.ts): six sigmoid layers of eight units start
 * with a first-layer gradient about a thousand times smaller than the last layer's, and ReLU loses a quarter to
 * three quarters of the units of several layers.
 */
import { DEEP_ACTIVATION_IDS } from '../../core/activations/types';
import { seedDataset } from '../../core/data/dataset';
import {
  defineSchema,
  field,
  integer,
  list,
  number,
  type SchemaRefusal,
  type Values,
} from '../../core/settings/schema';
import { MAX_LAYERS, MAX_WIDTH, MIN_LAYERS, MIN_WIDTH, type DeepConfig } from '../../core/train/deep-types';
import type { Dataset } from '../../core/train/types';

export const DEEP = defineSchema({
  layers: field('dlayers', integer(MIN_LAYERS, MAX_LAYERS), 6, {
    label: 'layers',
    always: true,
    aliases: ['layers'],
  }),
  width: field('dwidth', integer(MIN_WIDTH, MAX_WIDTH), 8, { label: 'width', always: true, aliases: ['width'] }),
  // Up to 1e6 on purpose, as in the Fit Lab: a reader may want to see a run blow up.
  lr: field('dlr', number({ min: 0, max: 1e6, minInclusive: false }), 0.01, { label: 'lr', always: true }),
  epochs: field('depochs', integer(1, 2000), 200, { label: 'epochs', always: true }),
  activations: field('dacts', list(DEEP_ACTIVATION_IDS), ['sigmoid', 'tanh', 'relu', 'leaky_relu'], {
    label: 'activations',
    always: true,
  }),
});

export type DeepSettings = Values<typeof DEEP.fields>;
export type DeepRefusal = SchemaRefusal<typeof DEEP.fields>;

export const DEEP_DEFAULTS: Readonly<DeepSettings> = Object.freeze(DEEP.defaults());

/** Fixed parts of every deep run: Keras' batch size, the seed (one seed ⇒ one shared start), the seed data set. */
export const DEEP_BATCH = 32;
export const DEEP_SEED = 0;
/** A snapshot every this many epochs (gradient norms per layer are drawn per snapshot). */
export const DEEP_SNAPSHOT_EVERY = 5;
export const deepDataset = (): Dataset => seedDataset();

export function parseDeepSettings(
  query: string | URLSearchParams,
  base: Readonly<DeepSettings> = DEEP_DEFAULTS,
): { settings: DeepSettings; refused: DeepRefusal[] } {
  const { values, refused } = DEEP.parse(query, base);
  return { settings: values, refused };
}

/** Write the settings into `params` (other keys untouched and in place) and return it. */
export function writeDeepSettings(
  s: Readonly<DeepSettings>,
  params: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const written = [...DEEP.write(s, params)];
  for (const key of new Set(params.keys())) params.delete(key);
  for (const [key, value] of written) params.append(key, value);
  return params;
}

/** Each setting's URL parameter. */
export const deepParam = <K extends keyof DeepSettings>(key: K) => DEEP.fields[key].name;

export const serializeDeepSettings = (s: Readonly<DeepSettings>): string => DEEP.write(s).toString();

/** The engine's view of the settings. */
export function toDeepConfig(s: Readonly<DeepSettings>): DeepConfig {
  const { layers, width, lr, epochs } = s;
  return {
    layers,
    width,
    lr,
    epochs,
    batchSize: DEEP_BATCH,
    seed: DEEP_SEED,
    networks: s.activations.map((activation) => ({ activation })),
  };
}
