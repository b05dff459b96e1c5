/** `npm run experiment`: argument parsing, exit status 2 on bad input, the --json shape and the --trace of each run. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP, MAX_TRACED_EPOCHS, parseArgs, UsageError, type RunTrace } from '../../../src/cli/experiment';
import { seedDataset } from '../../../src/core/data/dataset';
import { trainNetworks } from '../../../src/core/engine/train';
import { epochPermutations, initialParams } from '../../../src/core/train/random';
import { RANGES } from '../../../src/core/settings/fit-lab';
import type { NetworkParams } from '../../../src/core/train/types';
import { referenceTrain } from '../../reference/reference-trainer';
import { config, engineBackend } from '../engine/engine-setup';

const run = promisify(execFile);
const parseSeeds = (spec: string) => parseArgs(['--seeds', spec]).seeds;
// What `npm run experiment` runs (tsx's loader in Node), without npx and the tsx command's own parent process.
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], {
    cwd: process.cwd(),
    maxBuffer: 64 * 1024 * 1024,
  });
/** The CLI's failure as { code, stderr, stdout }, or null if it succeeded. */
const failure = (...args: string[]) =>
  cli(...args).then(
    () => null,
    (e: { code: number; stderr: string; stdout: string }) => e,
  );

interface Row {
  seed: number;
  finalMse: number | null;
  deadAtInit: number;
  deadAtEnd: number;
  status: string;
}
type Output = { config: Record<string, unknown>; runs: (Row & Partial<RunTrace>)[]; summary: Record<string, unknown> };

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

  // Each refusal names its flag, the offending text and what is allowed, as the URL settings refuse the same values.
  const grammar = 'written in decimal or exponent notation';
  it.each([
    [['--lr', '0x10'], new RegExp(`--lr must be a number above 0 and at most 1000000, ${grammar} .*got "0x10"`)],
    [['--lr', 'Infinity'], new RegExp(`--lr must be .*${grammar}.*"Infinity"`)],
    [['--lr', '-1'], /--lr must be a number above 0 and at most 1000000, got "-1"/],
    [['--lr', '0'], /--lr must be a number above 0/],
    [['--lr', ' 0.1'], new RegExp(`--lr must be .*${grammar}`)],
    [['--lr', '2e6'], /--lr must be a number above 0 and at most 1000000/],
    [['--hidden', '0'], /--hidden must be a whole number from 1 to 8, got "0"/],
    [['--hidden', '9'], /--hidden must be a whole number from 1 to 8, got "9"/],
    [['--hidden', '2.5'], /--hidden must be a whole number from 1 to 8, got "2.5"/],
    [['--hidden', '0x2'], new RegExp(`--hidden must be a whole number from 1 to 8, ${grammar}`)],
    [['--epochs', '1e4'], /--epochs must be a whole number from 1 to 5000, got "1e4"/],
    [['--epochs', '0'], /--epochs must be a whole number from 1 to 5000/],
    [['--epochs', '5001'], /--epochs must be a whole number from 1 to 5000/],
    [['--batch', '0'], /--batch must be a whole number from 1 to 100/],
    [['--batch', 'NaN'], new RegExp(`--batch must be a whole number from 1 to 100, ${grammar} .*got "NaN"`)],
    [
      ['--seeds', '2147483648'],
      /--seeds must be seeds like 0-199.*each a whole number from 0 to 2147483647\), got "2147483648"/,
    ],
    [
      ['--seeds', '5-2'],
      /--seeds: bad seed list "5-2"; it must be seeds like 0-199, 7 or 1,5,9 \(spans running upwards/,
    ],
    [['--seeds', '0-99999,100000'], /--seeds: bad seed list .*at most 100000 seeds/],
    [['--seeds', '1,,2'], /--seeds: bad seed list "1,,2"/],
    [['--bias', '0x1'], new RegExp(`--bias must be a number from -1 to 1, ${grammar}`)],
    [['--bias', '2'], /--bias must be a number from -1 to 1, got "2"/],
    [['--init', 'lecun'], /--init must be one of zeros, glorot, he, got "lecun"/],
    [['--activation', 'softmax'], /--activation must be one of linear, .*got "softmax"/],
    [['--alpha', '0.1'], /--alpha does not apply to relu/],
    [['--alpha', '0.1', '--activation', 'swish'], /--alpha does not apply to swish/],
    [
      ['--activation', 'leaky_relu', '--alpha', 'Infinity'],
      new RegExp(`--alpha must be a number from 0 to 1, ${grammar}`),
    ],
    [['--activation', 'swish', '--beta', '9'], /--beta must be a number from 0.1 to 5, got "9"/],
    [['--frobnicate', '1'], /unknown option --frobnicate/],
    [['--lr'], /--lr needs a value/],
    [['relu'], /unexpected argument "relu"/],
  ])('refuses %j with a message naming the flag', (args, message) => {
    expect(() => parseArgs(args)).toThrow(UsageError);
    expect(() => parseArgs(args)).toThrow(message);
  });

  it("accepts what the settings accept, within the site's ranges", () => {
    expect(
      parseArgs([
        '--lr',
        '1e-3',
        '--hidden',
        '8',
        '--epochs',
        String(RANGES.epochs.max),
        '--batch',
        '100',
        '--seeds',
        '2147483647',
      ]),
    ).toMatchObject({
      lr: 0.001,
      hidden: 8,
      epochs: RANGES.epochs.max,
      batch: 100,
      seeds: [2147483647],
    });
    // Whole numbers take the one grammar too: exponent notation, a trailing ".0", "-0".
    expect(parseArgs(['--epochs', '1e3', '--hidden', '2.0', '--seeds', '0'])).toMatchObject({
      epochs: 1000,
      hidden: 2,
      seeds: [0],
    });
    // A parameter may come before the activation it belongs to.
    expect(parseArgs(['--alpha', '0.1', '--activation', 'leaky_relu']).activationParams).toEqual({ alpha: 0.1 });
    expect(parseArgs(['--activation', 'swish', '--beta', '2']).activationParams).toEqual({ beta: 2 });
  });

  it('--help lists every flag with what it takes and its default, from the declarations', () => {
    const lines = HELP.split('\n');
    for (const flag of [
      'activation',
      'hidden',
      'seeds',
      'epochs',
      'lr',
      'batch',
      'alpha',
      'beta',
      'init',
      'bias',
      'backend',
      'json',
      'trace',
    ]) {
      expect(
        lines.some((l) => l.trimStart().startsWith(`--${flag} `)),
        flag,
      ).toBe(true);
    }
    const line = (flag: string) => lines.find((l) => l.trimStart().startsWith(`--${flag} `))!;
    expect(line('hidden')).toMatch(/Hidden neurons: a whole number from 1 to 8; default 2$/);
    expect(line('lr')).toMatch(/Learning rate: a number above 0 and at most 1000000; default 0.04$/);
    expect(line('activation')).toMatch(/default relu$/);
    expect(line('seeds')).toMatch(/default 0-99$/);
    expect(line('bias')).toMatch(/from -1 to 1; default 0$/);
  });

  it('takes --trace only with --json, and only as much as it can print', () => {
    expect(() => parseArgs(['--trace'])).toThrow(/--trace prints per-epoch data and needs --json/);
    expect(parseArgs(['--trace', '--json'])).toMatchObject({ trace: true, json: true });
    expect(parseArgs(['--json'])).toMatchObject({ trace: false });
    const seeds = MAX_TRACED_EPOCHS / 100;
    expect(parseArgs(['--json', '--trace', '--seeds', `1-${seeds}`, '--epochs', '100']).seeds).toHaveLength(seeds);
    expect(() => parseArgs(['--json', '--trace', '--seeds', `0-${seeds}`, '--epochs', '100'])).toThrow(
      /at most 100000 \(seeds × epochs\)/,
    );
  });

  it('exits 2 with a one-line message naming the flag for each refused number, and for --trace without --json', async () => {
    const cases: [string[], RegExp][] = [
      [['--lr', '0x10'], /--lr .*"0x10"/],
      [['--lr', 'Infinity'], /--lr .*"Infinity"/],
      [['--hidden', '0'], /--hidden .*"0"/],
      [['--epochs', '1e4'], /--epochs .*"1e4"/],
      [['--trace'], /--trace .* needs --json/],
    ];
    const errors = await Promise.all(cases.map(([args]) => failure(...args)));
    errors.forEach((err, i) => {
      expect(err?.code).toBe(2);
      expect(err?.stdout).toBe('');
      expect(err?.stderr.trim().split('\n')).toHaveLength(1);
      expect(err?.stderr).toMatch(cases[i]![1]);
    });
  });

  it('exits 2 with a one-line message on bad arguments', async () => {
    const err = await failure('--seeds', '5-2');
    expect(err?.code).toBe(2);
    expect(err?.stderr.trim().split('\n')).toHaveLength(1);
    expect(err?.stdout).toBe('');
  });
});

