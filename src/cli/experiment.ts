/**
 * `npm run experiment -- --activation relu --hidden 2 --seeds 0-199 [--epochs 300 --lr 0.04 --batch 32 --json]`
 *   [--init glorot|he|zeros --bias 0.1]: kernel scheme and hidden-bias start (default Keras': glorot, 0)
 *   [--target sin | --points "0,1;1,2;2,1.5"] [--noise 0.1] [--holdout 0.2]: the data, as the Fit Lab's address
 *   gives it; with held-out points each run also reports its test MSE
 *   [--challenge two-relus]: a Fit Lab challenge's settings (the flags may name only those it leaves free; a locked
 *   seed is the one seed run) and whether each run solves it
 *   [--trace] (with --json): each run also carries its initial and final weights, the order it visited the points
 *   in each epoch and its epoch losses, enough to replay it in any other trainer
 *   `--help` lists every flag with its range and default.
 *
 * Trains one network per seed on the seed experiment (y = cos x + 1, 100 points of [0, 2π]) as batches in Node,
 * or on the data the flags name (noise and held-out points are drawn from each run's seed, as in the Fit Lab, so
 * each seed then trains on its own data, one network at a time), then prints a table and a summary (or one JSON object with --json). The flags are the Fit Lab's and the InitLab's
 * settings, read through their declarations, so they take exactly what the site's address takes. Bad arguments
 * exit with status 2.
 */
import { pathToFileURL } from 'node:url';
import {
  deadFlags,
  leastSquaresLineMse,
  meanSquaredError,
  predictAll,
  quantile,
  share,
  STRAIGHT_LINE_FRACTION,
  summarizeRuns,
  type RunsSummary,
} from '../core/analysis/network';
import { useBackend } from '../core/engine/backend';
import { trainNetworks } from '../core/engine/train';
import { testMse } from '../core/analysis/test-loss';
import { CHALLENGES, score } from '../core/challenges/challenges';
import { FIT_LAB, lockChallenge, toTrainingData, type FitLabData } from '../core/settings/fit-lab';
import { flagHelp, parseFlags, UsageError } from '../core/settings/flags';
import { choice, defineSchema, field, flag, type Values } from '../core/settings/schema';
import { seedList } from '../core/settings/seeds';
import { resolveInit } from '../core/train/init-schemes';
import { initialParams, ShuffleStream } from '../core/train/random';
import type { Dataset, NetworkParams, TrainConfig } from '../core/train/types';
import { en } from '../i18n/en';
import { INIT_LAB } from '../labs/init/settings';

export { UsageError };

const { challenge, activation, hidden, epochs, lr, batch, alpha, beta, target, points, noise, holdout } =
  FIT_LAB.fields;
/** The Fit Lab's and the InitLab's own fields (ReLU by default: the many-seeds study's activation). */
export const EXPERIMENT_FLAGS = defineSchema({
  challenge,
  activation: { ...activation, default: 'relu' as const },
  hidden,
  seeds: field(
    'seeds',
    seedList,
    Array.from({ length: 100 }, (_, i) => i),
    { help: 'Seeds, one network each' },
  ),
  epochs,
  lr,
  batch,
  alpha,
  beta,
  target,
  points,
  noise,
  holdout,
  kernel: INIT_LAB.fields.kernel,
  hiddenBias: INIT_LAB.fields.hiddenBias,
  backend: field('backend', choice(['wasm', 'cpu']), 'wasm', { help: 'TF.js backend' }),
  json: field('json', flag, false, { help: 'One JSON object instead of the table' }),
  trace: field('trace', flag, false, { help: 'With --json: per-run weights, visiting orders and epoch losses' }),
});

type Flags = Values<typeof EXPERIMENT_FLAGS.fields>;
export interface Options extends Omit<Flags, 'kernel' | 'hiddenBias' | 'alpha' | 'beta'> {
  activationParams: TrainConfig['activationParams'];
  /** The seeds as given, in canonical form ("0-99"). */
  seedSpec: string;
  /** Absent unless --init or --bias was given, so a default run's configs carry no init at all. */
  init?: TrainConfig['init'];
}

