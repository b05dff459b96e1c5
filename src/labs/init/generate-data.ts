/**
 * `npm run init-experiment [-- --seeds 0-999 --out src/labs/init/init-experiment.json]`: trains the seed experiment
 * (Dense(2, φ) → Dense(1), cos(x)+1 on 100 points, Adam 0.04, 300 epochs, batch 32) for every seed and every
 * initialisation of INIT_STUDY (kernels zeros / glorot-uniform / he-uniform × hidden-bias 0 / 0.1), for ReLU,
 * leaky ReLU and sigmoid, with the real engine, and writes the file the /further/ page's InitLab reads at build time.
 *
 * Deterministic like `npm run many-seeds` (wasm, seeded weights and shuffles; each network's arithmetic is
 * independent of the others in its batch), so a unit test can regenerate a few seeds and compare.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { HiddenActivationId } from '../../core/activations/types';
import { GOOD_FIT_MSE, leastSquaresLineMse } from '../../core/analysis/network';
import { seedDataset } from '../../core/data/dataset';
import { trainNetworks, useBackend, type BackendName } from '../../core/engine';
import { layerLimits, SMALL_POSITIVE_BIAS, type InitSpec } from '../../core/train/init-schemes';
import { INIT_LAB_ACTIVATIONS } from './settings';
import {
  initConfigId,
  toColumns,
  type InitStudyFile,
  type StoredInitConfig,
} from '../../core/analysis/init-study-file';
import { seedRunOf } from '../../core/analysis/seed-run';
import { summarizeConfig } from '../../core/analysis/seed-stats';
import { DEFAULT_SETTINGS } from '../../core/settings/fit-lab';
import { flagHelp, parseFlags, UsageError } from '../../core/settings/flags';
import { defineSchema, field, text } from '../../core/settings/schema';
import { seedSpan } from '../../core/settings/seeds';
import type { TrainConfig } from '../../core/train/types';
import { studyJson } from '../../shared/study-json';

export const BACKEND: BackendName = 'wasm';
export const INIT_SEEDS = { from: 0, to: 999 } as const;
export const INIT_HIDDEN = 2;
export const INIT_ACTIVATIONS: readonly HiddenActivationId[] = INIT_LAB_ACTIVATIONS;
export const INIT_STUDY: readonly InitSpec[] = (['zeros', 'glorot_uniform', 'he_uniform'] as const).flatMap((kernel) =>
  [0, SMALL_POSITIVE_BIAS].map((hiddenBias) => ({ kernel, hiddenBias })),
);

/** The seed experiment's training for one seed, started from `init`. */
export function initTrainConfig(activation: HiddenActivationId, init: InitSpec, seed: number): TrainConfig {
  const { lr, epochs, batch: batchSize } = DEFAULT_SETTINGS;
  return { activation, activationParams: {}, hidden: INIT_HIDDEN, lr, epochs, batchSize, seed, init };
}

export interface InitStudyOptions {
  seeds?: { from: number; to: number };
  activations?: readonly HiddenActivationId[];
  inits?: readonly InitSpec[];
  onProgress?: (label: string, fraction: number) => void;
}

export async function generateInitStudy(options: InitStudyOptions = {}): Promise<InitStudyFile> {
  await useBackend(BACKEND);
  const data = seedDataset();
  const lineMse = leastSquaresLineMse(data);
  const range = options.seeds ?? INIT_SEEDS;
  const seeds = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
  const activations = [...(options.activations ?? INIT_ACTIVATIONS)];
  const inits = [...(options.inits ?? INIT_STUDY)];
  const configs: StoredInitConfig[] = [];
  for (const activation of activations) {
    for (const init of inits) {
      const id = initConfigId(activation, init);
      const results = trainNetworks(
        seeds.map((seed) => initTrainConfig(activation, init, seed)),
        data,
        { onProgress: (done, total) => options.onProgress?.(id, done / total) },
      );
      const runs = results.map((r) => seedRunOf(r.config.seed, activation, INIT_HIDDEN, r.params, data, init));
      configs.push({
        id,
        activation,
        init,
        limits: layerLimits(init.kernel, INIT_HIDDEN),
        summary: summarizeConfig(runs, lineMse),
        runs: toColumns(runs),
      });
    }
  }
  return {
    generator: 'npm run init-experiment',
    backend: BACKEND,
    training: {
      hidden: INIT_HIDDEN,
      lr: DEFAULT_SETTINGS.lr,
      epochs: DEFAULT_SETTINGS.epochs,
      batchSize: DEFAULT_SETTINGS.batch,
      points: data.x.length,
      target: DEFAULT_SETTINGS.target,
      seeds: range,
    },
    reference: { lineMse, goodFitMse: GOOD_FIT_MSE },
    activations,
    inits,
    configs,
  };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`.padStart(7);

function printTable(file: InitStudyFile): void {
  const lines = ['activation   kernel          bias   dead@init  dead@end  good fit  median MSE'];
  for (const c of file.configs) {
    const s = c.summary;
    lines.push(
      `${c.activation.padEnd(12)} ${c.init.kernel.padEnd(15)} ${String(c.init.hiddenBias).padEnd(5)} ${pct(s.deadAtInitShare)}  ${pct(s.deadAtEndShare)}  ${pct(s.goodFitShare)}  ${s.medianMse.toPrecision(3)}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

const FLAGS = defineSchema({
  seeds: field('seeds', seedSpan, INIT_SEEDS, { help: 'Seeds of every configuration' }),
  out: field('out', text, 'src/labs/init/init-experiment.json', { help: 'File to write' }),
});

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help'))
    return void process.stdout.write(`npm run init-experiment -- [flags]\n${flagHelp(FLAGS)}\n`);
  const { seeds, out } = parseFlags(FLAGS, argv).values;
  const started = performance.now();
  let last = '';
  const file = await generateInitStudy({
    seeds,
    onProgress: (label, f) => {
      if (!process.stderr.isTTY && label === last && f < 1) return;
      last = label;
      const s = ((performance.now() - started) / 1000).toFixed(0);
      process.stderr.write(
        `${process.stderr.isTTY ? '\r' : ''}${label.padEnd(28)} ${(f * 100).toFixed(0).padStart(3)} %  (${s} s)${process.stderr.isTTY ? '' : '\n'}`,
      );
    },
  });
  // The many-seeds layout (structure indented, plain arrays on one line) suits these columns too.
  writeFileSync(out, studyJson(file));
  process.stderr.write(`\nwrote ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  printTable(file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`init-experiment: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
