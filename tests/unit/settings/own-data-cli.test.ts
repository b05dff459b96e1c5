/**
 * `npm run experiment` with own points, noise and held-out points: it trains on exactly the data the Fit Lab
 * would (same builder, same seed streams) and reports the training and the test MSE of each run.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanSquaredError, predictAll } from '../../../src/core/analysis/network';
import { testMse } from '../../../src/core/analysis/test-loss';
import { trainNetworks } from '../../../src/core/engine/train';
import { DEFAULT_SETTINGS, parseSettings, toTrainConfig, toTrainingData } from '../../../src/core/settings/fit-lab';
import { engineBackend } from '../engine/engine-setup';

const run = promisify(execFile);
const cli = async (...args: string[]) =>
  JSON.parse(
    (
      await run(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], {
        cwd: process.cwd(),
        maxBuffer: 1 << 24,
      })
    ).stdout,
  ) as {
    config: Record<string, unknown>;
    runs: { seed: number; finalMse: number | null; testMse?: number | null; status: string }[];
    summary: Record<string, unknown>;
  };

beforeAll(() => engineBackend('wasm'));

describe('experiment CLI on own data', () => {
  it('--points --noise --holdout --json: trains on those points and reports train and test MSE', async () => {
    const points = '0,1;1,2;2,1.5;3,0.5;4,1;5,2;6,1;0.5,1.4;2.5,1.1;5.5,1.6';
    const out = await cli(
      ...['--points', points, '--noise', '0.1', '--holdout', '0.2', '--seeds', '0-2', '--epochs', '40', '--json'],
    );
    expect(out.config).toMatchObject({ points: 8, testPoints: 2, noise: 0.1, holdout: 0.2, target: 'own points' });
    expect(out.runs.map((r) => r.seed)).toEqual([0, 1, 2]);
    // Each seed's run is the Fit Lab's run with that seed: same data (its own noise and held-out draw), same engine.
    for (const r of out.runs) {
      const settings = {
        ...parseSettings(`points=${points}&noise=0.1&holdout=0.2&epochs=40&activation=relu`).settings,
        seed: r.seed,
      };
      const { train, test } = toTrainingData(settings);
      const [mine] = trainNetworks([toTrainConfig(settings)], train);
      expect(r.status).toBe(mine!.status);
      expect(r.finalMse).toBe(meanSquaredError(predictAll(mine!.params, settings, train.x), train.y));
      expect(r.testMse).toBe(testMse(mine!.params, settings, test));
    }
    // Different seeds hold out different points or add different noise, so their test errors differ.
    expect(new Set(out.runs.map((r) => r.testMse)).size).toBe(3);
    expect(out.summary.medianTestMse).toEqual(expect.any(Number));
  });

  it('without them: the seed experiment as before, and no test column', async () => {
    const out = await cli('--seeds', '0-1', '--epochs', '5', '--json');
    expect(out.config).toMatchObject({
      points: 100,
      testPoints: 0,
      noise: 0,
      holdout: 0,
      target: 'cos(x) + 1 on [0, 2π]',
    });
    expect(out.runs.every((r) => !('testMse' in r))).toBe(true);
    expect(out.summary).not.toHaveProperty('medianTestMse');
    const settings = { ...DEFAULT_SETTINGS, activation: 'relu' as const, epochs: 5 };
    const { train } = toTrainingData(settings);
    const [first] = trainNetworks([toTrainConfig(settings)], train);
    expect(out.runs[0]!.finalMse).toBe(meanSquaredError(predictAll(first!.params, settings, train.x), train.y));
  });

  it('refuses bad own data with exit status 2 and a one-line message naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['--noise', '1e308'], /--noise must be a number from 0 to 10, got "1e308"/],
      [['--points', '0,1;0,1'], /--points: the same point twice/],
      [['--points', '0,NaN'], /--points: an item that is not a point x,y/],
      [['--holdout', '0.9'], /--holdout must be a number from 0 to 0.5/],
    ];
    const errors = await Promise.all(
      cases.map(([args]) =>
        run(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args]).then(
          () => null,
          (e: { code: number; stderr: string; stdout: string }) => e,
        ),
      ),
    );
    for (const [i, [, message]] of cases.entries()) {
      const err = errors[i];
      expect(err?.code).toBe(2);
      expect(err?.stdout).toBe('');
      expect(err?.stderr.trim().split('\n')).toHaveLength(1);
      expect(err?.stderr).toMatch(message);
    }
  });
});
