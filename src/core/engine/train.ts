/** Training a batch to the end in one call (Node: the command line, build-time data, tests). */
import type { Dataset, NetworkParams, TrainConfig } from '../train/types';
import { ShallowTrainer } from './shallow-trainer';

export interface BatchRunResult {
  config: TrainConfig;
  params: NetworkParams;
  /** Keras-style loss of every epoch. */
  losses: number[];
  status: 'done' | 'diverged';
  divergedAt: number | null;
}

export interface TrainBatchOptions {
  /** Epochs between device reads (progress reports, divergence checks). */
  chunkEpochs?: number;
  onProgress?(epochsDone: number, epochsTotal: number): void;
  initial?: readonly NetworkParams[];
}

/**
 * Train every network in `configs` (same hidden size, lr, epochs and batch size) as one batch; the active tfjs
 * backend must be ready (see `useBackend`). Diverged networks are reported, not thrown.
 */
export function trainNetworks(
  configs: readonly TrainConfig[],
  data: Dataset,
  options: TrainBatchOptions = {},
): BatchRunResult[] {
  const trainer = new ShallowTrainer({ configs, data, initial: options.initial });
  const chunk = Math.max(1, options.chunkEpochs ?? 50);
  const losses: number[][] = configs.map(() => []);
  try {
    let readout = trainer.read();
    while (!trainer.finished) {
      trainer.runEpochs(chunk);
      readout = trainer.read();
      readout.networks.forEach((n, s) => losses[s]!.push(...n.losses));
      options.onProgress?.(trainer.epoch, configs[0]!.epochs);
    }
    return readout.networks.map((n, s) => ({
      config: configs[s]!,
      params: n.params,
      losses: losses[s]!,
      status: n.divergedAt === null ? 'done' : 'diverged',
      divergedAt: n.divergedAt,
    }));
  } finally {
    trainer.dispose();
  }
}

/** Split configs into groups that can share a batch (same hidden, lr, epochs, batch size), keeping order. */
export function batchGroups(configs: readonly TrainConfig[]): number[][] {
  const groups = new Map<string, number[]>();
  configs.forEach((c, i) => {
    const key = `${c.hidden}|${c.lr}|${c.epochs}|${c.batchSize}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}
