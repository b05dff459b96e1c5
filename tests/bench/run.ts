/**
 * `npm run bench [-- --json] [-- --backend cpu|wasm] [-- --quick] [-- --wall]`: speed of the training engine
 * against two yardsticks, measured in one process as medians of repeated runs. Not a test: figures go to the
 * README.
 *
 * - The float64 reference trainer (tests/reference/, plain loops): `ratio` = engine ÷ reference. It trains the
 *   same networks as the engine (same seeds and activations: the batches mix ReLU and sigmoid), so each ratio
 *   compares the same work; `ratioToReluReference` keeps the older yardstick, a ReLU-only reference.
 * - What a TF.js user would write (layers.ts: tf.layers, Adam, trainOnBatch, on the same backend, from the same
 *   weights in the same order): `vsLayers` = tf.layers ÷ engine, per network. A batched engine entry is compared
 *   with training its networks one tf.layers model at a time; each round trains one of them (the round's turn in
 *   the batch's ReLU/sigmoid mix). The deep entry is the deep demo's stack (src/labs/deep/settings.ts), alone and as the
 *   demo runs it: its default activations side by side, against one tf.layers model per activation.
 *
 * - Gradients: the engine's hand-derived backpropagation against tf.variableGrads (autodiff.ts) on the same ReLU
 *   networks with the same Adam, which is why the engine derives its gradients by hand.
 *
 * Times are the process's CPU time (user + system) by default, not wall time: the machines this runs on are
 * shared, and wall time there mostly measures the neighbours' load. `--wall` measures wall time instead.
 * `--quick` is a smoke run (< 1 min): fewer rounds, no S = 1000, and a quarter of the deep demo's epochs.
 */
import type { HiddenActivationId } from '../../src/core/activations/types';
import { seedDataset } from '../../src/core/data/dataset';
import { deepInitialParams } from '../../src/core/train/deep-init';
import { DEEP_DEFAULTS, deepDataset, toDeepConfig } from '../../src/labs/deep/settings';
import type { DeepConfig } from '../../src/core/train/deep-types';
import { useBackend, type BackendName } from '../../src/core/engine/backend';
import { ShallowTrainer } from '../../src/core/engine/shallow-trainer';
import { DeepTrainer } from '../../src/core/engine/deep-trainer';
import { epochPermutations, initialParams } from '../../src/core/train/random';
import type { TrainConfig } from '../../src/core/train/types';
import { referenceTrain } from '../reference/reference-trainer';
import { autodiffTrain } from './autodiff';
import { asLayers, layersBackend, layersMemory, layersTrain } from './layers';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const wall = args.includes('--wall');
const backendIndex = args.indexOf('--backend');
const backendArg = backendIndex >= 0 ? args[backendIndex + 1] : 'wasm';
const EPOCHS = 300;
const LR = 0.04;
const BATCH = 32;
const DEEP_EPOCHS = quick ? DEEP_DEFAULTS.epochs / 4 : DEEP_DEFAULTS.epochs;
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

/** Time an async run; resolves to [ms, the run's result]. */
async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = nowMs();
  const out = await fn();
  return [nowMs() - t0, out];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function oracleRun(seed: number, activation: 'relu' | 'sigmoid' = 'relu'): void {
  const p = initialParams(seed, 2);
  referenceTrain({
    activation,
    lr: LR,
    batchSize: BATCH,
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
    lr: LR,
    epochs: EPOCHS,
    batchSize: BATCH,
    seed: offset + i,
  }));
}

/** Train a batch to the end; returns the first network's last epoch loss. */
function engineRun(count: number, offset: number, epochs = EPOCHS): number {
  const trainer = new ShallowTrainer({ configs: configs(count, offset), data });
  try {
    trainer.runEpochs(epochs);
    return trainer.read().networks[0]!.losses.at(-1) ?? NaN;
  } finally {
    trainer.dispose();
  }
}

/** The one-hidden-layer network `c` trained with tf.layers; resolves to [ms, last epoch loss]. */
function layersRun(c: TrainConfig, epochs = EPOCHS): Promise<[number, number]> {
  const run = {
    initial: asLayers(initialParams(c.seed, c.hidden)),
    activation: c.activation,
    lr: c.lr,
    epochs,
    batchSize: c.batchSize,
    seed: c.seed,
    data,
  };
  return timeAsync(() => layersTrain(run));
}

