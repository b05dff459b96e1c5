/**
 * The challenges: the registry is well formed, `score` judges a run by its goal, the Fit Lab's settings apply a
 * challenge's lock (the address cannot loosen it, and is told so), the solved list survives any stored text, and
 * every challenge is solvable by a recorded setting but not by its own start (both trained here, on each backend).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { meanSquaredError, predictAll } from '../../../src/core/analysis/network';
import {
  CHALLENGE_IDS,
  CHALLENGES,
  score,
  type ChallengeId,
  type Verdict,
} from '../../../src/core/challenges/challenges';
import { parseSolved, withSolved } from '../../../src/core/challenges/solved';
import { trainNetworks } from '../../../src/core/engine/train';
import {
  DEFAULT_SETTINGS,
  FIT_LAB,
  lockedSettings,
  parseSettings,
  serializeSettings,
  toTrainConfig,
  toTrainingData,
  withChallengeLock,
  type FitLabSettings,
} from '../../../src/core/settings/fit-lab';
import { parseArgs, UsageError } from '../../../src/cli/experiment';
import { engineBackend } from '../engine/engine-setup';

/** A setting that solves each challenge, found with `npm run experiment -- --challenge <id> … --json`. */
const SOLUTIONS: Record<ChallengeId, string> = {
  'two-relus': 'seed=7',
  'leaky-rescue': 'activation=leaky_relu',
  'valley-one-neuron': 'activation=sine',
  'sigmoid-step': 'lr=0.3&epochs=1000',
  'quick-valley': 'lr=0.2&seed=2',
  'wave-tanh': 'hidden=3&seed=4',
};

function train(s: FitLabSettings): Verdict {
  const { train: data } = toTrainingData(s);
  const [r] = trainNetworks([toTrainConfig(s)], data);
  const mse = meanSquaredError(predictAll(r!.params, s, data.x), data.y);
  return score(CHALLENGES[s.challenge!], {
    status: r!.status === 'diverged' ? 'diverged' : 'done',
    mse,
    hidden: s.hidden,
  });
}

describe('the registry', () => {
  it.each(CHALLENGE_IDS)('%s: its start reads back through the settings, its free settings exist', (id) => {
    const c = CHALLENGES[id];
    expect(c.id).toBe(id);
    const { settings, refused } = parseSettings(`challenge=${id}`);
    expect(refused).toEqual([]);
    expect(settings.challenge).toBe(id);
    // Written out and read again, nothing is refused and nothing moves.
    const again = parseSettings(serializeSettings(settings));
    expect(again.refused).toEqual([]);
    expect(again.settings).toEqual(settings);
    for (const key of c.free) expect(Object.keys(FIT_LAB.fields)).toContain(key);
    expect(c.goal.maxMse).toBeGreaterThan(0);
    // Something is left to the reader, and something is fixed.
    expect(c.free.length).toBeGreaterThan(0);
    expect(lockedSettings(settings).length).toBeGreaterThan(0);
  });
});

describe('score', () => {
  const c = CHALLENGES['wave-tanh'];
  it('solves below the goal, and only there', () => {
    expect(score(c, { status: 'done', mse: 0.001, hidden: 3 })).toEqual({ solved: true, reason: 'solved', mse: 0.001 });
    expect(score(c, { status: 'done', mse: c.goal.maxMse, hidden: 3 }).reason).toBe('mseTooHigh');
    expect(score(c, { status: 'done', mse: 0.3, hidden: 2 }).solved).toBe(false);
  });
  it('counts neurons where the goal limits them', () => {
    expect(score(c, { status: 'done', mse: 0.001, hidden: 4 })).toMatchObject({
      solved: false,
      reason: 'tooManyNeurons',
    });
    expect(score(CHALLENGES['two-relus'], { status: 'done', mse: 0.001, hidden: 8 }).solved).toBe(true);
  });
  it('never solves a diverged or non-finite run', () => {
    for (const mse of [null, NaN, Infinity])
      expect(score(c, { status: 'done', mse, hidden: 2 }).reason).toBe('diverged');
    expect(score(c, { status: 'diverged', mse: 0, hidden: 2 })).toEqual({
      solved: false,
      reason: 'diverged',
      mse: null,
    });
  });
});

