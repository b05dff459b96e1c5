/**
 * Initialisation schemes (init.ts) and their threading: the default draw is bit-identical to the draw before
 * schemes existed, He and glorot limits are Keras', and every place that builds initial weights from a TrainConfig
 * (engine on either backend, seed job, CLI) uses the config's scheme.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../src/cli/experiment';
import { seedDataset } from '../../../src/core/data/dataset';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';
import { runSeedJob, type SeedJobResult, type SeedJobStatus } from '../../../src/core/sessions/seed-job';
import { TrainingSession } from '../../../src/core/sessions/session';
import {
  DEFAULT_INIT,
  glorotLimit,
  heLimit,
  isDefaultInit,
  kernelLimit,
  layerLimits,
  resolveInit,
  type InitSpec,
} from '../../../src/core/train/init-schemes';
import { createRng, initialParams } from '../../../src/core/train/random';
import type { NetworkParams } from '../../../src/core/train/types';
import { config, engineBackend } from '../engine/engine-setup';

const data = seedDataset();
const HE: InitSpec = { kernel: 'he_uniform', hiddenBias: 0 };

/** The draw as random.ts made it before initialisation schemes existed (kept here verbatim as the oracle). */
function legacyDraw(seed: number, hidden: number): NetworkParams {
  const rng = createRng(seed, 1);
  const limit1 = Math.sqrt(6 / (1 + hidden));
  const limit2 = Math.sqrt(6 / (hidden + 1));
  const w1 = Array.from({ length: hidden }, () => (2 * rng.next() - 1) * limit1);
  const w2 = Array.from({ length: hidden }, () => (2 * rng.next() - 1) * limit2);
  return { w1, b1: new Array<number>(hidden).fill(0), w2, b2: 0 };
}

const float32 = (p: NetworkParams) => ({
  w1: p.w1.map(Math.fround),
  b1: p.b1.map(Math.fround),
  w2: p.w2.map(Math.fround),
  b2: Math.fround(p.b2),
});

describe('initialisation schemes', () => {
  it('keeps the default draw bit-identical to the old one, with or without an explicit default', () => {
    for (const hidden of [1, 2, 3, 8, 32]) {
      for (let seed = 0; seed < 200; seed++) {
        const legacy = legacyDraw(seed, hidden);
        expect(initialParams(seed, hidden)).toStrictEqual(legacy);
        expect(initialParams(seed, hidden, DEFAULT_INIT)).toStrictEqual(legacy);
        expect(initialParams(seed, hidden, {})).toStrictEqual(legacy);
      }
    }
  });

  it("uses Keras' limits: glorot √(6/(fan_in+fan_out)), He √(6/fan_in)", () => {
    expect(heLimit(1)).toBeCloseTo(Math.sqrt(6), 14);
    expect(heLimit(2)).toBeCloseTo(Math.sqrt(3), 14);
    expect(glorotLimit(1, 2)).toBeCloseTo(Math.sqrt(2), 14);
    expect(layerLimits('he_uniform', 2)).toEqual({ w1: Math.sqrt(6), w2: Math.sqrt(3) });
    expect(layerLimits('glorot_uniform', 8)).toEqual({ w1: Math.sqrt(6 / 9), w2: Math.sqrt(6 / 9) });
    expect(kernelLimit('zeros', 1, 2)).toBe(0);
  });

  it('draws He weights inside ±L and across the whole interval, with the same signs as glorot', () => {
    for (const hidden of [1, 2, 8]) {
      const { w1: l1, w2: l2 } = layerLimits('he_uniform', hidden);
      const ratio1 = l1 / glorotLimit(1, hidden);
      for (let seed = 0; seed < 100; seed++) {
        const he = initialParams(seed, hidden, HE);
        const glorot = initialParams(seed, hidden);
        for (const w of he.w1) expect(Math.abs(w)).toBeLessThanOrEqual(l1);
        for (const w of he.w2) expect(Math.abs(w)).toBeLessThanOrEqual(l2);
        he.w1.forEach((w, i) => expect(w).toBeCloseTo(glorot.w1[i]! * ratio1, 12));
        expect(he.b1.every((b) => b === 0) && he.b2 === 0).toBe(true);
      }
    }
    const scaled = Array.from({ length: 500 }, (_, s) => initialParams(s, 2, HE).w1[0]! / heLimit(1));
    expect(Math.min(...scaled)).toBeLessThan(-0.9);
    expect(Math.max(...scaled)).toBeGreaterThan(0.9);
  });

  it('gives zero kernels (never −0) and a constant hidden bias; the output bias stays 0', () => {
    const p = initialParams(7, 3, { kernel: 'zeros', hiddenBias: 0.1 });
    expect(p).toStrictEqual({ w1: [0, 0, 0], b1: [0.1, 0.1, 0.1], w2: [0, 0, 0], b2: 0 });
    for (const w of [...p.w1, ...p.w2]) expect(Object.is(w, 0)).toBe(true);
    expect(initialParams(7, 2, { kernel: 'glorot_uniform', hiddenBias: -0.5 }).b1).toEqual([-0.5, -0.5]);
  });

  it('refuses unknown schemes and non-finite biases instead of drawing NaN', () => {
    expect(() => initialParams(0, 2, { kernel: 'lecun' as never, hiddenBias: 0 })).toThrow(RangeError);
    expect(() => initialParams(0, 2, { kernel: 'zeros', hiddenBias: NaN })).toThrow(RangeError);
    expect(() => initialParams(0, 2, { kernel: 'zeros', hiddenBias: Infinity })).toThrow(RangeError);
  });

  it('resolves partial specs against the default', () => {
    expect(resolveInit()).toEqual(DEFAULT_INIT);
    expect(resolveInit({ hiddenBias: 0.1 })).toEqual({ kernel: 'glorot_uniform', hiddenBias: 0.1 });
    expect(isDefaultInit({ kernel: 'glorot_uniform' })).toBe(true);
    expect(isDefaultInit(HE)).toBe(false);
  });
});

