/**
 * The Fit Lab's challenges: each a configuration the reader starts from, the settings they may still change (every
 * other one is locked), and a goal a finished run is scored against. Pure data and a pure `score`; the Fit Lab's
 * settings (core/settings/fit-lab.ts) apply the lock, so the address, the form and the command line agree.
 *
 * Each challenge has a recorded solution and a start that does not solve it (tests/unit/core/challenges.test.ts
 * trains both), so every goal is reachable and none is met by just pressing Train.
 */
import type { FitLabValues } from '../settings/fit-lab';

export const CHALLENGE_IDS = [
  'two-relus',
  'leaky-rescue',
  'valley-one-neuron',
  'sigmoid-step',
  'quick-valley',
  'wave-tanh',
] as const;
export type ChallengeId = (typeof CHALLENGE_IDS)[number];

export const isChallengeId = (value: string): value is ChallengeId =>
  (CHALLENGE_IDS as readonly string[]).includes(value);

/** Settings a challenge can fix: all but the animation speed and the challenge itself. */
export type LockableKey = Exclude<keyof FitLabValues, 'speed' | 'challenge'>;
export type ChallengeStart = Partial<Pick<FitLabValues, LockableKey>>;

/** A finished run is solved when its MSE on the training points is below `maxMse` (with at most `maxHidden` units). */
export interface Goal {
  maxMse: number;
  maxHidden?: number;
}

export interface Challenge {
  id: ChallengeId;
  /** Where the reader starts; every setting not named is the Fit Lab's default. */
  start: ChallengeStart;
  /** What the reader may change; everything else stays at its start value. */
  free: readonly LockableKey[];
  goal: Goal;
}

/** An activation choice comes with its own parameters. */
const ACTIVATION = ['activation', 'alpha', 'beta'] as const;

export const CHALLENGES: Readonly<Record<ChallengeId, Challenge>> = {
  // Two ReLUs make |x − π| exactly, if neither dies: most seeds lose one or both.
  'two-relus': {
    id: 'two-relus',
    start: { activation: 'relu', hidden: 2, target: 'abs', seed: 0 },
    free: ['seed'],
    goal: { maxMse: 0.01 },
  },
  // Seed 0 starts both ReLUs dead; an activation with a slope below 0 can bring them back.
  'leaky-rescue': {
    id: 'leaky-rescue',
    start: { activation: 'relu', hidden: 2, target: 'abs', seed: 0 },
    free: [...ACTIVATION],
    goal: { maxMse: 0.02 },
  },
  // A monotone neuron cannot make a valley; an activation that turns can.
  'valley-one-neuron': {
    id: 'valley-one-neuron',
    start: { activation: 'sigmoid', hidden: 1, target: 'cos' },
    free: [...ACTIVATION, 'seed'],
    goal: { maxMse: 0.01 },
  },
  // One sigmoid becomes a step only with large weights, which take more or bigger steps to reach.
  'sigmoid-step': {
    id: 'sigmoid-step',
    start: { activation: 'sigmoid', hidden: 1, target: 'step' },
    free: ['lr', 'epochs', 'seed'],
    goal: { maxMse: 0.01 },
  },
  // 100 epochs at a timid learning rate stay far from the valley.
  'quick-valley': {
    id: 'quick-valley',
    start: { activation: 'sigmoid', hidden: 2, target: 'cos', epochs: 100, lr: 0.01 },
    free: ['lr', 'seed'],
    goal: { maxMse: 0.002 },
  },
  // A wave with two bends needs more than one tanh, but not many.
  'wave-tanh': {
    id: 'wave-tanh',
    start: { activation: 'tanh', hidden: 1, target: 'sin' },
    free: ['hidden', 'seed'],
    goal: { maxMse: 0.005, maxHidden: 3 },
  },
};

/** What a finished run reports for scoring. */
export interface ChallengeRun {
  status: 'done' | 'diverged';
  /** MSE on the training points (null or non-finite once diverged). */
  mse: number | null;
  hidden: number;
}

export type VerdictReason = 'solved' | 'diverged' | 'mseTooHigh' | 'tooManyNeurons';

export interface Verdict {
  solved: boolean;
  reason: VerdictReason;
  mse: number | null;
}

export function score(challenge: Challenge, run: ChallengeRun): Verdict {
  const mse = run.mse !== null && Number.isFinite(run.mse) ? run.mse : null;
  if (run.status === 'diverged' || mse === null) return { solved: false, reason: 'diverged', mse: null };
  if (challenge.goal.maxHidden !== undefined && run.hidden > challenge.goal.maxHidden)
    return { solved: false, reason: 'tooManyNeurons', mse };
  if (!(mse < challenge.goal.maxMse)) return { solved: false, reason: 'mseTooHigh', mse };
  return { solved: true, reason: 'solved', mse };
}

/** The start value of every lockable setting: the challenge's, else the given defaults. */
export function startValues<V extends Record<string, unknown>>(challenge: Challenge, defaults: Readonly<V>): V {
  return { ...defaults, ...challenge.start };
}

/**
 * Values with the challenge applied: every locked key at its start value, free keys left as they are, except that
 * on entering the challenge a free key the reader did not name starts at the challenge's value. `overridden` lists
 * the locked keys the reader named with another value (they are told the challenge wins).
 */
export function lockValues<V extends Record<string, unknown>>(
  challenge: Challenge,
  values: Readonly<V>,
  start: Readonly<V>,
  opts: {
    keys: readonly string[];
    given: ReadonlySet<string>;
    entering: boolean;
    same(key: string, a: unknown, b: unknown): boolean;
  },
): { values: V; overridden: string[] } {
  const out: Record<string, unknown> = { ...values };
  const overridden: string[] = [];
  const free = new Set<string>(challenge.free);
  for (const key of opts.keys) {
    if (!(key in start)) continue;
    if (free.has(key)) {
      if (opts.entering && !opts.given.has(key)) out[key] = start[key];
      continue;
    }
    if (opts.given.has(key) && !opts.same(key, values[key], start[key])) overridden.push(key);
    out[key] = start[key];
  }
  return { values: out as V, overridden };
}
