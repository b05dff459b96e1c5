/**
 * The Fit Lab's settings, declared once (FIT_LAB): the address, the form, the refusal notices and the experiment
 * command line all read them through it. Defaults are the seed experiment's (Dense(2, sigmoid) → Dense(1), Adam 0.04,
 * 300 epochs, batch 32, cos(x)+1 on 100 points).
 */
import { ACTIVATIONS } from '../activations/registry';
import {
  CHALLENGE_IDS,
  CHALLENGES,
  isChallengeId,
  lockValues,
  startValues,
  type ChallengeId,
  type LockableKey,
} from '../challenges/challenges';
import {
  HIDDEN_ACTIVATION_IDS,
  type ActivationParamName,
  type ActivationParams,
  type HiddenActivationId,
} from '../activations/types';
import { linspace } from '../data/dataset';
import { MAX_HOLDOUT } from '../data/holdout';
import { MAX_NOISE } from '../data/noise';
import { pointsDataset, POINT_X_MAX, POINT_X_MIN, POINT_Y_MAX, samePoints, type Point } from '../data/points';
import { compileTarget, DEFAULT_TARGET, TARGET_PRESETS, X_MAX, X_MIN, type CompiledTarget } from '../data/targets';
import { buildTrainingData, type TrainingData } from '../data/training-data';
import { fitsInUrl, formatUrlPoints, MAX_URL_POINTS, parseUrlPoints, type UrlPointsReason } from '../data/url-points';
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
  type Refusal as BaseRefusal,
  type SchemaRefusal,
  type Values,
  shortenForDisplay,
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

/** The reader's own points (url-points.ts), or null: train on the target. */
const pointsType: FieldType<Point[] | null, UrlPointsReason> = {
  kind: 'list',
  parse(text) {
    const r = parseUrlPoints(text);
    return r.ok ? { ok: true, value: r.points } : r;
  },
  format: (points) => (points === null ? '' : formatUrlPoints(points)),
  allowed:
    `points x1,y1;x2,y2;… (1 to ${MAX_URL_POINTS}, distinct, x from ${POINT_X_MIN} to ${POINT_X_MAX}, ` +
    `|y| at most ${POINT_Y_MAX})`,
  equals: samePoints,
  problems: {
    noPoints: 'no points in',
    pointsTooLong: 'too long a list of points',
    tooManyPoints: 'too many points in',
    badPoint: 'an item that is not a point x,y in',
    pointOutOfRange: 'a point outside the allowed range in',
    duplicatePoint: 'the same point twice in',
  },
};

/** A challenge (core/challenges) by id, or null: no challenge. */
const challengeType: FieldType<ChallengeId | null, 'unknownChallenge'> = {
  kind: 'choice',
  parse: (text) => (isChallengeId(text) ? { ok: true, value: text } : { ok: false, reason: 'unknownChallenge' }),
  format: (id) => id ?? '',
  allowed: `one of ${CHALLENGE_IDS.join(', ')}`,
  problems: { unknownChallenge: 'no challenge is called' },
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
  // First, so a shared link names the challenge before the settings it fixes.
  challenge: field('challenge', challengeType, null, { label: 'challenge' }),
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
  // Own points replace the target's; noise and held-out share apply to whichever points are used.
  points: field('points', pointsType, null, { label: 'points' }),
  noise: field('noise', number({ min: 0, max: MAX_NOISE }), 0, { label: 'noise' }),
  holdout: field('holdout', number({ min: 0, max: MAX_HOLDOUT }), 0, { label: 'holdout' }),
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
  noise: FIT_LAB.fields.noise.type.range!,
  holdout: FIT_LAB.fields.holdout.type.range!,
} satisfies Record<string, NumberRange>;

/** A setting the address named that a challenge fixes at another value (detail: the value it keeps). */
export type LockRefusal = BaseRefusal<SchemaRefusal<typeof FIT_LAB.fields>['param'], 'lockedByChallenge'>;
export type Refusal = SchemaRefusal<typeof FIT_LAB.fields> | LockRefusal;
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
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const { values, refused } = FIT_LAB.parse(params, toValues(base));
  if (values.challenge === null) return { settings: fromValues(values), refused };
  // Settings read without a refusal; a refused one already has its notice.
  const given = new Set(
    FIT_LAB_KEYS.filter((k) => {
      const f = FIT_LAB.fields[k];
      return [f.name, ...(f.aliases ?? [])].some((n) => params.has(n)) && !refused.some((r) => r.param === f.name);
    }),
  );
  const locked = lockChallenge(values, given, base.challenge !== values.challenge);
  const lockRefusals = locked.overridden.map((key): LockRefusal => {
    const f = FIT_LAB.fields[key];
    return {
      param: f.name,
      value: shortenForDisplay(params.get(f.name) ?? ''),
      reason: 'lockedByChallenge',
      detail: locked.values[key] === undefined ? '' : f.type.format(locked.values[key] as never),
    };
  });
  return { settings: fromValues(locked.values), refused: [...refused, ...lockRefusals] };
}

