/**
 * "How many units does this shape need?": the sweep plan (per hidden size, every activation × seed as one
 * batched compare) and its summary: per size and activation the best MSE and the share of seeds with
 * MSE < 0.01, and the smallest size whose best run gets there. The summary is recomputed from the weights the
 * engine returns (float64, here), so a page, a test and the build-time CLI all get the same numbers.
 */
import { GOOD_FIT_MSE, meanSquaredError, predictAll } from './network';
import type { HiddenActivationId } from '../activations/types';
import type { Dataset, NetworkParams, TrainConfig } from '../train/types';

export interface SweepPlan {
  sizes: readonly number[];
  activations: readonly HiddenActivationId[];
  seeds: number;
  epochs: number;
  lr: number;
  batchSize: number;
}

/** The networks of one size, in the order the results come back: activation-major, then seed. */
export function sweepConfigs(plan: SweepPlan, hidden: number): TrainConfig[] {
  return plan.activations.flatMap((activation) =>
    Array.from({ length: plan.seeds }, (_, seed) => ({
      activation,
      activationParams: {},
      hidden,
      lr: plan.lr,
      epochs: plan.epochs,
      batchSize: plan.batchSize,
      seed,
    })),
  );
}

export interface SweepRun {
  hidden: number;
  activation: HiddenActivationId;
  seed: number;
  params: NetworkParams;
  diverged: boolean;
}

/** Pair a compare's results with its configurations. */
export function sweepRuns(
  configs: readonly TrainConfig[],
  results: readonly { params: NetworkParams; divergedAt: number | null }[],
): SweepRun[] {
  return configs.map((c, i) => ({
    hidden: c.hidden,
    activation: c.activation,
    seed: c.seed,
    params: results[i]!.params,
    diverged: results[i]!.divergedAt !== null,
  }));
}

export interface SweepCell {
  hidden: number;
  activation: HiddenActivationId;
  runs: number;
  bestMse: number;
  /** Share of seeds with MSE < 0.01. */
  goodShare: number;
}

export interface SweepSummary {
  cells: SweepCell[];
  /** Per activation: the smallest size whose best run reaches MSE < 0.01 (null: none tried did), and its share. */
  needed: Array<{ activation: HiddenActivationId; hidden: number | null; goodShare: number }>;
}

export function runMse(run: Pick<SweepRun, 'params' | 'activation' | 'diverged'>, data: Dataset): number {
  if (run.diverged) return Infinity;
  const mse = meanSquaredError(predictAll(run.params, { activation: run.activation }, data.x), data.y);
  return Number.isFinite(mse) ? mse : Infinity;
}

export function summarizeSweep(
  runs: readonly SweepRun[],
  data: Dataset,
  activations: readonly HiddenActivationId[],
): SweepSummary {
  const sizes = [...new Set(runs.map((r) => r.hidden))].sort((a, b) => a - b);
  const cells: SweepCell[] = [];
  for (const hidden of sizes) {
    for (const activation of activations) {
      const mses = runs.filter((r) => r.hidden === hidden && r.activation === activation).map((r) => runMse(r, data));
      if (mses.length === 0) continue;
      cells.push({
        hidden,
        activation,
        runs: mses.length,
        bestMse: Math.min(...mses),
        goodShare: mses.filter((m) => m < GOOD_FIT_MSE).length / mses.length,
      });
    }
  }
  const needed = activations.map((activation) => {
    const first = cells.find((c) => c.activation === activation && c.bestMse < GOOD_FIT_MSE);
    return { activation, hidden: first?.hidden ?? null, goodShare: first?.goodShare ?? 0 };
  });
  return { cells, needed };
}
