/**
 * `npm run bench [-- --json] [-- --backend cpu|wasm] [-- --wall]`: speed of the training engine against the
 * float64 reference trainer, measured in one process as medians of repeated runs. Not a test: figures go to the
 * README.
 *
 * Times are the process's CPU time (user + system) by default, not wall time: the machines this runs on are
 * shared, and wall time there mostly measures the neighbours' load. `--wall` measures wall time instead.
 * The reference trains the same networks as the engine (same seeds and activations: the batches mix ReLU and
 * sigmoid), so each ratio compares the same work; `ratioToReluReference` keeps the older yardstick, a ReLU-only
 * reference, for comparison with earlier figures.
 */
import { seedDataset } from '../../src/lib/dataset';
import { useBackend, type BackendName } from '../../src/lib/engine/backend';
import { BatchTrainer } from '../../src/lib/engine/batch-trainer';
import { epochPermutations, initialParams } from '../../src/lib/random';
import type { TrainConfig } from '../../src/lib/train-types';
import { referenceTrain } from '../reference/reference-trainer';

const args = process.argv.slice(2);
const json = args.includes('--json');
const backendArg = args[args.indexOf('--backend') + 1];
const quick = args.includes('--quick');
const wall = args.includes('--wall');
const EPOCHS = 300;
const data = seedDataset();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function nowMs(): number {
  if (wall) return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeMs(fn: () => void): number {
  const t0 = nowMs();
  fn();
  return nowMs() - t0;
}

function oracleRun(seed: number, activation: 'relu' | 'sigmoid' = 'relu'): void {
  const p = initialParams(seed, 2);
  referenceTrain({
    activation,
    lr: 0.04,
    batchSize: 32,
    x: data.x,
    y: data.y,
    initial: { w: p.w1, b: p.b1, v: p.w2, c: p.b2 },
    permutations: epochPermutations(seed, data.x.length, EPOCHS),
  });
}

function configs(count: number, offset = 0): TrainConfig[] {
  return Array.from({ length: count }, (_, i) => ({
    activation: i % 2 ? 'sigmoid' : 'relu',
    activationParams: {},
    hidden: 2,
    lr: 0.04,
    epochs: EPOCHS,
    batchSize: 32,
    seed: offset + i,
  }));
}

function engineRun(count: number, offset: number): void {
  const trainer = new BatchTrainer({ configs: configs(count, offset), data });
  try {
    trainer.runEpochs(EPOCHS);
    trainer.read();
  } finally {
    trainer.dispose();
  }
}

/** Mean ms per run of the reference on `runs` networks shaped like the engine's batch of `networks`. */
function oracleMs(networks: number, firstSeed: number, sameMix: boolean): number {
  const runs = 10;
  const mix = configs(networks, firstSeed);
  return timeMs(() => {
    for (let i = 0; i < runs; i++) {
      const c = mix[i % networks]!;
      oracleRun(c.seed, sameMix ? (c.activation as 'relu' | 'sigmoid') : 'relu');
    }
  }) / runs;
}

/**
 * Engine and reference alternate within each round, so both see the same machine load (the machines are
 * shared); each ratio is the median over rounds of (engine ms per network) / (reference ms per run).
 */
function measure(networks: number, rounds: number, oracleTimes: number[]): { msPerNetwork: number; ratio: number; ratioToReluReference: number } {
  const perNetwork: number[] = [];
  const ratios: number[] = [];
  const reluRatios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const engineMs = timeMs(() => engineRun(networks, r * networks)) / networks;
    const reluMs = oracleMs(networks, r * networks, false);
    const sameMs = networks === 1 ? reluMs : oracleMs(networks, r * networks, true);
    oracleTimes.push(reluMs);
    perNetwork.push(engineMs);
    ratios.push(engineMs / sameMs);
    reluRatios.push(engineMs / reluMs);
  }
  return { msPerNetwork: round(median(perNetwork)), ratio: round(median(ratios)), ratioToReluReference: round(median(reluRatios)) };
}

async function main(): Promise<void> {
  const backend: BackendName = backendArg === 'cpu' || backendArg === 'wasm' ? backendArg : 'wasm';
  await useBackend(backend);
  const log = (s: string) => {
    if (!json) process.stderr.write(s + '\n');
  };

  // Warm both up so that JIT and allocation effects are not billed to the first figure.
  for (let i = 0; i < 30; i++) oracleRun(i, i % 2 ? 'sigmoid' : 'relu');
  engineRun(1, 0);
  engineRun(6, 0);
  const oracleTimes: number[] = [];

  const single = (() => {
    const m = measure(1, quick ? 5 : 11, oracleTimes);
    return { msPerRun: m.msPerNetwork, ratio: m.ratio };
  })();
  log(`timing: ${wall ? 'wall clock' : 'process CPU time'}`);
  log(`engine single run (${backend}, ReLU): ${single.msPerRun} ms = ${single.ratio}× reference`);

  const batched = [];
  for (const networks of quick ? [6, 100] : [6, 100, 1000]) {
    const m = measure(networks, networks >= 1000 ? 3 : 5, oracleTimes);
    batched.push({ networks, ...m });
    log(`engine batched S=${networks} (${backend}, ReLU + sigmoid): ${m.msPerNetwork} ms per network = ${m.ratio}× reference (${m.ratioToReluReference}× a ReLU-only reference)`);
  }
  const oracleMedian = median(oracleTimes);
  log(`reference (float64, 1 ReLU run, median of all rounds): ${oracleMedian.toFixed(2)} ms`);
  const result = { oracleMsPerRun: round(oracleMedian), single, batched, backend, timer: wall ? 'wall' : 'cpu' };
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
