/**
 * `npm run experiment -- --activation relu --hidden 2 --seeds 0-199 [--epochs 300 --lr 0.04 --batch 32 --json]`
 *   [--init glorot|he|zeros --bias 0.1]: kernel scheme and hidden-bias start (default Keras': glorot, 0)
 *   [--trace] (with --json): each run also carries its initial and final weights, the order it visited the points
 *   in each epoch and its epoch losses, enough to replay it in any other trainer
 *
 * Trains one network per seed on the seed experiment (y = cos x + 1, 100 points of [0, 2π]) as batches in Node,
 * then prints a table and a summary (or one JSON object with --json). Numbers are read by the settings' strict
 * parser within the site's ranges. Bad arguments exit with status 2.
 */
import { pathToFileURL } from 'node:url';
import { ACTIVATIONS, isHiddenActivationId } from '../core/activations/registry';
import { HIDDEN_ACTIVATION_IDS, type ActivationParams } from '../core/activations/types';
import { deadFlags, leastSquaresLineMse, meanSquaredError, predictAll, summarizeRuns, type RunsSummary } from '../core/analysis/network';
import { seedDataset } from '../core/data/dataset';
import { useBackend, type BackendName } from '../core/engine/backend';
import { MAX_HIDDEN, MIN_HIDDEN } from '../core/engine/params';
import { trainBatch } from '../core/engine/train';
import { HIDDEN_BIAS_RANGE, kernelFromShortName, resolveInit, type InitSpec } from '../core/train/init-schemes';
import { initialParams, ShuffleStream } from '../core/train/random';
import { parseStrictNumber, RANGES } from '../core/settings/fit-lab';
import type { Dataset, NetworkParams, TrainConfig } from '../core/train/types';

export class UsageError extends Error {}

interface Options {
  activation: TrainConfig['activation'];
  activationParams: ActivationParams;
  hidden: number;
  seeds: number[];
  seedSpec: string;
  epochs: number;
  lr: number;
  batch: number;
  json: boolean;
  /** With --json: per-run weights, visiting orders and losses (see the header). */
  trace: boolean;
  backend: BackendName;
  /** Absent unless --init or --bias was given, so the default run's configs are exactly as before. */
  init?: InitSpec;
}

const USAGE = 'usage: npm run experiment -- --activation relu --hidden 2 --seeds 0-199 [--epochs 300 --lr 0.04 --batch 32 --alpha A --beta B --init glorot|he|zeros --bias B --backend wasm|cpu --json [--trace]]';
/** Networks per tensor program: big enough to amortise kernel launches, small enough for memory. */
const BATCH_OF_NETWORKS = 1000;
const MAX_SEEDS = 100_000;
/** --trace prints seeds × epochs permutations of the points: this many at most (about 30 MB of JSON at 100 points). */
export const MAX_TRACED_EPOCHS = 100_000;

type NumberRange = Parameters<typeof parseStrictNumber>[1];

/**
 * The site's ranges (settings.ts), except hidden: the engine's 1–32, which the universal lab offers (the Fit Lab's
 * 1–8 is what fits on its cards).
 */
export const CLI_RANGES = {
  hidden: { min: MIN_HIDDEN, max: MAX_HIDDEN, integer: true, minInclusive: true },
  epochs: RANGES.epochs,
  lr: RANGES.lr,
  batch: RANGES.batch,
  seed: RANGES.seed,
} as const satisfies Record<string, NumberRange>;

const describeRange = (r: NumberRange) => `${r.minInclusive ? 'from' : 'above'} ${r.min} ${r.minInclusive ? 'to' : 'and at most'} ${r.max}`;

/**
 * One numeric flag through the settings' strict parser (no hex, no Infinity, no blanks). Whole-number flags take
 * digits only: `--epochs 1e3` is more likely a slip than a wish for exponent notation.
 */
