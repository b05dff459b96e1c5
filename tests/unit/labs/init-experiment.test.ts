/**
 * `src/labs/init/init-experiment.json`: its summaries are the statistics helpers' view of its runs, a few seeds
 * regenerate byte-for-byte, the default scheme reproduces the many-seeds study, and the zero-kernel rows say
 * what the maths says (see the comments).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInitStudy, INIT_ACTIVATIONS, INIT_STUDY } from '../../../src/labs/init/generate-data';
import raw from '../../../src/labs/init/init-experiment.json';
import manyRaw from '../../../src/labs/seeds/many-seeds.json';
import { DEFAULT_INIT, layerLimits } from '../../../src/core/train/init-schemes';
import {
  findInitConfig,
  initFact,
  initFacts,
  reviveInitStudy,
  runsOf,
  toColumns,
} from '../../../src/core/analysis/init-study-file';
import { findConfig, reviveManySeeds } from '../../../src/core/analysis/many-seeds-file';
import { summarizeConfig } from '../../../src/core/analysis/seed-stats';
import { engineBackend } from '../engine/engine-setup';

const file = reviveInitStudy(raw);

describe('init-experiment.json', () => {
  beforeAll(() => engineBackend('wasm'));

  it('holds every activation × scheme of the study, 1,000 seeds each, summarised by seed-stats', () => {
    expect(file.configs.map((c) => c.id)).toEqual(
      INIT_ACTIVATIONS.flatMap((a) => INIT_STUDY.map((i) => `${a}/${i.kernel}+${i.hiddenBias}`)),
    );
    for (const c of file.configs) {
      const runs = runsOf(c.runs);
      expect(runs).toHaveLength(1000);
      expect(toColumns(runs)).toEqual(c.runs);
      expect(c.summary).toEqual(summarizeConfig(runs, file.reference.lineMse));
      expect(c.limits).toEqual(layerLimits(c.init.kernel, 2));
    }
  });

  it('regenerates the first seeds exactly', async () => {
    const again = await generateInitStudy({ seeds: { from: 0, to: 2 } });
    for (const c of again.configs) {
      const stored = runsOf(file.configs.find((k) => k.id === c.id)!.runs).slice(0, 3);
      expect(runsOf(c.runs)).toEqual(stored);
    }
  });

  it('with the default scheme, is the many-seeds study run for run', () => {
    const many = reviveManySeeds(manyRaw);
    for (const activation of INIT_ACTIVATIONS) {
      const mine = runsOf(findInitConfig(file, activation, { ...DEFAULT_INIT })!.runs);
      expect(mine).toEqual(findConfig(many, `${activation}-h2`).runs);
    }
  });

  it('shows what zero kernels do', () => {
    const relu0 = findInitConfig(file, 'relu', { kernel: 'zeros', hiddenBias: 0 })!;
    // w = 0, b = 0: every pre-activation is 0, so φ = 0 and φ′ = 0; only the output bias learns → a constant.
    expect(relu0.summary.deadAtInitShare).toBe(1);
    expect(relu0.summary.deadAtEndShare).toBe(1);
    expect(relu0.summary.straightLineShare).toBe(1);
    // b = 0.1: nobody is dead, but both units start equal and get equal gradients: one unit's worth of fit.
    const relu01 = findInitConfig(file, 'relu', { kernel: 'zeros', hiddenBias: 0.1 })!;
    expect(relu01.summary.deadAtInitShare).toBe(0);
    expect(relu01.summary.goodFitShare).toBe(0);
    // glorot and He draw the same signs, and with b = 0 a unit is dead at init exactly when w₁ < 0.
    const glorot = findInitConfig(file, 'relu', { kernel: 'glorot_uniform', hiddenBias: 0 })!;
    const he = findInitConfig(file, 'relu', { kernel: 'he_uniform', hiddenBias: 0 })!;
    expect(he.runs.deadAtInit).toEqual(glorot.runs.deadAtInit);
    expect(glorot.runs.deadAtInit).toEqual(glorot.runs.initNegativeW1);
  });

  it('names its facts for the prose', () => {
    const facts = initFacts(file);
    expect(initFact(facts, 'relu.glorot_uniform+0.deadAtInitShare')).toBe(
      findInitConfig(file, 'relu', DEFAULT_INIT)!.summary.deadAtInitShare,
    );
    expect(initFact(facts, 'relu.predictedAnyDeadAtInit')).toBe(0.75);
    expect(() => initFact(facts, 'relu.lecun+0.deadAtInitShare')).toThrow(/no fact/);
  });
});

describe('npm run init-experiment', () => {
  it('exits 2 on a bad seed range, writing nothing', async () => {
    const err = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/labs/init/generate-data.ts', '--seeds', '5-2', '--out', '/dev/null'],
      { cwd: process.cwd() },
    ).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain('bad seed range');
  });
});