describe('experiment CLI --json, and --trace', () => {
  const data = seedDataset();
  const args = ['--activation', 'relu', '--hidden', '2', '--seeds', '0-2', '--epochs', '20', '--json'];
  let plain: Output;
  let traced: Output;

  beforeAll(async () => {
    const [a, b] = await Promise.all([cli(...args), cli(...args, '--trace')]);
    plain = JSON.parse(a.stdout) as Output;
    traced = JSON.parse(b.stdout) as Output;
    await engineBackend('wasm');
  }, 60_000); // two processes that start tsx and train: seconds alone, much longer on a loaded shared machine

  it('prints one JSON object with config, runs and summary', () => {
    expect(plain.config.hidden).toBe(2);
    expect(plain.runs.map((r) => r.seed)).toEqual([0, 1, 2]);
    for (const r of plain.runs) {
      expect(r.finalMse).toBeGreaterThan(0);
      expect(Number.isInteger(r.deadAtInit) && Number.isInteger(r.deadAtEnd)).toBe(true);
    }
    expect(plain.summary.runs).toBe(3);
  });

  it('leaves the output without --trace exactly as it was', () => {
    expect(Object.keys(plain)).toEqual(['config', 'runs', 'summary']);
    for (const r of plain.runs)
      expect(Object.keys(r)).toEqual(['seed', 'finalMse', 'deadAtInit', 'deadAtEnd', 'status']);
    // Tracing changes nothing else: the traced output minus the trace is the plain one, number for number.
    const stripped = {
      ...traced,
      runs: traced.runs.map(({ initial: _i, final: _f, orders: _o, losses: _l, ...row }) => row),
    };
    expect(stripped).toEqual(plain);
  });

  it('adds initial and final weights, one visiting order per epoch and one loss per epoch', () => {
    expect(traced.runs.map((r) => r.seed)).toEqual([0, 1, 2]);
    for (const r of traced.runs) {
      expect(Object.keys(r)).toEqual([
        'seed',
        'finalMse',
        'deadAtInit',
        'deadAtEnd',
        'status',
        'initial',
        'final',
        'orders',
        'losses',
      ]);
      for (const p of [r.initial!, r.final!]) {
        expect(Object.keys(p)).toEqual(['w1', 'b1', 'w2', 'b2']);
        for (const k of ['w1', 'b1', 'w2'] as const) expect(p[k]).toHaveLength(2);
        expect(typeof p.b2).toBe('number');
      }
      expect(r.orders).toHaveLength(20);
      for (const order of r.orders!) {
        expect(order.every(Number.isInteger)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: data.x.length }, (_, i) => i));
      }
      expect(new Set(r.orders!.map((o) => o.join())).size).toBe(20); // a fresh shuffle each epoch
      expect(r.losses).toHaveLength(20);
      expect(r.losses!.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
    }
  });

  it("reports the seed's initial weights and shuffles, derived again here", () => {
    for (const r of traced.runs) {
      expect(r.initial).toEqual(initialParams(r.seed, 2));
      expect(r.orders).toEqual(epochPermutations(r.seed, data.x.length, 20).map((p) => Array.from(p)));
    }
    expect(traced.runs[0]!.orders).not.toEqual(traced.runs[1]!.orders);
  });

  it('reports the final weights of the same run untraced', () => {
    const untraced = trainNetworks(
      [0, 1, 2].map((seed) => config('relu', seed, { epochs: 20 })),
      data,
    );
    traced.runs.forEach((r, s) => {
      expect(r.final).toEqual(untraced[s]!.params);
      expect(r.losses).toEqual(untraced[s]!.losses);
    });
  });

  it('is a full record: an independent float64 trainer replays it from the trace alone', () => {
    const replay = (r: RunTrace, orders: number[][]) => {
      const asRef = (p: NetworkParams) => ({ w: p.w1, b: p.b1, v: p.w2, c: p.b2 });
      return referenceTrain({
        activation: 'relu',
        lr: 0.04,
        batchSize: 32,
        x: data.x,
        y: data.y,
        initial: asRef(r.initial),
        permutations: orders,
      });
    };
    const gap = (r: RunTrace, orders: number[][]) => {
      const out = replay(r, orders);
      const flat = (p: { w: number[]; b: number[]; v: number[]; c: number }) => [...p.w, ...p.b, ...p.v, p.c];
      const f = flat({ w: r.final.w1, b: r.final.b1, v: r.final.w2, c: r.final.b2 });
      return Math.max(
        ...flat(out.params).map((v, i) => Math.abs(v - f[i]!)),
        ...out.losses.map((l, e) => Math.abs(l - r.losses[e]!) / r.losses[e]!),
      );
    };
    const runs = traced.runs as (Row & RunTrace)[];
    // float32 against float64 over 80 steps: about 3e-7 apart; another seed's orders: about 0.05.
    for (const r of runs) expect(gap(r, r.orders)).toBeLessThan(1e-5);
    // The orders matter: another seed's shuffles do not replay the run (so the check above could fail).
    const shifted = runs.map((r, s) => gap(r, runs[(s + 1) % runs.length]!.orders));
    for (const g of shifted) expect(g).toBeGreaterThan(1e-2);
  });
});
