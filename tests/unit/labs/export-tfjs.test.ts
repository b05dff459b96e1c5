/**
 * The Fit Lab's TensorFlow.js export replays the page's run: the script is written to a scratch folder, run with
 * Node against this repository's @tensorflow/tfjs (as it is, one script after another in two Node processes), and
 * every epoch loss it prints must equal the engine's loss for the same settings within 1 %. The engine trains what the island trains: toTrainConfig(settings) on
 * trainingSetup(settings).data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportedRun, tfjsSnippet } from '../../../src/labs/fit-lab/export/snippets';
import { finalMse, trainingSetup } from '../../../src/labs/fit-lab/view';
import { useBackend } from '../../../src/core/engine/backend';
import { trainNetworks, type BatchRunResult } from '../../../src/core/engine/train';
import { toTrainConfig, type FitLabSettings } from '../../../src/core/settings/fit-lab';
import { scratch, settingsFor, type Scratch } from './export-support';

const TOLERANCE = 0.01;

interface Printed {
  losses: number[];
  finalMse: number;
}

interface Case {
  name: string;
  settings: FitLabSettings;
}

const seedExperiment: Case[] = (
  [
    ['relu-seed0', { activation: 'relu', seed: 0 }],
    ['relu-seed3', { activation: 'relu', seed: 3 }],
    ['sigmoid-seed0', { activation: 'sigmoid', seed: 0 }],
    ['sigmoid-seed11', { activation: 'sigmoid', seed: 11 }],
    ['tanh-seed1', { activation: 'tanh', seed: 1 }],
    ['tanh-seed6', { activation: 'tanh', seed: 6 }],
    ['leaky-seed2', { activation: 'leaky_relu', seed: 2 }],
    ['leaky-seed9-alpha0.05', { activation: 'leaky_relu', seed: 9, activationParams: { alpha: 0.05 } }],
  ] as const
).map(([name, patch]) => ({ name, settings: settingsFor(patch) }));

// Shorter runs: these check each remaining activation's layer code, and other targets, widths and batch sizes.
const variants: Case[] = (
  [
    ['linear', { activation: 'linear', seed: 4 }],
    ['swish', { activation: 'swish', seed: 5, hidden: 3, target: 'sin' }],
    [
      'swish-beta1.5',
      { activation: 'swish', seed: 8, hidden: 4, activationParams: { beta: 1.5 }, target: 'expr:sin(x) + x^2/10' },
    ],
    ['elu', { activation: 'elu', seed: 12, hidden: 3, batch: 25, target: 'abs' }],
    ['gelu', { activation: 'gelu', seed: 13, target: 'square', lr: 0.02 }],
    ['softplus', { activation: 'softplus', seed: 14, hidden: 5, batch: 10, target: 'saw' }],
    ['mish', { activation: 'mish', seed: 2 ** 31 - 1, hidden: 8, batch: 100, target: 'step' }],
    // Custom layers for what tfjs cannot name (step, Gaussian, sine); softsign is tfjs' own 'softsign'.
    ['step', { activation: 'step', seed: 6, hidden: 3 }],
    ['gaussian', { activation: 'gaussian', seed: 7, target: 'sin' }],
    ['sine', { activation: 'sine', seed: 9, hidden: 1 }],
    ['softsign', { activation: 'softsign', seed: 10, batch: 16, target: 'abs' }],
    // tfjs' own PReLU layer (alphaInitializer 'zeros'): its learned slopes must follow the page's.
    ['prelu', { activation: 'prelu', seed: 3, hidden: 3 }],
  ] as const
).map(([name, patch]) => ({ name, settings: settingsFor({ epochs: 100, ...patch }) }));

// Large learning rates drive units into saturation, where gradients are tiny and where ε sits in Adam shows:
// with tf.train.adam (ε on √v̂) instead of Keras' form these runs differ from the page by 3.6 % and 4.5 %.
const saturating: Case[] = (
  [
    ['sigmoid-seed1-lr1', { activation: 'sigmoid', seed: 1, lr: 1 }],
    ['tanh-seed2-lr0.3', { activation: 'tanh', seed: 2, lr: 0.3, epochs: 100 }],
  ] as const
).map(([name, patch]) => ({ name, settings: settingsFor(patch) }));

/**
 * Runs exported scripts one after the other in one Node process, each an ES module imported as `node x.mjs` would
 * run it, and brackets each one's output. A process of its own per script would load tfjs and warm up its code
 * again each time, which took most of the scripts' time.
 */
const RUNNER = `import { pathToFileURL } from 'node:url';
for (const file of process.argv.slice(2)) {
  console.log('<<< ' + file);
  try {
    await import(pathToFileURL(file).href);
    console.log('>>> ' + file + ' done');
  } catch (error) {
    console.log('>>> ' + file + ' failed: ' + String(error?.stack ?? error).replaceAll('\\n', ' | '));
  }
}
`;

const SCRIPT_TIMEOUT_MS = 100_000;
let folder: Scratch;
const children: ChildProcess[] = [];
const printed = new Map<string, Promise<Printed>>();
const engine = new Map<string, BatchRunResult>();

