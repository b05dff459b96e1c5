/**
 * Statistics over many seeded runs, on top of `analysis.ts` (which defines the thresholds and the basic summary):
 * the outcome of a run (good fit / plateau / straight line), histograms on the shared log bins, what longer
 * training changes, and — for ReLU — how much is decided by the signs of the initial weights.
 */
import { GOOD_FIT_MSE, STRAIGHT_LINE_FRACTION, share, summarizeRuns, type RunsSummary } from './network';
import { binIndex, logBinEdges } from './seed-bins';

export type Outcome = 'good' | 'plateau' | 'line';

/** One run of the many-seeds study, as stored in `src/labs/seeds/many-seeds.json`. */
export interface SeedRun {
  seed: number;
  /** MSE over all training points after the last epoch (Infinity if the run diverged). */
  finalMse: number;
  /** ReLU-style dead neurons (pre-activation ≤ 0 on every input) before the first step and after the last. */
  deadAtInit: number;
  deadAtEnd: number;
  /** Neurons on their negative side on every input, for units that still learn there (leaky ReLU). */
  negativeAtInit: number;
  negativeAtEnd: number;
  /** Neurons whose initial input weight w₁ is negative (with inputs ≥ 0 and b = 0: all pre-activations ≤ 0). */
  initNegativeW1: number;
}

/** Outcome of a final MSE; non-finite (diverged) counts as a straight line or worse. */
export function outcomeOf(mse: number, lineMse: number): Outcome {
  if (!Number.isFinite(mse)) return 'line';
  if (mse < GOOD_FIT_MSE) return 'good';
  return mse >= STRAIGHT_LINE_FRACTION * lineMse ? 'line' : 'plateau';
}

export interface ConfigSummary extends RunsSummary {
  plateauShare: number;
  negativeAtInitShare: number;
  negativeAtEndShare: number;
  divergedShare: number;
  minMse: number;
  /** Runs with ≥1 neuron whose initial input weight is negative. */
  initNegativeShare: number;
}

export function summarizeConfig(runs: readonly SeedRun[], lineMse: number): ConfigSummary {
  const base = summarizeRuns(runs, lineMse);
  const finite = runs.map((r) => r.finalMse).filter(Number.isFinite);
  return {
    ...base,
    plateauShare: share(runs, (r) => outcomeOf(r.finalMse, lineMse) === 'plateau'),
    negativeAtInitShare: share(runs, (r) => r.negativeAtInit > 0),
    negativeAtEndShare: share(runs, (r) => r.negativeAtEnd > 0),
    divergedShare: share(runs, (r) => !Number.isFinite(r.finalMse)),
    minMse: finite.length ? Math.min(...finite) : Infinity,
    initNegativeShare: share(runs, (r) => r.initNegativeW1 > 0),
  };
}

/** The shared bins: 4 per decade from 10⁻⁵ to 1, with the good-fit and straight-line thresholds as edges. */
export function mseBinEdges(lineMse: number): number[] {
  return logBinEdges({ min: 1e-5, max: 1, perDecade: 4, extraEdges: [GOOD_FIT_MSE, STRAIGHT_LINE_FRACTION * lineMse] });
}

export function binOutcomes(edges: readonly number[], lineMse: number): Outcome[] {
  // A bin's lower edge decides: thresholds are edges, so the whole bin shares it.
  return edges.slice(0, -1).map((lo) => outcomeOf(lo, lineMse));
}

export function histogramCounts(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const v of values) {
    // Diverged runs are drawn in the last bin: they are at least as bad as a straight line.
    const k = Number.isFinite(v) ? binIndex(v, edges) : edges.length - 2;
    counts[k]!++;
  }
  return counts;
}

/** ReLU only: the share of outcomes fixed by the initial weights' signs, against the coin-flip prediction. */
export interface DeathAnalysis {
  hidden: number;
  runs: number;
  /** P(≥1 neuron dead at init) = 1 − 2^−H and P(all dead) = 2^−H, if each w₁ is negative with probability ½. */
  predictedAnyDeadAtInit: number;
  predictedAllDeadAtInit: number;
  anyDeadAtInitShare: number;
  allDeadAtInitShare: number;
  /** Runs in which "dead at init" and "initial w₁ negative" disagree (0 if the sign explanation is exact). */
  signMismatches: number;
  goodShareIfAliveAtInit: number;
  goodCountIfDeadAtInit: number;
  /** No dead neuron at init, ≥1 at the end. */
  diedDuringShare: number;
  /** Fewer dead neurons at the end than at init (a neuron dead from the start came back). */
  revivedCount: number;
}