describe('initialisation travels with the TrainConfig', () => {
  beforeAll(() => engineBackend('wasm'));

  // cpu: the main-thread fallback's backend.
  it.each(['wasm', 'cpu'] as const)(
    'the engine (%s backend) starts from the config’s scheme, networks of one batch each from their own',
    async (backend) => {
      await engineBackend(backend);
      const configs = [
        config('relu', 3, { init: HE }),
        config('relu', 3),
        config('relu', 4, { init: { kernel: 'zeros', hiddenBias: 0.1 } }),
      ];
      const trainer = new ShallowTrainer({ configs, data });
      try {
        const start = trainer.read().networks.map((n) => n.params);
        expect(start[0]).toEqual(float32(initialParams(3, 2, HE)));
        expect(start[1]).toEqual(float32(initialParams(3, 2)));
        expect(start[2]).toEqual(float32(initialParams(4, 2, { kernel: 'zeros', hiddenBias: 0.1 })));
        expect(start[0]).not.toEqual(start[1]);
      } finally {
        trainer.dispose();
        await engineBackend('wasm');
      }
    },
  );

  it('a seed job counts dead-at-init neurons under the chosen scheme', async () => {
    const session = new TrainingSession(
      { update: () => undefined, losses: () => undefined, status: () => undefined },
      { makeTrainer: (o) => new ShallowTrainer(o), wait: () => Promise.resolve() },
    );
    const zeros: InitSpec = { kernel: 'zeros', hiddenBias: 0 };
    const lifted: InitSpec = { kernel: 'he_uniform', hiddenBias: 0.1 };
    const chunk = [0, 1, 2, 3].flatMap((seed) => [
      config('relu', seed, { epochs: 3, init: zeros }),
      config('relu', seed, { epochs: 3, init: lifted }),
      config('relu', seed, { epochs: 3 }),
    ]);
    const statuses: SeedJobStatus[] = [];
    const runs: SeedJobResult[] = [];
    await runSeedJob(
      session,
      { chunks: [chunk], data },
      { status: (s) => statuses.push(s), progress: () => undefined, results: (r) => runs.push(...r) },
    );
    expect(statuses).toEqual(['training', 'done']);
    const dead = runs.map((r) => r.run.deadAtInit);
    // zeros: w·x + 0 = 0 ≤ 0 on every input, both units dead; +0.1: z(x=0) = 0.1 > 0, none dead;
    // glorot with zero bias: dead exactly when w₁ < 0 (inputs are ≥ 0).
    expect(dead.filter((_, k) => k % 3 === 0)).toEqual([2, 2, 2, 2]);
    expect(dead.filter((_, k) => k % 3 === 1)).toEqual([0, 0, 0, 0]);
    expect(dead.filter((_, k) => k % 3 === 2)).toEqual(
      [0, 1, 2, 3].map((s) => initialParams(s, 2).w1.filter((w) => w < 0).length),
    );
  });
});

describe('experiment CLI: --init and --bias', () => {
  it('parses the schemes and the bias, and leaves init out when neither is given', () => {
    expect(parseArgs([]).init).toBeUndefined();
    expect(parseArgs(['--init', 'he']).init).toEqual({ kernel: 'he_uniform', hiddenBias: 0 });
    expect(parseArgs(['--init', 'zeros', '--bias', '0.1']).init).toEqual({ kernel: 'zeros', hiddenBias: 0.1 });
    expect(parseArgs(['--bias', '-0']).init).toEqual({ kernel: 'glorot_uniform', hiddenBias: 0 });
    expect(parseArgs(['--bias', '1e-1', '--init', 'glorot']).init).toEqual({
      kernel: 'glorot_uniform',
      hiddenBias: 0.1,
    });
  });

  it.each([
    ['--init', 'lecun'],
    ['--init', 'toString'],
    ['--init', ''],
    ['--bias', 'abc'],
    ['--bias', '0x10'],
    ['--bias', '2'],
    ['--bias', '1e309'],
    ['--bias', 'NaN'],
    ['--bias', ' 0.1'],
  ])('refuses %s %j', (flag, value) => {
    expect(() => parseArgs([flag, value])).toThrow(UsageError);
  });

  it('exits 2 on a bad --init, and reports the scheme in --json', async () => {
    const run = promisify(execFile);
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], { cwd: process.cwd() });
    const err = await cli('--init', 'lecun').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain('--init');
    const { stdout } = await cli(
      '--activation',
      'relu',
      '--seeds',
      '0-3',
      '--epochs',
      '2',
      '--init',
      'zeros',
      '--json',
    );
    const out = JSON.parse(stdout) as { config: { init: InitSpec }; runs: { deadAtInit: number }[] };
    expect(out.config.init).toEqual({ kernel: 'zeros', hiddenBias: 0 });
    expect(out.runs.map((r) => r.deadAtInit)).toEqual([2, 2, 2, 2]);
  });
});