function parse(out: string): Printed {
  const lines = [...out.matchAll(/^epoch (\d+) loss (\S+)$/gm)];
  const mse = /^final MSE (\S+)$/m.exec(out);
  // An epoch printed out of turn counts as a wrong loss.
  return { losses: lines.map((m, i) => (Number(m[1]) === i + 1 ? Number(m[2]) : NaN)), finalMse: Number(mse?.[1]) };
}

/**
 * Run the cases' scripts in one process, in order; each case's promise settles as soon as its script's output is
 * complete (or the process ends without it).
 */
function runScripts(cases: readonly Case[]): void {
  const paths = cases.map((c) => folder.write(`${c.name}.mjs`, tfjsSnippet(c.settings, `${c.name}.mjs`)));
  const settle = new Map<string, { resolve: (p: Printed) => void; reject: (e: Error) => void }>();
  cases.forEach((c, i) => {
    const result = new Promise<Printed>((resolve, reject) => settle.set(paths[i]!, { resolve, reject }));
    result.catch(() => undefined); // awaited (and reported) by the case's test
    printed.set(c.name, result);
  });
  const child = spawn(process.execPath, [folder.write('run-scripts.mjs', RUNNER), ...paths], { cwd: folder.dir });
  children.push(child);
  let stdout = '';
  let stderr = '';
  // A script that hangs ends the process (and fails the scripts after it) instead of holding them until each
  // one's test times out; the scripts print every epoch, far more often than this.
  let hung = false;
  const watchdog = setTimeout(() => ((hung = true), child.kill()), SCRIPT_TIMEOUT_MS);
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    watchdog.refresh();
    for (let end; (end = /^>>> (\S+) (done|failed.*)$/m.exec(stdout));) {
      const [line, path, outcome] = end;
      const begin = stdout.indexOf(`<<< ${path}\n`);
      const own = stdout.slice(begin, end.index);
      if (outcome === 'done') settle.get(path!)?.resolve(parse(own));
      else settle.get(path!)?.reject(new Error(`${path} ${outcome}`));
      settle.delete(path!);
      stdout = stdout.slice(end.index + line.length);
    }
  });
  child.on('close', (code) => {
    clearTimeout(watchdog);
    const why = hung ? `printed nothing for ${SCRIPT_TIMEOUT_MS / 1000} s and was stopped` : `ended (${code}) early`;
    for (const { reject } of settle.values()) reject(new Error(`the scripts' process ${why}:\n${stderr}`));
  });
}

beforeAll(async () => {
  await useBackend('cpu');
  folder = scratch(true);
  // Two processes, one per core, with about the same number of epochs each; they run while the engine trains here.
  const queues: Case[][] = [[], []];
  const epochs = (q: Case[]) => q.reduce((sum, c) => sum + c.settings.epochs, 0);
  for (const c of [...seedExperiment, ...variants, ...saturating].sort((a, b) => b.settings.epochs - a.settings.epochs))
    queues.sort((a, b) => epochs(a) - epochs(b))[0]!.push(c);
  queues.forEach(runScripts);
  // The seed-experiment cases share hidden, lr, epochs and batch: the engine trains them as one batch.
  trainNetworks(
    seedExperiment.map((c) => toTrainConfig(c.settings)),
    trainingSetup(seedExperiment[0]!.settings).data,
  ).forEach((r, i) => engine.set(seedExperiment[i]!.name, r));
  for (const c of [...variants, ...saturating])
    engine.set(c.name, trainNetworks([toTrainConfig(c.settings)], trainingSetup(c.settings).data)[0]!);
}, 120_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  folder?.remove();
});

/** Largest |script − engine| / engine over the epochs (the site's losses are positive). */
function maxRelativeGap(script: readonly number[], reference: readonly number[]): number {
  return Math.max(...reference.map((l, i) => Math.abs(script[i]! - l) / Math.abs(l)));
}

const measured: Array<{ name: string; gap: number }> = [];
afterAll(() => {
  if (measured.length === 0) return;
  const worst = measured.reduce((a, b) => (b.gap > a.gap ? b : a));
  console.log(
    `export-tfjs: largest relative epoch-loss gap ${worst.gap.toExponential(2)} (${worst.name}) over ${measured.length} runs`,
  );
});

async function expectReplay(c: Case): Promise<void> {
  const setup = trainingSetup(c.settings);
  // The script carries the island's data.
  expect(exportedRun(c.settings).data).toEqual(setup.data);
  const reference = engine.get(c.name)!;
  expect(reference.status).toBe('done');
  const script = await printed.get(c.name)!;
  expect(script.losses).toHaveLength(c.settings.epochs);
  const gap = maxRelativeGap(script.losses, reference.losses);
  measured.push({ name: c.name, gap });
  expect(gap).toBeLessThan(TOLERANCE);
  const mse = finalMse(reference.params, c.settings, setup.data);
  expect(Math.abs(script.finalMse - mse) / mse).toBeLessThan(TOLERANCE);
}

describe('the TensorFlow.js export replays the page run', () => {
  it.each(seedExperiment.map((c) => [c.name, c] as const))('seed experiment, 300 epochs: %s', (_, c) =>
    expectReplay(c),
  );
  it.each(variants.map((c) => [c.name, c] as const))('100 epochs: %s', (_, c) => expectReplay(c));
  it.each(saturating.map((c) => [c.name, c] as const))('Keras’ Adam, not the paper’s: %s', (_, c) => expectReplay(c));
});