/** Networks per tensor program: big enough to amortise kernel launches, small enough for memory. */
const BATCH_OF_NETWORKS = 1000;
/** --trace prints seeds × epochs permutations of the points: this many at most (about 30 MB of JSON at 100 points). */
export const MAX_TRACED_EPOCHS = 100_000;

const LABELS: Record<string, string> = { ...en.fitLab, ...en.initLab.paramNames } as unknown as Record<string, string>;
const labelOf = (f: { label?: string }) => (f.label ? LABELS[f.label] : undefined);
export const HELP = `usage: npm run experiment -- [flags]\n${flagHelp(EXPERIMENT_FLAGS, labelOf)}`;

export function parseArgs(argv: readonly string[]): Options {
  const parsed = parseFlags(EXPERIMENT_FLAGS, argv);
  const { given } = parsed;
  const values = withChallenge(parsed.values, given);
  const { kernel, hiddenBias, alpha: a, beta: b, ...o } = values;
  const init = given.has('kernel') || given.has('hiddenBias') ? { kernel, hiddenBias } : undefined;
  const activationParams = { ...(a === undefined ? {} : { alpha: a }), ...(b === undefined ? {} : { beta: b }) };
  if (o.trace && !o.json) throw new UsageError('--trace prints per-epoch data and needs --json');
  if (o.trace && o.seeds.length * o.epochs > MAX_TRACED_EPOCHS) {
    throw new UsageError(
      `--trace prints one permutation per seed and epoch: at most ${MAX_TRACED_EPOCHS} (seeds × epochs), ` +
        `got ${o.seeds.length * o.epochs}`,
    );
  }
  return { ...o, activationParams, seedSpec: seedList.format(o.seeds), ...(init ? { init } : {}) };
}

/** The flags with their challenge's settings in place; a flag that names a locked setting is a usage error. */
function withChallenge(values: Flags, given: ReadonlySet<string>): Flags {
  if (!values.challenge) return values;
  const c = CHALLENGES[values.challenge];
  const locked = lockChallenge(values, given, true);
  const fixed = (key: string, value: string) =>
    new UsageError(
      `--${EXPERIMENT_FLAGS.fields[key as keyof Flags].name} is fixed at ${value} by the challenge ${c.id}; ` +
        `it leaves free: ${c.free.join(', ')}`,
    );
  // A challenge is a Fit Lab configuration, which always starts from Keras' initialisation.
  for (const key of ['kernel', 'hiddenBias'] as const)
    if (given.has(key))
      throw new UsageError(`--${EXPERIMENT_FLAGS.fields[key].flag ?? key} does not go with --challenge`);
  const first = locked.overridden[0];
  if (first) {
    const text = FIT_LAB.fields[first].type.format(locked.values[first as keyof Flags] as never);
    throw fixed(first, text === '' ? 'its default' : text);
  }
  if (c.free.includes('seed')) return locked.values;
  const seed = c.start.seed ?? FIT_LAB.fields.seed.default;
  if (given.has('seeds') && (values.seeds.length !== 1 || values.seeds[0] !== seed)) throw fixed('seeds', String(seed));
  return { ...locked.values, seeds: [seed] };
}

