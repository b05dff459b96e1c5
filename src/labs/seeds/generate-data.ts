/**
 * `npm run many-seeds`: trains the seed experiment for seeds 0–999 with every hidden activation (H = 2) and with
 * the one-neuron set below (H = 1), plus a longer-training study on fewer seeds, and writes
 * `src/labs/seeds/many-seeds.json`, which the many-seeds page reads at build time.
 *
 * Deterministic: one backend (wasm, single thread), seeded weights and shuffles, and each network's arithmetic
 * independent of the others in its batch, so the same seeds give the same file, byte for byte (a unit test
 * regenerates a few seeds and compares).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { leastSquaresLineMse, GOOD_FIT_MSE, STRAIGHT_LINE_FRACTION } from '../../core/analysis/network';
import { networkState, seedRunOf } from '../../core/analysis/seed-run';
import { HIDDEN_ACTIVATION_IDS, type HiddenActivationId } from '../../core/activations/types';
import { seedDataset } from '../../core/data/dataset';
import { ShallowTrainer, useBackend, type BackendName } from '../../core/engine';
import { monotoneBound } from '../../core/analysis/monotone';
import { initialParams } from '../../core/train/random';
import { DEFAULT_SETTINGS } from '../../core/settings/fit-lab';
import { flagHelp, parseFlags, UsageError } from '../../core/settings/flags';
import { defineSchema, field, text } from '../../core/settings/schema';
import { seedSpan } from '../../core/settings/seeds';
import {
  deathAnalysis,
  histogramCounts,
  mseBinEdges,
  summarizeConfig,
  summarizeLonger,
  type LongerRun,
  type SeedRun,
} from '../../core/analysis/seed-stats';
import type { Dataset, NetworkParams, TrainConfig } from '../../core/train/types';
import type { ManySeedsFile, StoredConfig, StoredLongerConfig } from '../../core/analysis/many-seeds-file';
import { studyJson } from '../../shared/study-json';

export const BACKEND: BackendName = 'wasm';
export const SEED_RANGE = { from: 0, to: 999 } as const;
export const LONGER_SEED_RANGE = { from: 0, to: 199 } as const;
export const LONGER_CHECKPOINTS = [300, 1000, 3000] as const;
export const LONGER_ACTIVATIONS: readonly HiddenActivationId[] = ['relu', 'leaky_relu', 'sigmoid'];

export interface StudyConfig {
  activation: HiddenActivationId;
  hidden: number;
}

/**
 * One neuron: monotone units (sigmoid, tanh, ReLU, softsign, and the step, which does not train at all) can never
 * go below the monotone bound; a Gaussian bump or a sine wave can draw the valley, if training finds it, and so can
 * a PReLU if it learns a negative slope (a V). Listed in the order they joined, so each new one only adds to the file.
 */
export const ONE_NEURON_ACTIVATIONS: readonly HiddenActivationId[] = [
  'sigmoid',
  'tanh',
  'relu',
  'step',
  'gaussian',
  'sine',
  'softsign',
  'prelu',
];

export const STUDY_CONFIGS: readonly StudyConfig[] = [
  ...HIDDEN_ACTIVATION_IDS.map((activation) => ({ activation, hidden: 2 })),
  ...ONE_NEURON_ACTIVATIONS.map((activation) => ({ activation, hidden: 1 })),
];

export const configId = (c: StudyConfig) => `${c.activation}-h${c.hidden}`;

function trainConfig(c: StudyConfig, seed: number, epochs: number): TrainConfig {
  return {
    activation: c.activation,
    activationParams: {},
    hidden: c.hidden,
    lr: DEFAULT_SETTINGS.lr,
    epochs,
    batchSize: DEFAULT_SETTINGS.batch,
    seed,
  };
}

const seedsOf = (r: { from: number; to: number }) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i);

/** Train one configuration for the given seeds and epochs, reading the weights at each checkpoint. */
function trainCheckpoints(
  c: StudyConfig,
  seeds: readonly number[],
  checkpoints: readonly number[],
  data: Dataset,
  progress?: (done: number) => void,
) {
  const total = checkpoints[checkpoints.length - 1]!;
  const trainer = new ShallowTrainer({ configs: seeds.map((s) => trainConfig(c, s, total)), data });
  const states: NetworkParams[][] = seeds.map(() => []);
  try {
    for (const checkpoint of checkpoints) {
      while (trainer.epoch < checkpoint) {
        trainer.runEpochs(Math.min(50, checkpoint - trainer.epoch));
        progress?.(trainer.epoch / total);
      }
      trainer.read().networks.forEach((n, i) => states[i]!.push(n.params));
    }
  } finally {
    trainer.dispose();
  }
  return states;
}

