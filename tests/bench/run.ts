/**
 * `npm run bench [-- --json] [-- --backend cpu|wasm]`: speed of the training engine against the float64
 * reference trainer, measured in one process as medians of repeated runs. Not a test: figures go to the README.
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
const EPOCHS = 300;
const data = seedDataset();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function oracleRun(seed: number): void {
  const p = initialParams(seed, 2);
  referenceTrain({
    activation: 'relu',
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

async function main(): Promise<void> {
  const backend: BackendName = backendArg === 'cpu' || backendArg === 'wasm' ? backendArg : 'wasm';
  await useBackend(backend);
  const log = (s: string) => {
    if (!json) process.stderr.write(s + '\n');
  };

  // Warm both up so that JIT and allocation effects are not billed to the first figure.
  for (let i = 0; i < 20; i++) oracleRun(i);
  engineRun(1, 0);
  const oracleMs = median(Array.from({ length: 60 }, (_, i) => timeMs(() => oracleRun(i))));
  log(`reference (float64, 1 run): ${oracleMs.toFixed(2)} ms`);

  const singleMs = median(Array.from({ length: quick ? 3 : 7 }, (_, i) => timeMs(() => engineRun(1, i))));
  const single = { msPerRun: round(singleMs), ratio: round(singleMs / oracleMs) };
  log(`engine single run (${backend}): ${singleMs.toFixed(1)} ms = ${single.ratio}× reference`);

  const batched = [];
  for (const networks of quick ? [6, 100] : [6, 100, 1000]) {
    const reps = networks >= 1000 ? 3 : 5;
    const ms = median(Array.from({ length: reps }, (_, i) => timeMs(() => engineRun(networks, i * networks))));
    const msPerNetwork = ms / networks;
    batched.push({ networks, msPerNetwork: round(msPerNetwork), ratio: round(msPerNetwork / oracleMs) });
    log(`engine batched S=${networks} (${backend}): ${msPerNetwork.toFixed(2)} ms per network = ${round(msPerNetwork / oracleMs)}× reference`);
  }
  const result = { oracleMsPerRun: round(oracleMs), single, batched, backend };
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