/** A progress bar on stderr (only on a terminal, so piped output stays clean). */
function progressBar(fraction: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round(fraction * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(100 * fraction).toFixed(0)}%`);
  if (fraction >= 1) process.stderr.write('\n');
}

const fmt = (v: number | null) => (v === null ? 'diverged' : v < 1e-3 ? v.toExponential(2) : v.toFixed(4));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

function printTable(runs: RunRow[], s: RunsSummary, tested: boolean): void {
  const lines = ['  seed   final MSE   dead@init   dead@end' + (tested ? '    test MSE' : '')];
  for (const r of runs) {
    lines.push(
      `${String(r.seed).padStart(6)}  ${fmt(r.finalMse).padStart(10)}  ${String(r.deadAtInit).padStart(10)}  ${String(r.deadAtEnd).padStart(9)}` +
        (tested
          ? `  ${(r.testMse == null && r.status !== 'diverged' ? '-' : fmt(r.testMse ?? null)).padStart(10)}`
          : ''),
    );
  }
  lines.push(
    '',
    `runs: ${s.runs}`,
    `final MSE: median ${fmt(s.medianMse)}, p10 ${fmt(s.p10Mse)}, p90 ${fmt(Number.isFinite(s.p90Mse) ? s.p90Mse : null)}`,
    `good fits (MSE < 0.01): ${pct(s.goodFitShare)}`,
    `straight lines (MSE ≥ 0.9 × best line's ${s.lineMse.toFixed(4)}): ${pct(s.straightLineShare)}`,
    `≥1 dead neuron at the start: ${pct(s.deadAtInitShare)}; at the end: ${pct(s.deadAtEndShare)}`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

interface RunRow {
  seed: number;
  /** On the points it trained on. */
  finalMse: number | null;
  deadAtInit: number;
  deadAtEnd: number;
  status: string;
  /** With --challenge: whether the run meets its goal. */
  solved?: boolean;
  /** On the held-out points (only with --holdout; null if none could be held out or the run diverged). */
  testMse?: number | null;
}

/** Runs that train on the same data: all seeds, or one seed when its noise or held-out draw is its own. */
interface Group {
  data: FitLabData;
  configs: TrainConfig[];
}

function groupsOf(o: Options, configs: TrainConfig[]): Group[] {
  const dataOf = (seed: number) => toTrainingData({ ...o, seed });
  if (o.noise === 0 && o.holdout === 0) return [{ data: dataOf(0), configs }];
  return configs.map((c) => ({ data: dataOf(c.seed), configs: [c] }));
}

/** What the data was, for --json. */
function dataDescription(o: Options, groups: Group[]) {
  const first = groups[0]!.data;
  return {
    points: first.train.x.length,
    testPoints: first.test.x.length,
    noise: o.noise,
    holdout: o.holdout,
    target:
      first.source === 'points'
        ? 'own points'
        : first.target.spec === 'cos'
          ? 'cos(x) + 1 on [0, 2π]'
          : first.target.text,
  };
}

/** What --trace adds to a run (JSON writes non-finite numbers of a diverged run as null). */
export interface RunTrace {
  initial: NetworkParams;
  final: NetworkParams;
  /** orders[e] = the points in the order epoch e + 1 visited them (minibatches are consecutive slices). */
  orders: number[][];
  /** Keras-style loss of every epoch. */
  losses: number[];
}

/** The run's visiting orders are the seed's shuffle stream, one permutation per epoch, as the engine draws them. */
function traceOf(
  seed: number,
  epochs: number,
  data: Dataset,
  initial: NetworkParams,
  final: NetworkParams,
  losses: number[],
): RunTrace {
  const shuffles = new ShuffleStream(seed, data.x.length);
  const orders = Array.from({ length: epochs }, () => Array.from(shuffles.next()));
  return { initial, final, orders, losses };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(HELP + '\n');
  const o = parseArgs(argv);
  await useBackend(o.backend);
  const configs: TrainConfig[] = o.seeds.map((seed) => ({
    activation: o.activation,
    activationParams: o.activationParams,
    hidden: o.hidden,
    lr: o.lr,
    epochs: o.epochs,
    batchSize: o.batch,
    seed,
    ...(o.init ? { init: o.init } : {}),
  }));
  const groups = groupsOf(o, configs);
  const tested = o.holdout > 0;
  const total = configs.length * o.epochs;
  let before = 0;
  const runs: (RunRow & Partial<RunTrace>)[] = [];
  const lineMses: number[] = [];
  for (const { data: d, configs: members } of groups) {
    const data = d.train;
    const lineMse = leastSquaresLineMse(data);
    for (let start = 0; start < members.length; start += BATCH_OF_NETWORKS) {
      const chunk = members.slice(start, start + BATCH_OF_NETWORKS);
      const results = trainNetworks(chunk, data, {
        onProgress: (epochs) => progressBar((before + epochs * chunk.length) / total),
      });
      before += chunk.length * o.epochs;
      for (const r of results) {
        const mse = meanSquaredError(predictAll(r.params, r.config, data.x), data.y);
        const test = r.status === 'diverged' ? null : testMse(r.params, r.config, d.test);
        const count = (flags: boolean[]) => flags.filter(Boolean).length;
        const initial = initialParams(r.config.seed, o.hidden, o.init);
        const row: RunRow = {
          seed: r.config.seed,
          finalMse: r.status === 'diverged' || !Number.isFinite(mse) ? null : mse,
          deadAtInit: count(deadFlags(initial, r.config, data.x)),
          deadAtEnd: r.status === 'diverged' ? 0 : count(deadFlags(r.params, r.config, data.x)),
          status: r.status,
          ...(o.challenge
            ? {
                solved: score(CHALLENGES[o.challenge], {
                  status: r.status === 'diverged' ? 'diverged' : 'done',
                  mse,
                  hidden: o.hidden,
                }).solved,
              }
            : {}),
          ...(tested ? { testMse: test !== null && Number.isFinite(test) ? test : null } : {}),
        };
        lineMses.push(lineMse);
        runs.push(o.trace ? { ...row, ...traceOf(r.config.seed, o.epochs, data, initial, r.params, r.losses) } : row);
      }
    }
  }
  // With data drawn per seed, each run is judged against its own data's best line.
  const summary = {
    ...summarizeRuns(
      runs.map((r) => ({ ...r, finalMse: r.finalMse ?? Infinity })),
      quantile(lineMses, 0.5),
    ),
    straightLineShare: share(
      lineMses.map((line, i) => (runs[i]!.finalMse ?? Infinity) >= STRAIGHT_LINE_FRACTION * line),
      Boolean,
    ),
    ...(o.challenge ? { solvedShare: share(runs, (r) => r.solved === true) } : {}),
    ...(tested
      ? {
          medianTestMse: quantile(
            runs.map((r) => r.testMse ?? Infinity),
            0.5,
          ),
        }
      : {}),
  };
  if (o.json) {
    const config = {
      ...(o.challenge ? { challenge: o.challenge } : {}),
      activation: o.activation,
      activationParams: o.activationParams,
      hidden: o.hidden,
      seeds: o.seedSpec,
      epochs: o.epochs,
      lr: o.lr,
      batchSize: o.batch,
      init: resolveInit(o.init),
      backend: o.backend,
      ...dataDescription(o, groups),
    };
    // JSON has no Infinity: a p90 over diverged runs is reported as null.
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    const jsonSummary = {
      ...summary,
      medianMse: finite(summary.medianMse),
      p10Mse: finite(summary.p10Mse),
      p90Mse: finite(summary.p90Mse),
      ...(tested ? { medianTestMse: finite(summary.medianTestMse ?? Infinity) } : {}),
    };
    process.stdout.write(JSON.stringify({ config, runs, summary: jsonSummary }) + '\n');
  } else {
    printTable(runs, summary, tested);
    if (o.challenge)
      process.stdout.write(`challenge ${o.challenge}: solved by ${pct(summary.solvedShare ?? 0)} of the runs\n`);
  }
}

/** Run only when executed (`tsx src/cli/experiment.ts`), not when a test imports the parsers. */
const executedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (executedDirectly)
  main().catch((e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`experiment: ${e.message} (npm run experiment -- --help lists the flags)\n`);
      process.exit(2);
    }
    process.stderr.write(`experiment failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