function parseNumber(name: string, raw: string, range: NumberRange): number {
  if (range.integer && !/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number written in digits, got "${raw}"`);
  const parsed = parseStrictNumber(raw, range);
  if (parsed.ok) return parsed.value;
  if (parsed.reason === 'notANumber') throw new UsageError(`--${name} must be a plain decimal number (no hex, no Infinity), got "${raw}"`);
  throw new UsageError(`--${name} must be ${range.integer ? 'a whole number' : 'a number'} ${describeRange(range)}, got "${raw}"`);
}

/** --bias: a plain decimal in HIDDEN_BIAS_RANGE (the settings' strict parser: no hex, no Infinity, no blanks). */
function parseBias(raw: string): number {
  return parseNumber('bias', raw, { ...HIDDEN_BIAS_RANGE, integer: false, minInclusive: true });
}

/** "0-199", "7" or "1,5,9" (ranges and single seeds may be mixed: "0-9,42"). */
export function parseSeeds(spec: string): number[] {
  const seeds: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new UsageError(`--seeds must look like 0-199, 7 or 1,5,9; got "${spec}"`);
    const from = parseNumber('seeds', m[1]!, CLI_RANGES.seed);
    const to = m[2] === undefined ? from : parseNumber('seeds', m[2], CLI_RANGES.seed);
    if (to < from) throw new UsageError(`--seeds range ${part} runs backwards (start > end)`);
    if (to - from + 1 + seeds.length > MAX_SEEDS) throw new UsageError(`--seeds may name at most ${MAX_SEEDS} seeds`);
    for (let s = from; s <= to; s++) seeds.push(s);
  }
  return seeds;
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    activation: 'relu',
    activationParams: {},
    hidden: 2,
    seeds: parseSeeds('0-99'),
    seedSpec: '0-99',
    epochs: 300,
    lr: 0.04,
    batch: 32,
    json: false,
    trace: false,
    backend: 'wasm',
  };
  /** --alpha and --beta as given, checked once the activation is known (flags come in any order). */
  const paramText: Partial<Record<'alpha' | 'beta', string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json' || flag === '--trace') {
      o[flag === '--json' ? 'json' : 'trace'] = true;
      continue;
    }
    const value = argv[i + 1];
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${flag}"`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    i++;
    switch (flag) {
      case '--activation':
        if (!isHiddenActivationId(value)) throw new UsageError(`unknown activation "${value}" (one of ${HIDDEN_ACTIVATION_IDS.join(', ')})`);
        o.activation = value;
        break;
      case '--hidden':
        o.hidden = parseNumber('hidden', value, CLI_RANGES.hidden);
        break;
      case '--seeds':
        o.seeds = parseSeeds(value);
        o.seedSpec = value;
        break;
      case '--epochs':
        o.epochs = parseNumber('epochs', value, CLI_RANGES.epochs);
        break;
      case '--lr':
        o.lr = parseNumber('lr', value, CLI_RANGES.lr);
        break;
      case '--batch':
        o.batch = parseNumber('batch', value, CLI_RANGES.batch);
        break;
      case '--alpha':
      case '--beta':
        paramText[flag.slice(2) as 'alpha' | 'beta'] = value;
        break;
      case '--init': {
        const kernel = kernelFromShortName(value);
        if (!kernel) throw new UsageError(`--init must be glorot, he or zeros, got "${value}"`);
        o.init = { ...resolveInit(o.init), kernel };
        break;
      }
      case '--bias':
        o.init = { ...resolveInit(o.init), hiddenBias: parseBias(value) };
        break;
      case '--backend':
        if (value !== 'wasm' && value !== 'cpu') throw new UsageError(`--backend must be wasm or cpu, got "${value}"`);
        o.backend = value;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  // As in the settings: a parameter only for an activation that has it, within the registry's range for it.
  for (const name of ['alpha', 'beta'] as const) {
    const text = paramText[name];
    if (text === undefined) continue;
    const spec = ACTIVATIONS[o.activation].params.find((p) => p.name === name);
    if (!spec) throw new UsageError(`--${name} does not apply to ${o.activation}`);
    o.activationParams[name] = parseNumber(name, text, { min: spec.min, max: spec.max, integer: false, minInclusive: true });
  }
  if (o.trace && !o.json) throw new UsageError('--trace prints per-epoch data and needs --json');
  if (o.trace && o.seeds.length * o.epochs > MAX_TRACED_EPOCHS) {
    throw new UsageError(`--trace prints one permutation per seed and epoch: at most ${MAX_TRACED_EPOCHS} (seeds × epochs), got ${o.seeds.length * o.epochs}`);
  }
  return o;
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

function printTable(runs: { seed: number; finalMse: number | null; deadAtInit: number; deadAtEnd: number }[], s: RunsSummary): void {
  const lines = ['  seed   final MSE   dead@init   dead@end'];
  for (const r of runs) {
    lines.push(`${String(r.seed).padStart(6)}  ${fmt(r.finalMse).padStart(10)}  ${String(r.deadAtInit).padStart(10)}  ${String(r.deadAtEnd).padStart(9)}`);
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
  finalMse: number | null;
  deadAtInit: number;
  deadAtEnd: number;
  status: string;
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
function traceOf(seed: number, epochs: number, data: Dataset, initial: NetworkParams, final: NetworkParams, losses: number[]): RunTrace {
  const shuffles = new ShuffleStream(seed, data.x.length);
  const orders = Array.from({ length: epochs }, () => Array.from(shuffles.next()));
  return { initial, final, orders, losses };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  await useBackend(o.backend);
  const data = seedDataset();
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
  const total = configs.length * o.epochs;
  let before = 0;
  const runs: (RunRow & Partial<RunTrace>)[] = [];
  for (let start = 0; start < configs.length; start += BATCH_OF_NETWORKS) {
    const chunk = configs.slice(start, start + BATCH_OF_NETWORKS);
    const results = trainBatch(chunk, data, {
      onProgress: (epochs) => progressBar((before + epochs * chunk.length) / total),
    });
    before += chunk.length * o.epochs;
    for (const r of results) {
      const mse = meanSquaredError(predictAll(r.params, r.config, data.x), data.y);
      const count = (flags: boolean[]) => flags.filter(Boolean).length;
      const initial = initialParams(r.config.seed, o.hidden, o.init);
      const row: RunRow = {
        seed: r.config.seed,
        finalMse: r.status === 'diverged' || !Number.isFinite(mse) ? null : mse,
        deadAtInit: count(deadFlags(initial, r.config, data.x)),
        deadAtEnd: r.status === 'diverged' ? 0 : count(deadFlags(r.params, r.config, data.x)),
        status: r.status,
      };
      runs.push(o.trace ? { ...row, ...traceOf(r.config.seed, o.epochs, data, initial, r.params, r.losses) } : row);
    }
  }
  const summary = summarizeRuns(
    runs.map((r) => ({ ...r, finalMse: r.finalMse ?? Infinity })),
    leastSquaresLineMse(data),
  );
  if (o.json) {
    const config = { activation: o.activation, activationParams: o.activationParams, hidden: o.hidden, seeds: o.seedSpec, epochs: o.epochs, lr: o.lr, batchSize: o.batch, init: resolveInit(o.init), backend: o.backend, points: data.x.length, target: 'cos(x) + 1 on [0, 2π]' };
    // JSON has no Infinity: a p90 over diverged runs is reported as null.
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    const jsonSummary = { ...summary, medianMse: finite(summary.medianMse), p10Mse: finite(summary.p10Mse), p90Mse: finite(summary.p90Mse) };
    process.stdout.write(JSON.stringify({ config, runs, summary: jsonSummary }) + '\n');
  } else {
    printTable(runs, summary);
  }
}

/** Run only when executed (`tsx src/cli/experiment.ts`), not when a test imports the parsers. */
const executedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (executedDirectly) main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`experiment: ${e.message} (${USAGE.replace('usage: ', 'usage: ')})\n`);
    process.exit(2);
  }
  process.stderr.write(`experiment failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
