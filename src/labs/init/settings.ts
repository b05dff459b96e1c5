/**
 * The InitLab's settings, declared once (INIT_LAB). Like every demo on /further/, its URL keys carry its letter (i):
 * `ikernel` (zeros | glorot | he), `ibias` (the hidden biases' start, −1…1), `iact` (relu | leaky_relu | sigmoid)
 * and `iseeds` (50–1000); links made with the unprefixed `init` and `bias` still load (aliases). The page holds
 * other demos' parameters too, so writing touches only these four and leaves every other one as it was.
 * `npm run experiment` takes `--init` and `--bias` through the same fields (their `flag`).
 */
import type { HiddenActivationId } from '../../core/activations/types';
import {
  choice,
  defineSchema,
  field,
  integer,
  number,
  type SchemaRefusal,
  type Validated,
} from '../../core/settings/schema';
import { MAX_SEEDS, planChunks, type SeedsRequest } from '../../core/sessions/seed-chunks';
import {
  DEFAULT_INIT,
  HIDDEN_BIAS_RANGE,
  KERNEL_INITS,
  KERNEL_SHORT_NAMES,
  type InitSpec,
} from '../../core/train/init-schemes';
import type { TrainConfig } from '../../core/train/types';

/** The activations the lab offers (and `npm run init-experiment` measures): dying, leaky, saturating. */
export const INIT_LAB_ACTIVATIONS = ['relu', 'leaky_relu', 'sigmoid'] as const satisfies readonly HiddenActivationId[];
export type InitLabActivation = (typeof INIT_LAB_ACTIVATIONS)[number];

export const INIT_LAB = defineSchema({
  kernel: field(
    'ikernel',
    choice(KERNEL_INITS, (k) => KERNEL_SHORT_NAMES[k]),
    DEFAULT_INIT.kernel,
    { label: 'init', flag: 'init', aliases: ['init'] },
  ),
  hiddenBias: field('ibias', number(HIDDEN_BIAS_RANGE), DEFAULT_INIT.hiddenBias, {
    label: 'bias',
    flag: 'bias',
    aliases: ['bias'],
  }),
  activation: field('iact', choice(INIT_LAB_ACTIVATIONS), 'relu', { label: 'iact' }),
  seeds: field('iseeds', integer(50, MAX_SEEDS), 200, { label: 'iseeds' }),
});

export interface InitLabSettings {
  init: InitSpec;
  activation: InitLabActivation;
  seeds: number;
}

export type InitRefusal = SchemaRefusal<typeof INIT_LAB.fields>;
export type FieldResult<T> = Validated<T, InitRefusal['param'], InitRefusal['reason']>;

const toValues = ({ init, activation, seeds }: Readonly<InitLabSettings>) => ({ ...init, activation, seeds });

export const DEFAULT_INIT_LAB: Readonly<InitLabSettings> = Object.freeze({
  init: Object.freeze({ ...DEFAULT_INIT }),
  activation: INIT_LAB.fields.activation.default,
  seeds: INIT_LAB.fields.seeds.default,
});

/** One field, as typed or as found in the address bar (the form and the URL share these). */
export const parseBias = (text: string): FieldResult<number> => INIT_LAB.validate('hiddenBias', text);
export const parseSeedCount = (text: string): FieldResult<number> => INIT_LAB.validate('seeds', text);

export function parseInitLab(
  query: string | URLSearchParams,
  base: Readonly<InitLabSettings> = DEFAULT_INIT_LAB,
): { settings: InitLabSettings; refused: InitRefusal[] } {
  const { values: v, refused } = INIT_LAB.parse(query, toValues(base));
  return {
    settings: { init: { kernel: v.kernel, hiddenBias: v.hiddenBias }, activation: v.activation, seeds: v.seeds },
    refused,
  };
}

/** `query` with the lab's parameters set to `s` (defaults left out) and every other parameter untouched. */
export const writeInitLab = (query: string | URLSearchParams, s: Readonly<InitLabSettings>): string =>
  INIT_LAB.write(toValues(s), query).toString();

/** The lab's job: the seed experiment for seeds 0 … n−1 under its settings, in the many-seeds panel's chunks. */
export function initLabChunks(
  s: Readonly<InitLabSettings>,
  training: Pick<SeedsRequest, 'hidden' | 'lr' | 'epochs' | 'batchSize'>,
): TrainConfig[][] {
  return planChunks({ activations: [s.activation], count: s.seeds, ...training }).map((chunk) =>
    chunk.map((c) => ({ ...c, init: { ...s.init } })),
  );
}
