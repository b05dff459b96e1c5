/**
 * The Fit Lab's settings, declared once (FIT_LAB): the address, the form, the refusal notices and the experiment
 * command line all read them through it. Defaults are the seed experiment's (Dense(2, sigmoid) → Dense(1), Adam 0.04,
 * 300 epochs, batch 32, cos(x)+1 on 100 points).
 */
import { ACTIVATIONS } from '../activations/registry';
import {
  HIDDEN_ACTIVATION_IDS,
  type ActivationParamName,
  type ActivationParams,
  type HiddenActivationId,
} from '../activations/types';
import { linspace } from '../data/dataset';
import { compileTarget, DEFAULT_TARGET, X_MAX, X_MIN } from '../data/targets';
import type { TrainConfig } from '../train/types';
import {
  choice,
  defineSchema,
  field,
  integer,
  number,
  type FieldType,
  type NumberRange,
  type NumberReason,
  type SchemaRefusal,
  type Values,
} from './schema';
import { SEED } from './seeds';

export { parseStrictNumber } from './number';

export const SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Number of training points, as in the seed experiment. */
export const TRAINING_POINTS = 100;
export const trainingXs = (): number[] => linspace(X_MIN, X_MAX, TRAINING_POINTS);
/** The Fit Lab offers 1–8 hidden neurons (the engine allows 32; more would not fit on the cards). */
export const FIT_LAB_MAX_HIDDEN = 8;

/** A preset id or `expr:<expression>` (see targets.ts), kept in its canonical form. */
const targetType: FieldType<string, 'badExpression'> = {
  kind: 'text',
  parse(text) {
    const c = compileTarget(text, trainingXs());
    return c.ok
      ? { ok: true, value: c.target.spec }
      : { ok: false, reason: 'badExpression', detail: c.error.code, error: c.error };
  },
  format: (spec) => spec,
  allowed: 'a target preset (cos, …) or expr:<expression of x>',
};

/** An activation's own parameter (leaky ReLU: alpha; swish: beta), refused for activations without it. */
function activationParam<const N extends ActivationParamName>(name: N) {
  const specOf = (a: HiddenActivationId) => ACTIVATIONS[a].params.find((p) => p.name === name);
  const owner = HIDDEN_ACTIVATION_IDS.find((a) => specOf(a))!;
  const any = number(specOf(owner)!);
  const type: FieldType<number | undefined, NumberReason> = { ...any, allowed: `${any.allowed} (${owner} only)` };
  return field<number | undefined, NumberReason | 'notForActivation', N>(name, type, undefined, {
    label: name,
    dependsOn: 'activation',
    typeFor: (activation) => {
      const spec = specOf(activation as HiddenActivationId);
      return spec ? number(spec) : null;
    },
  });
}

export const FIT_LAB = defineSchema({
  activation: field('activation', choice(HIDDEN_ACTIVATION_IDS), 'sigmoid', {
    label: 'activation',
    always: true,
    resets: ['alpha', 'beta'],
  }),
  hidden: field('hidden', integer(1, FIT_LAB_MAX_HIDDEN), 2, { label: 'hidden', always: true }),
  // Up to 1e6 on purpose: it is how a reader sees divergence happen.
  lr: field('lr', number({ min: 0, max: 1e6, minInclusive: false }), 0.04, { label: 'lr', always: true }),
  epochs: field('epochs', integer(1, 5000), 300, { label: 'epochs', always: true }),
  batch: field('batch', integer(1, TRAINING_POINTS), 32, { label: 'batch', always: true }),
  seed: field('seed', SEED, 0, { label: 'seed', always: true }),
  target: field('target', targetType, DEFAULT_TARGET, { label: 'target', always: true }),
  speed: field('speed', choice(SPEEDS), 'normal', { label: 'speed' }),
  alpha: activationParam('alpha'),
  beta: activationParam('beta'),
});

export type FitLabValues = Values<typeof FIT_LAB.fields>;

/** The values, with the activation's own parameters (only those it has) gathered as the engine takes them. */
export type FitLabSettings = Omit<FitLabValues, 'alpha' | 'beta'> & { activationParams: ActivationParams };

const toValues = ({ activationParams: p, ...s }: Readonly<FitLabSettings>): FitLabValues => ({
  ...s,
  alpha: p.alpha,
  beta: p.beta,
});

function fromValues({ alpha, beta, ...s }: FitLabValues): FitLabSettings {
  return {
    ...s,
    activationParams: { ...(alpha === undefined ? {} : { alpha }), ...(beta === undefined ? {} : { beta }) },
  };
}

export const DEFAULT_SETTINGS: Readonly<FitLabSettings> = Object.freeze({
  ...fromValues(FIT_LAB.defaults()),
  activationParams: Object.freeze({}) as ActivationParams,
});

/** The numeric settings' ranges. */
export const RANGES = {
  hidden: FIT_LAB.fields.hidden.type.range!,
  lr: FIT_LAB.fields.lr.type.range!,
  epochs: FIT_LAB.fields.epochs.type.range!,
  batch: FIT_LAB.fields.batch.type.range!,
  seed: FIT_LAB.fields.seed.type.range!,
} satisfies Record<string, NumberRange>;

export type Refusal = SchemaRefusal<typeof FIT_LAB.fields>;
export type SettingsParam = Refusal['param'];
export type RefusalReason = Refusal['reason'];

export interface ParsedSettings {
  settings: FitLabSettings;
  refused: Refusal[];
}

/** Read settings from a query string (or URLSearchParams), starting from `base` (defaults unless given). */
export function parseSettings(
  query: string | URLSearchParams,
  base: Readonly<FitLabSettings> = DEFAULT_SETTINGS,
): ParsedSettings {
  const { values, refused } = FIT_LAB.parse(query, toValues(base));
  return { settings: fromValues(values), refused };
}

/** `query` with the Fit Lab's parameters set to `s` (core settings always, the rest only when not default). */
export function writeSettings(s: Readonly<FitLabSettings>, query: string | URLSearchParams = ''): string {
  const values = toValues(s);
  for (const name of ['alpha', 'beta'] as const) {
    const spec = ACTIVATIONS[s.activation].params.find((p) => p.name === name);
    if (!spec || values[name] === spec.default) values[name] = undefined;
  }
  return FIT_LAB.write(values, query).toString();
}

/** Canonical query string (no leading `?`). */
export const serializeSettings = (s: Readonly<FitLabSettings>): string => writeSettings(s);

/** The engine's view of the settings. */
export function toTrainConfig(s: Readonly<FitLabSettings>): TrainConfig {
  const { activation, activationParams, hidden, lr, epochs, batch, seed } = s;
  return { activation, activationParams: { ...activationParams }, hidden, lr, epochs, batchSize: batch, seed };
}

/** A safe learning rate to offer after divergence: the default, or lower if the reader was already below it. */
export function safeLearningRate(current: number): number {
  return Math.min(DEFAULT_SETTINGS.lr, current / 10);
}
