/**
 * The shape of `src/labs/init/init-experiment.json` (written by `npm run init-experiment`): the seed experiment trained
 * from several initialisations, and typed access to it. Runs are stored by columns (one array per SeedRun field)
 * to keep the file small; `runsOf` turns them back into SeedRun records for the statistics of seed-stats.ts.
 *
 * Facts (for `InitStat` in the prose) are named `<activation>.<kernel>+<bias>.<stat>`, e.g.
 * `relu.he_uniform+0.1.deadAtInitShare`, plus `relu.predictedAnyDeadAtInit` (1 − 2^−H).
 */
import type { HiddenActivationId } from '../activations/types';
import { initId, type InitSpec } from '../train/init-schemes';
import type { ConfigSummary, SeedRun } from './seed-stats';

type RunField = Exclude<keyof SeedRun, 'seed'>;
export const RUN_FIELDS = [
  'finalMse',
  'deadAtInit',
  'deadAtEnd',
  'negativeAtInit',
  'negativeAtEnd',
  'initNegativeW1',
] as const satisfies readonly RunField[];

/** Seeds from…to, and one array per field (index k = seed from + k). */
export type RunColumns = { seeds: { from: number; to: number } } & Record<(typeof RUN_FIELDS)[number], number[]>;

export interface StoredInitConfig {
  /** `${activation}/${initId(init)}`, e.g. "relu/he_uniform+0.1". */
  id: string;
  activation: HiddenActivationId;
  init: InitSpec;
  /** Half-widths of the uniform kernels of both layers (0 for zeros). */
  limits: { w1: number; w2: number };
  summary: ConfigSummary;
  runs: RunColumns;
}

export interface InitStudyFile {
  generator: string;
  backend: string;
  training: {
    hidden: number;
    lr: number;
    epochs: number;
    batchSize: number;
    points: number;
    target: string;
    seeds: { from: number; to: number };
  };
  reference: { lineMse: number; goodFitMse: number };
  activations: HiddenActivationId[];
  inits: InitSpec[];
  configs: StoredInitConfig[];
}

export const initConfigId = (activation: HiddenActivationId, init: InitSpec) => `${activation}/${initId(init)}`;

export function toColumns(runs: readonly SeedRun[]): RunColumns {
  const from = runs[0]?.seed ?? 0;
  runs.forEach((r, k) => {
    if (r.seed !== from + k) throw new Error('Runs must be consecutive seeds in order');
  });
  const columns = { seeds: { from, to: from + runs.length - 1 } } as RunColumns;
  for (const f of RUN_FIELDS) columns[f] = runs.map((r) => r[f]);
  return columns;
}

export function runsOf(columns: RunColumns): SeedRun[] {
  const n = columns.seeds.to - columns.seeds.from + 1;
  return Array.from({ length: n }, (_, k) => {
    const run = { seed: columns.seeds.from + k } as SeedRun;
    for (const f of RUN_FIELDS) run[f] = columns[f][k]!;
    return run;
  });
}

/** JSON has no Infinity: diverged runs are stored as null and come back as Infinity. */
export function reviveInitStudy(raw: unknown): InitStudyFile {
  return JSON.parse(JSON.stringify(raw), (_key, value: unknown) =>
    value === null ? Infinity : value,
  ) as InitStudyFile;
}

export function findInitConfig(
  file: InitStudyFile,
  activation: HiddenActivationId,
  init: InitSpec,
): StoredInitConfig | undefined {
  return file.configs.find((c) => c.id === initConfigId(activation, init));
}

export function initFacts(file: InitStudyFile): Record<string, number> {
  const facts: Record<string, number> = {};
  facts['training.runs'] = file.training.seeds.to - file.training.seeds.from + 1;
  facts['training.hidden'] = file.training.hidden;
  for (const a of file.activations) facts[`${a}.predictedAnyDeadAtInit`] = 1 - 2 ** -file.training.hidden;
  for (const c of file.configs) {
    for (const [k, v] of Object.entries(c.summary)) facts[`${c.id.replace('/', '.')}.${k}`] = v;
    facts[`${c.id.replace('/', '.')}.limitW1`] = c.limits.w1;
    facts[`${c.id.replace('/', '.')}.limitW2`] = c.limits.w2;
  }
  return facts;
}

export function initFact(facts: Record<string, number>, name: string): number {
  const v = facts[name];
  if (v === undefined) throw new Error(`init-experiment: no fact named "${name}"`);
  return v;
}
