/**
 * Every number the many-seeds page quotes, by name, computed from `many-seeds.json`. Prose, tables and tests all
 * read the same record, so a figure in a sentence can only be the figure in the data.
 *
 * Names: `<config>.<stat>` for a configuration's summary (`relu-h2.goodFitShare`), `<config>.death.<stat>` for
 * the ReLU analysis, `longer.<config>.<stat>` for the longer-training study, `reference.<stat>`, and a few
 * comparisons (`compare.sigmoidBelowRelu`).
 */
import { cannotLearn } from '../activations/cannot-learn';
import { ACTIVATIONS } from '../activations/registry';
import type { ManySeedsFile } from './many-seeds-file';
import { seedDataset } from '../data/dataset';
import { flatStart } from './flat-start';
import { GOOD_FIT_MSE } from './network';
import { longerTransitions, outcomesByStartSigns, shareLower } from './seed-stats';

export type FactKind = 'share' | 'count' | 'mse' | 'epochs' | 'ratio';

/** How a fact is shown, from its name: shares as percentages, counts as integers, errors as decimals. */
export function factKind(name: string): FactKind {
  // The statistic is the last segment that is not an index (`longer.relu-h2.goodShare.1` → goodShare).
  const stat =
    name
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? name;
  if (stat.includes('Share') || stat.startsWith('predicted')) return 'share';
  if (stat.endsWith('Mse') || stat === 'monotoneBound' || stat === 'straightLineFraction') return 'mse';
  if (stat.startsWith('checkpoint') || stat === 'epochs') return 'epochs';
  if (stat.endsWith('Ratio')) return 'ratio';
  return 'count';
}

export function seedFacts(file: ManySeedsFile): Record<string, number> {
  const facts: Record<string, number> = {};
  const put = (name: string, value: number) => {
    facts[name] = value;
  };
  for (const [k, v] of Object.entries(file.reference)) put(`reference.${k}`, v);
  put('training.runs', file.training.seeds.to - file.training.seeds.from + 1);
  put('training.epochs', file.training.epochs);
  file.longer.checkpoints.forEach((c, i) => put(`longer.checkpoint${i}`, c));
  put('longer.runs', file.longer.seeds.to - file.longer.seeds.from + 1);

  const xs = seedDataset(file.training.points).x;
  for (const c of file.configs) {
    for (const [k, v] of Object.entries(c.summary)) put(`${c.id}.${k}`, v);
    const runs = c.summary.runs;
    const goodCount = c.runs.filter((r) => r.finalMse < GOOD_FIT_MSE).length;
    put(`${c.id}.goodFitCount`, goodCount);
    put(`${c.id}.notGoodCount`, runs - goodCount);
    put(`${c.id}.straightLineCount`, Math.round(c.summary.straightLineShare * runs));
    put(`${c.id}.belowBoundCount`, c.runs.filter((r) => r.finalMse < file.reference.monotoneBound).length);
    put(`${c.id}.nearBoundShare`, c.runs.filter((r) => r.finalMse < 1.05 * file.reference.monotoneBound).length / runs);
    if (c.death) for (const [k, v] of Object.entries(c.death)) put(`${c.id}.death.${k}`, v);
    // How far the good-fit threshold sits above the best error any seed reached.
    put(`${c.id}.thresholdOverBestRatio`, GOOD_FIT_MSE / c.summary.minMse);
    for (const g of outcomesByStartSigns(c.runs, c.hidden, file.reference.lineMse)) {
      put(`${c.id}.signs.${g.negativeAtStart}.runs`, g.runs);
      put(`${c.id}.signs.${g.negativeAtStart}.goodShare`, g.goodShare);
      put(`${c.id}.signs.${g.negativeAtStart}.lineShare`, g.lineShare);
    }
    const traits = ACTIVATIONS[c.activation].facts;
    if (traits.saturating && !traits.zeroGradient) {
      const start = flatStart(c.runs, c.activation, c.hidden, xs, file.reference.lineMse);
      put(`${c.id}.start.flatShare`, start.flatShare);
      for (const k of ['flat', 'live'] as const)
        for (const [stat, v] of Object.entries(start[k])) put(`${c.id}.start.${k}.${stat}`, v);
    }
  }

  for (const c of file.longer.configs) {
    const { goodShare, ...rest } = c.summary;
    goodShare.forEach((v, i) => put(`longer.${c.id}.goodShare.${i}`, v));
    for (const [k, v] of Object.entries(rest)) put(`longer.${c.id}.${k}`, v);
    const stuckDeadStart = c.runs.filter((r) => r.deadAtInit > 0 && (r.mse[0] ?? Infinity) >= GOOD_FIT_MSE);
    put(`longer.${c.id}.stuckDeadStart`, stuckDeadStart.length);
    for (const [k, v] of Object.entries(longerTransitions(c.runs))) put(`longer.${c.id}.${k}`, v);
  }

  const runsOf = (id: string) => file.configs.find((c) => c.id === id)?.runs;
  const sigmoid = runsOf('sigmoid-h2');
  const tanh = runsOf('tanh-h2');
  const relu = runsOf('relu-h2');
  if (sigmoid && relu) put('compare.sigmoidBelowReluShare', shareLower(sigmoid, relu));
  if (tanh && relu) put('compare.tanhBelowReluShare', shareLower(tanh, relu));
  // Units that learn: a step's hidden layer never moves, so it ends as a straight line for another reason.
  const others = file.configs.filter(
    (c) => c.hidden === 2 && c.activation !== 'linear' && cannotLearn(c.activation) === null,
  );
  if (others.length)
    put('compare.otherMaxStraightLineShare', Math.max(...others.map((c) => c.summary.straightLineShare)));
  // The monotone bound holds for monotone units only: a Gaussian bump or a sine wave may go below it.
  const ones = file.configs.filter((c) => c.hidden === 1 && ACTIVATIONS[c.activation].facts.monotonic);
  if (ones.length) {
    put('compare.oneNeuronMinMse', Math.min(...ones.map((c) => c.summary.minMse)));
    put(
      'compare.oneNeuronGoodCount',
      ones.reduce((s, c) => s + (facts[`${c.id}.goodFitCount`] ?? 0), 0),
    );
    put(
      'compare.oneNeuronBelowBoundCount',
      ones.reduce((s, c) => s + (facts[`${c.id}.belowBoundCount`] ?? 0), 0),
    );
  }
  return facts;
}

export function fact(facts: Record<string, number>, name: string): number {
  const v = facts[name];
  if (v === undefined) throw new Error(`many-seeds: no fact named "${name}"`);
  return v;
}