const FIT_LAB_KEYS = Object.keys(FIT_LAB.fields) as (keyof typeof FIT_LAB.fields)[];

/**
 * `values` with their challenge applied (core/challenges/challenges.ts: lockValues): locked settings at the
 * challenge's values, and, when `entering` it, free settings not in `given` at the challenge's start. Values of any
 * settings declaration that shares the Fit Lab's fields (the command line's) can be locked alike.
 */
export function lockChallenge<V extends Partial<FitLabValues>>(
  values: V,
  given: ReadonlySet<string>,
  entering: boolean,
): { values: V; overridden: LockableKey[] } {
  if (!values.challenge) return { values, overridden: [] };
  const challenge = CHALLENGES[values.challenge];
  const keys = FIT_LAB_KEYS.filter((k): k is LockableKey => k in values && k !== 'speed' && k !== 'challenge');
  const start = startValues(challenge, FIT_LAB.defaults());
  const same = (key: string, a: unknown, b: unknown) => {
    const type = FIT_LAB.fields[key as LockableKey].type as FieldType<unknown, string>;
    return type.equals ? type.equals(a, b) : Object.is(a, b);
  };
  const locked = lockValues<V>(challenge, values, start as unknown as V, { keys, given, entering, same });
  return { values: locked.values, overridden: locked.overridden as LockableKey[] };
}

/** The settings with their challenge's locked values in place (what a form change may not alter). */
export function withChallengeLock(s: Readonly<FitLabSettings>): FitLabSettings {
  return fromValues(lockChallenge(toValues(s), new Set(), false).values);
}

/** The settings a challenge locks (empty without one). */
export function lockedSettings(s: Pick<FitLabSettings, 'challenge'>): LockableKey[] {
  if (!s.challenge) return [];
  const free = new Set<string>(CHALLENGES[s.challenge].free);
  return FIT_LAB_KEYS.filter((k): k is LockableKey => k !== 'speed' && k !== 'challenge' && !free.has(k));
}

/**
 * `query` with the Fit Lab's parameters set to `s` (core settings always, the rest only when not default). More
 * own points than an address carries (fitsInUrl) are left out of it: they travel as a JSON export.
 */
export function writeSettings(s: Readonly<FitLabSettings>, query: string | URLSearchParams = ''): string {
  const values = toValues(s);
  if (values.points !== null && !fitsInUrl(values.points)) values.points = null;
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

/** The settings that decide a run's data. */
export type DataSettings = Pick<FitLabSettings, 'target' | 'points' | 'noise' | 'holdout' | 'seed'>;

export interface FitLabData extends TrainingData {
  /** The target setting, compiled (cos(x)+1 if it cannot be: such a target is refused when read). */
  target: CompiledTarget;
  /** Where the clean points come from: the target on the training inputs, or the reader's own points. */
  source: 'target' | 'points';
}

/** The target a spec names, or cos(x)+1 when it names none (settings refuse such specs, so this is a safety net). */
export function targetOf(spec: string): CompiledTarget {
  const compiled = compileTarget(spec, trainingXs());
  return compiled.ok ? compiled.target : { spec: 'cos', text: TARGET_PRESETS.cos.text, f: TARGET_PRESETS.cos.f };
}

/** The data a run trains and is tested on: the data counterpart of toTrainConfig. */
export function toTrainingData(s: Readonly<DataSettings>): FitLabData {
  const target = targetOf(s.target);
  const xs = trainingXs();
  const base = s.points ? pointsDataset(s.points) : { x: xs, y: xs.map(target.f) };
  return {
    ...buildTrainingData({ base, noise: s.noise, holdout: s.holdout, seed: s.seed }),
    target,
    source: s.points ? 'points' : 'target',
  };
}

/** A safe learning rate to offer after divergence: the default, or lower if the reader was already below it. */
export function safeLearningRate(current: number): number {
  return Math.min(DEFAULT_SETTINGS.lr, current / 10);
}
