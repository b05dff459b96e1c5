/** `npm run experiment`: argument parsing, exit status 2 on bad input, and the --json shape. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs, parseSeeds, UsageError } from '../../src/cli/experiment';

const run = promisify(execFile);
const cli = (...args: string[]) => run('npx', ['tsx', 'src/cli/experiment.ts', ...args], { cwd: process.cwd() });

describe('experiment CLI arguments', () => {
  it('parses seeds as ranges, single seeds and lists', () => {
    expect(parseSeeds('0-3')).toEqual([0, 1, 2, 3]);
    expect(parseSeeds('7')).toEqual([7]);
    expect(parseSeeds('1,5,8-9')).toEqual([1, 5, 8, 9]);
  });

  it('keeps the seed experiment as defaults', () => {
    const o = parseArgs(['--activation', 'sigmoid']);
    expect(o).toMatchObject({ activation: 'sigmoid', hidden: 2, epochs: 300, lr: 0.04, batch: 32, json: false });
  });

  it.each([
    [['--activation', 'nope']],
    [['--seeds', '5-2']],
    [['--lr', 'abc']],
    [['--hidden', '0']],
    [['--hidden', '33']],
    [['--epochs', '1.5']],
    [['--frobnicate', '1']],
    [['--seeds']],
  ])('refuses %j', (args) => {
    expect(() => parseArgs(args)).toThrow(UsageError);
  });

  it('exits 2 with a one-line message on bad arguments', async () => {
    const err = await cli('--seeds', '5-2').then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr.trim().split('\n')).toHaveLength(1);
    expect(err?.stdout).toBe('');
  });

  it('prints one JSON object with config, runs and summary', async () => {
    const { stdout } = await cli('--activation', 'relu', '--seeds', '0-3', '--epochs', '5', '--json');
    const out = JSON.parse(stdout) as { config: { hidden: number }; runs: { seed: number; finalMse: number; deadAtInit: number; deadAtEnd: number }[]; summary: { runs: number } };
    expect(out.config.hidden).toBe(2);
    expect(out.runs.map((r) => r.seed)).toEqual([0, 1, 2, 3]);
    for (const r of out.runs) {
      expect(r.finalMse).toBeGreaterThan(0);
      expect(Number.isInteger(r.deadAtInit) && Number.isInteger(r.deadAtEnd)).toBe(true);
    }
    expect(out.summary.runs).toBe(4);
  });
});
