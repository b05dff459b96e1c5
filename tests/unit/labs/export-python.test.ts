/**
 * The Fit Lab's Keras export, checked without Keras: `python3 SCRIPT --dry-run` runs the script's own port of the
 * seeded shuffle and prints what it would train from, which must be the page's initial weights
 * (initialParams(seed, H)), the island's data and the first epochs' orders (ShuffleStream(seed, N).next() ×3).
 * The dry run runs with NumPy and Keras made unimportable, so it needs neither; every exported script must also
 * compile as Python.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kerasSnippet } from '../../../src/labs/fit-lab/export/snippets';
import { trainingSetup } from '../../../src/labs/fit-lab/view';
import { HIDDEN_ACTIVATION_IDS } from '../../../src/core/activations/types';
import { DRY_RUN_EPOCHS } from '../../../src/labs/fit-lab/export/export-scripts';
import { initialParams, ShuffleStream } from '../../../src/core/train/random';
import type { FitLabSettings } from '../../../src/core/settings/fit-lab';
import { run, scratch, settingsFor, type Scratch } from './export-support';

let folder: Scratch;
let poisoned: string;
beforeAll(() => {
  folder = scratch(false);
  // Found before any installed package: importing either fails the dry run.
  folder.write('numpy.py', 'raise ImportError("the dry run must not import numpy")\n');
  folder.write('keras.py', 'raise ImportError("the dry run must not import keras")\n');
  poisoned = folder.dir;
});
afterAll(() => folder?.remove());

async function dryRun(s: FitLabSettings, name: string): Promise<unknown[]> {
  const path = folder.write(name, kerasSnippet(s, name));
  const out = await run('python3', [path, '--dry-run'], {
    cwd: folder.dir,
    env: { ...process.env, PYTHONPATH: poisoned },
  });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

const f32 = (values: readonly number[]) => values.map((v) => Math.fround(v));

describe('python3 SCRIPT --dry-run prints the page run’s start and order', () => {
  const cases: Array<[string, Partial<FitLabSettings>]> = [
    ['default', {}],
    ['relu-seed3', { activation: 'relu', seed: 3 }],
    ['leaky-h8-seed-max', { activation: 'leaky_relu', hidden: 8, seed: 2 ** 31 - 1, activationParams: { alpha: 0.1 } }],
    ['tanh-h5-expression', { activation: 'tanh', hidden: 5, seed: 123456789, target: 'expr:sin(x) * x / 3' }],
    ['swish-beta-step', { activation: 'swish', hidden: 3, seed: 42, activationParams: { beta: 2 }, target: 'step' }],
  ];
  it.each(cases)('%s', async (name, patch) => {
    const s = settingsFor(patch);
    const lines = await dryRun(s, `${name}.py`);
    expect(lines).toHaveLength(2 + DRY_RUN_EPOCHS);

    const p = initialParams(s.seed, s.hidden);
    const weights = lines[0] as { w1: number[]; b1: number[]; w2: number[]; b2: number };
    // The page trains in float32: each printed number must be exactly the page's float32 weight.
    expect(f32(weights.w1)).toEqual(f32(p.w1));
    expect(f32(weights.b1)).toEqual(f32(p.b1));
    expect(f32(weights.w2)).toEqual(f32(p.w2));
    expect(Math.fround(weights.b2)).toBe(Math.fround(p.b2));

    const data = trainingSetup(s).data;
    const printed = lines[1] as { x: number[]; y: number[] };
    expect(f32(printed.x)).toEqual(f32(data.x));
    expect(f32(printed.y)).toEqual(f32(data.y));

    const stream = new ShuffleStream(s.seed, data.x.length);
    for (let e = 1; e <= DRY_RUN_EPOCHS; e++)
      expect(lines[1 + e]).toEqual({ epoch: e, order: Array.from(stream.next()) });
  });
});

describe('every exported Keras script is valid Python', () => {
  it.each(HIDDEN_ACTIVATION_IDS.map((a) => [a] as const))('%s', async (activation) => {
    const variants: Array<Partial<FitLabSettings>> = [{ activation }];
    if (activation === 'swish') variants.push({ activation, activationParams: { beta: 1.5 } });
    if (activation === 'leaky_relu') variants.push({ activation, activationParams: { alpha: 0.05 } });
    for (const [k, patch] of variants.entries()) {
      const path = folder.write(
        `${activation}-${k}.py`,
        kerasSnippet(settingsFor({ ...patch, target: 'expr:abs(sin(2*x))' })),
      );
      // Compiles the whole script (the Keras part too) without running it.
      await run(
        'python3',
        ['-c', 'import ast, sys; ast.parse(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1])', path],
        { cwd: folder.dir },
      );
    }
  });
});