export interface GenerateOptions {
  seeds?: { from: number; to: number };
  longerSeeds?: { from: number; to: number };
  /** Only these configuration ids (tests regenerate a subset). */
  only?: readonly string[];
  onProgress?: (label: string, fraction: number) => void;
}

export async function generateManySeeds(options: GenerateOptions = {}): Promise<ManySeedsFile> {
  await useBackend(BACKEND);
  const data = seedDataset();
  const lineMse = leastSquaresLineMse(data);
  const edges = mseBinEdges(lineMse);
  const seedRange = options.seeds ?? SEED_RANGE;
  const longerRange = options.longerSeeds ?? LONGER_SEED_RANGE;
  const wanted = (c: StudyConfig) => !options.only || options.only.includes(configId(c));

  const configs: StoredConfig[] = [];
  for (const c of STUDY_CONFIGS.filter(wanted)) {
    const seeds = seedsOf(seedRange);
    const results = trainCheckpoints(c, seeds, [DEFAULT_SETTINGS.epochs], data, (f) =>
      options.onProgress?.(configId(c), f),
    );
    const runs: SeedRun[] = seeds.map((seed, i) => seedRunOf(seed, c.activation, c.hidden, results[i]![0]!, data));
    configs.push({
      id: configId(c),
      activation: c.activation,
      hidden: c.hidden,
      summary: summarizeConfig(runs, lineMse),
      histogram: histogramCounts(
        runs.map((r) => r.finalMse),
        edges,
      ),
      ...(c.activation === 'relu' ? { death: deathAnalysis(runs, c.hidden) } : {}),
      runs,
    });
  }

  const longer: StoredLongerConfig[] = [];
  for (const activation of LONGER_ACTIVATIONS) {
    const c = { activation, hidden: 2 };
    if (!wanted(c)) continue;
    const seeds = seedsOf(longerRange);
    const results = trainCheckpoints(c, seeds, LONGER_CHECKPOINTS, data, (f) =>
      options.onProgress?.(`${configId(c)} × ${LONGER_CHECKPOINTS.at(-1)}`, f),
    );
    const runs: LongerRun[] = seeds.map((seed, i) => {
      const states = results[i]!.map((p) => networkState(p, activation, data));
      return {
        seed,
        mse: states.map((s) => s.mse),
        deadAtInit: networkState(initialParams(seed, 2), activation, data).dead,
        dead: states.map((s) => s.dead),
        negative: states.map((s) => s.negative),
      };
    });
    longer.push({ id: configId(c), activation, hidden: 2, summary: summarizeLonger(runs), runs });
  }

  return {
    generator: 'npm run many-seeds',
    backend: BACKEND,
    training: {
      lr: DEFAULT_SETTINGS.lr,
      epochs: DEFAULT_SETTINGS.epochs,
      batchSize: DEFAULT_SETTINGS.batch,
      points: data.x.length,
      target: DEFAULT_SETTINGS.target,
      seeds: seedRange,
    },
    reference: {
      lineMse,
      monotoneBound: monotoneBound(data).mse,
      goodFitMse: GOOD_FIT_MSE,
      straightLineFraction: STRAIGHT_LINE_FRACTION,
    },
    binEdges: edges,
    configs,
    longer: { seeds: longerRange, checkpoints: [...LONGER_CHECKPOINTS], configs: longer },
  };
}

const FLAGS = defineSchema({
  seeds: field('seeds', seedSpan, SEED_RANGE, { help: 'Seeds of the main study' }),
  longerSeeds: field('longer-seeds', seedSpan, LONGER_SEED_RANGE, { help: 'Seeds of the longer-training study' }),
  out: field('out', text, 'src/labs/seeds/many-seeds.json', { help: 'File to write' }),
});

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help')) return void process.stdout.write(`npm run many-seeds -- [flags]\n${flagHelp(FLAGS)}\n`);
  const { seeds, longerSeeds, out } = parseFlags(FLAGS, argv).values;
  const started = performance.now();
  let lastLabel = '';
  const file = await generateManySeeds({
    seeds,
    longerSeeds,
    onProgress: (label, f) => {
      if (!process.stderr.isTTY && label === lastLabel && f < 1) return;
      lastLabel = label;
      const s = ((performance.now() - started) / 1000).toFixed(0);
      process.stderr.write(
        `${process.stderr.isTTY ? '\r' : ''}${label.padEnd(22)} ${(f * 100).toFixed(0).padStart(3)} %  (${s} s)${process.stderr.isTTY ? '' : '\n'}`,
      );
    },
  });
  writeFileSync(out, studyJson(file));
  process.stderr.write(`\nwrote ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`many-seeds: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