/** Mean ms per run of the reference on `runs` networks shaped like the engine's batch of `networks`. */
function oracleMs(networks: number, firstSeed: number, sameMix: boolean): number {
  const runs = 10;
  const mix = configs(networks, firstSeed);
  return (
    timeMs(() => {
      for (let i = 0; i < runs; i++) {
        const c = mix[i % networks]!;
        oracleRun(c.seed, sameMix ? (c.activation as 'relu' | 'sigmoid') : 'relu');
      }
    }) / runs
  );
}

interface Measured {
  msPerNetwork: number;
  ratio: number;
  ratioToReluReference: number;
  layersMsPerRun: number;
  vsLayers: number;
  /** Round 0's last epoch loss of network 0 (seed 0, ReLU), by the engine and by tf.layers (a sanity check). */
  loss: { engine: number; layers: number };
}

/**
 * Engine, reference and tf.layers alternate within each round, so all see the same machine load (the machines
 * are shared); each ratio is the median over rounds of that round's ratio. A round's tf.layers run trains the
 * network of the engine's batch whose turn it is (round r: network r mod S), so the batches' ReLU/sigmoid mix
 * reaches the tf.layers figure too; its ReLU runs also go to `layersReluTimes`.
 */
async function measure(
  networks: number,
  rounds: number,
  oracleTimes: number[],
  layersReluTimes: number[],
): Promise<Measured> {
  const perNetwork: number[] = [];
  const ratios: number[] = [];
  const reluRatios: number[] = [];
  const layersTimes: number[] = [];
  const vsLayers: number[] = [];
  const loss = { engine: NaN, layers: NaN };
  for (let r = 0; r < rounds; r++) {
    const offset = r * networks;
    const turn = r % networks;
    let engineLoss = NaN;
    const engineMs = timeMs(() => (engineLoss = engineRun(networks, offset))) / networks;
    const reluMs = oracleMs(networks, offset, false);
    const sameMs = networks === 1 ? reluMs : oracleMs(networks, offset, true);
    const c = configs(networks, offset)[turn]!;
    const [layersMs, layersLoss] = await layersRun(c);
    // Round 0's turn is network 0, the one engineRun reports.
    if (r === 0) Object.assign(loss, { engine: engineLoss, layers: layersLoss });
    oracleTimes.push(reluMs);
    if (c.activation === 'relu') layersReluTimes.push(layersMs);
    perNetwork.push(engineMs);
    layersTimes.push(layersMs);
    ratios.push(engineMs / sameMs);
    reluRatios.push(engineMs / reluMs);
    vsLayers.push(layersMs / engineMs);
  }
  return {
    msPerNetwork: round(median(perNetwork)),
    ratio: round(median(ratios)),
    ratioToReluReference: round(median(reluRatios)),
    layersMsPerRun: round(median(layersTimes)),
    vsLayers: round(median(vsLayers)),
    loss,
  };
}

function deepConfig(activations: readonly HiddenActivationId[], epochs: number): DeepConfig {
  return toDeepConfig({ ...DEEP_DEFAULTS, activations: [...activations], epochs });
}

/** Train the deep batch to the end; returns each network's last epoch loss. */
function deepEngineRun(config: DeepConfig): number[] {
  const trainer = new DeepTrainer({ config, data: deepDataset() });
  try {
    trainer.runEpochs(config.epochs);
    return trainer.read().networks.map((n) => n.loss);
  } finally {
    trainer.dispose();
  }
}

function deepLayersRun(config: DeepConfig, activation: HiddenActivationId): Promise<[number, number]> {
  const run = {
    initial: deepInitialParams(config.seed, config.layers, config.width),
    activation,
    lr: config.lr,
    epochs: config.epochs,
    batchSize: config.batchSize,
    seed: config.seed,
    data: deepDataset(),
  };
  return timeAsync(() => layersTrain(run));
}

interface DeepMeasured {
  msPerNetwork: number;
  layersMsPerRun: number;
  vsLayers: number;
  losses: { activation: HiddenActivationId; engine: number; layers: number }[];
}

