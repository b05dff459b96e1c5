/**
 * The shape of `src/labs/seeds/many-seeds.json` (written by `npm run many-seeds`) and typed access to it. Prose numbers
 * on the many-seeds page are read through here, so each one names the configuration and statistic it shows.
 */
import type { HiddenActivationId } from '../activations/types';
import type { ConfigSummary, DeathAnalysis, LongerRun, LongerSummary, SeedRun } from './seed-stats';

export interface StoredConfig {
  /** `${activation}-h${hidden}`, e.g. "relu-h2". */
  id: string;
  activation: HiddenActivationId;
  hidden: number;
  summary: ConfigSummary;
  /** Counts per bin of `binEdges`. */
  histogram: number[];
  /** ReLU only. */
  death?: DeathAnalysis;
  runs: SeedRun[];
}

export interface StoredLongerConfig {
  id: string;
  activation: HiddenActivationId;
  hidden: number;
  summary: LongerSummary;
  runs: LongerRun[];
}

export interface ManySeedsFile {
  generator: string;
  backend: string;
  training: {
    lr: number;
    epochs: number;
    batchSize: number;
    points: number;
    target: string;
    seeds: { from: number; to: number };
  };
  reference: { lineMse: number; monotoneBound: number; goodFitMse: number; straightLineFraction: number };
  binEdges: number[];
  configs: StoredConfig[];
  longer: { seeds: { from: number; to: number }; checkpoints: number[]; configs: StoredLongerConfig[] };
}

/** JSON has no Infinity: diverged runs are stored as null and come back as Infinity. */
export function reviveManySeeds(raw: unknown): ManySeedsFile {
  return JSON.parse(JSON.stringify(raw), (_key, value: unknown) =>
    value === null ? Infinity : value,
  ) as ManySeedsFile;
}

export function findConfig(file: ManySeedsFile, id: string): StoredConfig {
  const c = file.configs.find((k) => k.id === id);
  if (!c)
    throw new Error(`many-seeds.json has no configuration "${id}" (have: ${file.configs.map((k) => k.id).join(', ')})`);
  return c;
}

export function findLonger(file: ManySeedsFile, id: string): StoredLongerConfig {
  const c = file.longer.configs.find((k) => k.id === id);
  if (!c) throw new Error(`many-seeds.json has no longer-training configuration "${id}"`);
  return c;
}