describe('a challenge in the address', () => {
  it('applies its start and locks the rest', () => {
    const { settings } = parseSettings('challenge=two-relus');
    expect(settings).toMatchObject({ activation: 'relu', hidden: 2, target: 'abs', seed: 0, lr: 0.04, epochs: 300 });
    expect(lockedSettings(settings)).not.toContain('seed');
    expect(lockedSettings(settings)).toEqual(
      expect.arrayContaining(['activation', 'hidden', 'lr', 'target', 'points']),
    );
    expect(lockedSettings(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('wins over settings the address also names, and says so (in declaration order); free ones are the reader’s', () => {
    const { settings, refused } = parseSettings(
      'lr=0.5&challenge=two-relus&seed=18&activation=relu&hidden=5&points=0,1;1,2&speed=instant',
    );
    expect(settings).toMatchObject({
      lr: 0.04,
      seed: 18,
      activation: 'relu',
      hidden: 2,
      points: null,
      speed: 'instant',
    });
    expect(refused).toEqual([
      { param: 'hidden', value: '5', reason: 'lockedByChallenge', detail: '2' },
      { param: 'lr', value: '0.5', reason: 'lockedByChallenge', detail: '0.04' },
      { param: 'points', value: '0,1;1,2', reason: 'lockedByChallenge', detail: '' },
    ]);
  });

  it('a refused value is reported once, for what it is', () => {
    const { refused } = parseSettings('challenge=two-relus&lr=abc');
    expect(refused).toEqual([expect.objectContaining({ param: 'lr', reason: 'notANumber' })]);
  });

  it.each([
    ['empty', ''],
    ['unknown', 'no-such-challenge'],
    ['very long', 'x'.repeat(100_000)],
    ['a prototype key', '__proto__'],
    ['markup', '<img src=x onerror=alert(1)>'],
  ])('%s: refused by name, nothing locked, the rest of the address used', (_, id) => {
    const { settings, refused } = parseSettings(
      new URLSearchParams([
        ['challenge', id],
        ['seed', '5'],
      ]),
    );
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, seed: 5 });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ param: 'challenge', reason: 'unknownChallenge' });
    expect([...refused[0]!.value].length).toBeLessThanOrEqual(41);
    expect(lockedSettings(settings)).toEqual([]);
  });

  it('free settings start at the challenge’s values on entering it and stay the reader’s after', () => {
    const entered = parseSettings('challenge=quick-valley').settings;
    expect(entered).toMatchObject({ lr: 0.01, epochs: 100 });
    // The form reads one value over the current settings: the others stay.
    const typed = parseSettings('seed=9', { ...entered, lr: 0.3 });
    expect(typed.refused).toEqual([]);
    expect(typed.settings).toMatchObject({ seed: 9, lr: 0.3, epochs: 100 });
    const locked = parseSettings('epochs=300', entered);
    expect(locked.settings.epochs).toBe(100);
    expect(locked.refused[0]).toMatchObject({ param: 'epochs', reason: 'lockedByChallenge', detail: '100' });
  });

  it('a change that touches a locked setting is undone; leaving the challenge frees everything', () => {
    const s = parseSettings('challenge=sigmoid-step').settings;
    expect(withChallengeLock({ ...s, activation: 'relu', lr: 0.5 })).toEqual({ ...s, lr: 0.5 });
    const left = { ...s, challenge: null, activation: 'relu' as const };
    expect(withChallengeLock(left)).toEqual(left);
    expect(parseSettings(serializeSettings(left)).settings).toEqual(left);
  });
});

describe('a challenge on the command line', () => {
  it('gives the Fit Lab’s settings, with the flags for what it leaves free', () => {
    expect(parseArgs(['--challenge', 'two-relus', '--seeds', '0-9'])).toMatchObject({
      challenge: 'two-relus',
      activation: 'relu',
      hidden: 2,
      target: 'abs',
      lr: 0.04,
      seeds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
    // Free, not named: the challenge's start (the Fit Lab's sigmoid, not the command line's ReLU).
    expect(parseArgs(['--challenge', 'valley-one-neuron'])).toMatchObject({ activation: 'sigmoid', hidden: 1 });
    expect(parseArgs(['--challenge', 'valley-one-neuron', '--activation', 'sine'])).toMatchObject({
      activation: 'sine',
    });
  });
  it('runs a locked seed alone, and refuses flags that name a locked setting', () => {
    expect(parseArgs(['--challenge', 'leaky-rescue']).seeds).toEqual([0]);
    expect(() => parseArgs(['--challenge', 'leaky-rescue', '--seeds', '3'])).toThrow(/--seeds is fixed at 0/);
    expect(() => parseArgs(['--challenge', 'two-relus', '--lr', '0.5'])).toThrow(/--lr is fixed at 0.04.*free: seed/);
    expect(() => parseArgs(['--challenge', 'two-relus', '--init', 'he'])).toThrow(UsageError);
    expect(() => parseArgs(['--challenge', 'nope'])).toThrow(/no challenge is called "nope"/);
    // Naming a locked setting at its own value is no conflict.
    expect(parseArgs(['--challenge', 'two-relus', '--hidden', '2']).hidden).toBe(2);
  });
});

describe('solved challenges kept in the browser', () => {
  it('reads any text without throwing', () => {
    for (const text of [null, '', 'not json', '{"a":1}', '[1,2]', '"two-relus"', '[' + '"x",'.repeat(5000) + '"x"]'])
      expect(parseSolved(text)).toEqual(new Set());
    expect(parseSolved('["wave-tanh","nope","two-relus","two-relus"]')).toEqual(new Set(['wave-tanh', 'two-relus']));
  });
  it('adds a solved id once, in registry order', () => {
    const once = withSolved('garbage', 'wave-tanh');
    expect(withSolved(withSolved(once, 'two-relus'), 'wave-tanh')).toBe('["two-relus","wave-tanh"]');
  });
});

describe.each(['cpu', 'wasm'] as const)(
  'every challenge can be solved, and its start does not solve it (%s)',
  (backend) => {
    beforeAll(() => engineBackend(backend));
    it.each(CHALLENGE_IDS)('%s', (id) => {
      const start = parseSettings(`challenge=${id}`).settings;
      expect(train(start).solved, 'the start alone').toBe(false);
      const solution = parseSettings(`challenge=${id}&${SOLUTIONS[id]}`);
      expect(solution.refused, 'the solution changes only free settings').toEqual([]);
      expect(train(solution.settings)).toMatchObject({ solved: true, reason: 'solved' });
    });
  },
);