/** The deep stack with these activations side by side in one DeepTrainer, against one tf.layers model each. */
async function measureDeep(activations: readonly HiddenActivationId[], rounds: number): Promise<DeepMeasured> {
  const config = deepConfig(activations, DEEP_EPOCHS);
  const S = activations.length;
  const perNetwork: number[] = [];
  const layersPerRun: number[] = [];
  const ratios: number[] = [];
  let engineLosses: number[] = [];
  const layersLosses: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let losses: number[] = [];
    const engineMs = timeMs(() => (losses = deepEngineRun(config))) / S;
    if (r === 0) engineLosses = losses;
    let layersMs = 0;
    for (const activation of activations) {
      const [ms, loss] = await deepLayersRun(config, activation);
      layersMs += ms;
      if (r === 0) layersLosses.push(loss);
    }
    layersMs /= S;
    perNetwork.push(engineMs);
    layersPerRun.push(layersMs);
    ratios.push(layersMs / engineMs);
  }
  return {
    msPerNetwork: round(median(perNetwork)),
    layersMsPerRun: round(median(layersPerRun)),
    vsLayers: round(median(ratios)),
    losses: activations.map((activation, i) => ({ activation, engine: engineLosses[i]!, layers: layersLosses[i]! })),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  const line = (r: string[]) =>
    r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
const fmtX = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + '×';
const fmtLoss = (x: number) => x.toPrecision(3);

async function main(): Promise<void> {
  if (backendArg !== 'cpu' && backendArg !== 'wasm')
    throw new Error(`--backend takes cpu or wasm, not ${backendArg ?? '(nothing)'}`);
  const backend: BackendName = backendArg;
  await useBackend(backend);
  if (layersBackend() !== backend)
    throw new Error(`tf.layers runs on ${layersBackend()}, the engine on ${backend}: they do not share one tfjs-core`);
  const progress = (s: string) => {
    if (!json) process.stderr.write(s + '\n');
  };
  const tensorsAtStart = layersMemory().numTensors;

  // Warm everything up so that JIT and allocation effects are not billed to the first figure.
  progress(`warming up (${backend})…`);
  for (let i = 0; i < 30; i++) oracleRun(i, i % 2 ? 'sigmoid' : 'relu');
  engineRun(1, 0);
  engineRun(6, 0);
  for (const c of configs(2)) await layersRun(c, 20);
  const deepActivations = [...DEEP_DEFAULTS.activations];
  const deepSingle = deepActivations[0]!;
  deepEngineRun(deepConfig(deepActivations, 5));
  for (const a of deepActivations) await deepLayersRun(deepConfig([a], 5), a);

  const oracleTimes: number[] = [];
  const layersReluTimes: number[] = [];
  progress('single run…');
  const s = await measure(1, quick ? 3 : 11, oracleTimes, layersReluTimes);
  const single = { msPerRun: s.msPerNetwork, ratio: s.ratio, vsLayers: s.vsLayers };

  const batched: (Omit<Measured, 'loss'> & { networks: number })[] = [];
  for (const networks of quick ? [6, 100] : [6, 100, 1000]) {
    progress(`batched S = ${networks}…`);
    const m = await measure(
      networks,
      quick ? (networks >= 100 ? 2 : 3) : networks >= 1000 ? 3 : 5,
      oracleTimes,
      layersReluTimes,
    );
    const { loss: _loss, ...figures } = m;
    batched.push({ networks, ...figures });
  }

  progress(`deep ${DEEP_DEFAULTS.layers}×${DEEP_DEFAULTS.width}, one ${deepSingle} network…`);
  const d1 = await measureDeep([deepSingle], quick ? 3 : 5);
  progress(`deep ${DEEP_DEFAULTS.layers}×${DEEP_DEFAULTS.width}, ${deepActivations.join(' + ')} side by side…`);
  const dS = await measureDeep(deepActivations, quick ? 1 : 3);
  const deep = {
    layers: DEEP_DEFAULTS.layers,
    width: DEEP_DEFAULTS.width,
    epochs: DEEP_EPOCHS,
    lr: DEEP_DEFAULTS.lr,
    activation: deepSingle,
    msPerRun: d1.msPerNetwork,
    layersMsPerRun: d1.layersMsPerRun,
    vsLayers: d1.vsLayers,
    batched: {
      activations: deepActivations,
      msPerNetwork: dS.msPerNetwork,
      layersMsPerRun: dS.layersMsPerRun,
      vsLayers: dS.vsLayers,
    },
  };

  // Hand-derived gradients (the engine) against tf.variableGrads on the same ReLU networks, same start and order.
  progress('gradients: hand-derived against tf.variableGrads…');
  const gradients = [];
  for (const networks of quick ? [1, 100] : [1, 100, 1000]) {
    const epochs = networks >= 100 ? EPOCHS / 10 : EPOCHS;
    const reluConfigs = configs(2 * networks).filter((c) => c.activation === 'relu');
    const hand: number[] = [];
    const auto: number[] = [];
    for (let r = 0; r < (quick ? 2 : 3); r++) {
      hand.push(
        timeMs(() => {
          const trainer = new ShallowTrainer({ configs: reluConfigs, data });
          trainer.runEpochs(epochs);
          trainer.read();
          trainer.dispose();
        }),
      );
      auto.push(timeMs(() => autodiffTrain(reluConfigs, data, epochs)));
    }
    gradients.push({
      networks,
      epochs,
      handMs: round(median(hand)),
      autodiffMs: round(median(auto)),
      autodiffOverHand: round(median(auto) / median(hand)),
    });
  }

  const oracleMsPerRun = round(median(oracleTimes));
  const layersMsPerRun = round(median(layersReluTimes));
  const leaked = layersMemory().numTensors - tensorsAtStart;
  if (leaked !== 0) process.stderr.write(`warning: ${leaked} tensors more at the end than at the start\n`);
  const check = { single: s.loss, deep: [...d1.losses, ...dS.losses] };
  const result = {
    oracleMsPerRun,
    layersMsPerRun,
    single,
    batched,
    deep,
    gradients,
    epochs: EPOCHS,
    backend,
    timer: wall ? 'wall' : 'cpu',
    check,
  };
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }

  const deepName = `deep ${deep.layers}×${deep.width}, ${deep.epochs} epochs`;
  const rows = [
    ['workload', 'engine', '× reference', '× ReLU-only ref.', 'tf.layers', 'tf.layers ÷ engine'],
    [
      `single run (ReLU, ${EPOCHS} epochs)`,
      fmtMs(single.msPerRun),
      fmtX(single.ratio),
      fmtX(single.ratio),
      fmtMs(s.layersMsPerRun),
      fmtX(single.vsLayers),
    ],
    ...batched.map((b) => [
      `batched S = ${b.networks} (ReLU + sigmoid), per network`,
      fmtMs(b.msPerNetwork),
      fmtX(b.ratio),
      fmtX(b.ratioToReluReference),
      fmtMs(b.layersMsPerRun),
      fmtX(b.vsLayers),
    ]),
    [
      `${deepName}, one ${deepSingle} network`,
      fmtMs(deep.msPerRun),
      '',
      '',
      fmtMs(deep.layersMsPerRun),
      fmtX(deep.vsLayers),
    ],
    [
      `${deepName}, ${deepActivations.join(' + ')}, per network`,
      fmtMs(deep.batched.msPerNetwork),
      '',
      '',
      fmtMs(deep.batched.layersMsPerRun),
      fmtX(deep.batched.vsLayers),
    ],
  ];
  const losses = [
    ['last epoch loss', 'engine', 'tf.layers'],
    ['single run (seed 0, relu)', fmtLoss(s.loss.engine), fmtLoss(s.loss.layers)],
    ...check.deep.map((l, i) => [
      `deep, ${l.activation}${i === 0 ? ' alone' : ''}`,
      fmtLoss(l.engine),
      fmtLoss(l.layers),
    ]),
  ];
  const out = [
    `backend ${backend}, ${wall ? 'wall-clock' : 'process CPU'} time, medians over rounds${quick ? ' (--quick)' : ''}`,
    '',
    table(rows),
    '',
    `reference (float64, one ${EPOCHS}-epoch ReLU run): ${fmtMs(oracleMsPerRun)}; tf.layers (same run): ${fmtMs(layersMsPerRun)}`,
    '',
    "Gradients (ReLU networks): the engine's hand-derived backpropagation against tf.variableGrads, same Adam",
    table([
      ['networks', 'epochs', 'hand-derived', 'tf.variableGrads', 'ratio'],
      ...gradients.map((g) => [
        String(g.networks),
        String(g.epochs),
        fmtMs(g.handMs),
        fmtMs(g.autodiffMs),
        fmtX(g.autodiffOverHand),
      ]),
    ]),
    '',
    "Same start, same order: the losses should be close (float32 against float32; tf.layers puts Adam's ε outside the bias correction).",
    table(losses),
  ];
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