export function deathAnalysis(runs: readonly SeedRun[], hidden: number): DeathAnalysis {
  const aliveAtInit = runs.filter((r) => r.deadAtInit === 0);
  const deadAtInit = runs.filter((r) => r.deadAtInit > 0);
  return {
    hidden,
    runs: runs.length,
    predictedAnyDeadAtInit: 1 - 2 ** -hidden,
    predictedAllDeadAtInit: 2 ** -hidden,
    anyDeadAtInitShare: deadAtInit.length / runs.length,
    allDeadAtInitShare: share(runs, (r) => r.deadAtInit === hidden),
    signMismatches: runs.filter((r) => r.deadAtInit !== r.initNegativeW1).length,
    goodShareIfAliveAtInit: share(aliveAtInit, (r) => r.finalMse < GOOD_FIT_MSE),
    goodCountIfDeadAtInit: deadAtInit.filter((r) => r.finalMse < GOOD_FIT_MSE).length,
    diedDuringShare: share(runs, (r) => r.deadAtInit === 0 && r.deadAtEnd > 0),
    revivedCount: runs.filter((r) => r.deadAtEnd < r.deadAtInit).length,
  };
}

/** A run of the longer-training study: its state at each checkpoint (e.g. 300, 1,000 and 3,000 epochs). */
export interface LongerRun {
  seed: number;
  mse: number[];
  deadAtInit: number;
  dead: number[];
  negative: number[];
}

export interface LongerSummary {
  runs: number;
  goodShare: number[];
  /** Not a good fit at the first checkpoint. */
  stuckAtFirst: number;
  /** …but a good fit at the last one: merely slow (a run good only at a checkpoint in between is not counted). */
  slow: number;
  /** Still not good at the last checkpoint, with a neuron dead since before the first step: can never recover. */
  neverDeadStart: number;
  /** Still not good at the last checkpoint, a neuron died during training. */
  neverDiedLater: number;
  /** Still not good at the last checkpoint, no dead neuron. */
  stillStuckAlive: number;
}

export function summarizeLonger(runs: readonly LongerRun[]): LongerSummary {
  const checkpoints = runs[0]?.mse.length ?? 0;
  const good = (r: LongerRun, k: number) => (r.mse[k] ?? Infinity) < GOOD_FIT_MSE;
  const last = checkpoints - 1;
  const stuck = runs.filter((r) => !good(r, 0));
  const stuckAtEnd = stuck.filter((r) => !good(r, last));
  return {
    runs: runs.length,
    goodShare: Array.from({ length: checkpoints }, (_, k) => share(runs, (r) => good(r, k))),
    stuckAtFirst: stuck.length,
    slow: stuck.length - stuckAtEnd.length,
    neverDeadStart: stuckAtEnd.filter((r) => r.deadAtInit > 0).length,
    neverDiedLater: stuckAtEnd.filter((r) => r.deadAtInit === 0 && (r.dead[last] ?? 0) > 0).length,
    stillStuckAlive: stuckAtEnd.filter((r) => r.deadAtInit === 0 && (r.dead[last] ?? 0) === 0).length,
  };
}

/** Share of seeds on which run a ends strictly lower than run b (same seeds, same order). */
export function shareLower(a: readonly SeedRun[], b: readonly SeedRun[]): number {
  const bySeed = new Map(b.map((r) => [r.seed, r.finalMse]));
  const paired = a.filter((r) => bySeed.has(r.seed));
  return share(paired, (r) => r.finalMse < bySeed.get(r.seed)!);
}

/**
 * How the good fits move between the first and the last checkpoint. A run near the threshold can cross it either
 * way, so the good fits at the end are those at the start, less the ones lost, plus the ones gained.
 */
export interface LongerTransitions {
  goodAtFirst: number;
  goodAtLast: number;
  /** Not a good fit at the first checkpoint, a good fit at the last. */
  gained: number;
  /** A good fit at the first checkpoint, above the threshold again at the last. */
  lost: number;
  /** Good at some checkpoint but not at the last one. */
  goodOnceNotAtLast: number;
}

export function longerTransitions(runs: readonly LongerRun[]): LongerTransitions {
  const last = (runs[0]?.mse.length ?? 1) - 1;
  const good = (r: LongerRun, k: number) => (r.mse[k] ?? Infinity) < GOOD_FIT_MSE;
  const count = (p: (r: LongerRun) => boolean) => runs.filter(p).length;
  return {
    goodAtFirst: count((r) => good(r, 0)),
    goodAtLast: count((r) => good(r, last)),
    gained: count((r) => !good(r, 0) && good(r, last)),
    lost: count((r) => good(r, 0) && !good(r, last)),
    goodOnceNotAtLast: count((r) => !good(r, last) && r.mse.some((_, k) => good(r, k))),
  };
}

/**
 * Outcomes grouped by how many neurons start with a negative input weight (0 … H). With zero biases and inputs
 * ≥ 0, that count says which side of its kink each ReLU-family unit starts on.
 */
export interface SignGroup {
  negativeAtStart: number;
  runs: number;
  goodShare: number;
  lineShare: number;
}

export function outcomesByStartSigns(runs: readonly SeedRun[], hidden: number, lineMse: number): SignGroup[] {
  return Array.from({ length: hidden + 1 }, (_, k) => {
    const group = runs.filter((r) => r.initNegativeW1 === k);
    return {
      negativeAtStart: k,
      runs: group.length,
      goodShare: share(group, (r) => outcomeOf(r.finalMse, lineMse) === 'good'),
      lineShare: share(group, (r) => outcomeOf(r.finalMse, lineMse) === 'line'),
    };
  });
}
