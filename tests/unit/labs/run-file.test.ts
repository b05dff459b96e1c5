import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, type FitLabSettings } from '../../../src/core/settings/fit-lab';
import { MAX_RUN_FILE_CHARS, readRunFile, writeRunFile } from '../../../src/labs/fit-lab/export/run-file';

const params = { w1: [0.5, -1.25], b1: [0.1, 2], w2: [1.5, -0.75], b2: 0.25 };
const manyPoints = Array.from({ length: 350 }, (_, i) => ({ x: i / 50, y: Math.cos(i / 50) + 1 }));

describe('the Fit Lab run file', () => {
  it('reads back what it wrote: settings, all 350 points (more than an address holds) and the weights', () => {
    const settings: FitLabSettings = {
      ...parseSettings('activation=relu&hidden=2&seed=7&lr=0.01&noise=0.1&holdout=0.2').settings,
      points: manyPoints,
    };
    const read = readRunFile(writeRunFile(settings, params, 0.0123));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.refused).toEqual([]);
    expect(read.settings).toEqual(settings);
    expect(read.params).toEqual(params);
  });

  it('keeps a PReLU run’s learned slopes, starts them at 0 when the file has none, and refuses bad ones', () => {
    const settings: FitLabSettings = { ...parseSettings('activation=prelu&hidden=2&seed=3').settings, points: null };
    const withSlopes = { ...params, alpha: [0.25, -0.5] };
    const read = readRunFile(writeRunFile(settings, withSlopes, 0.02));
    expect(read.ok && read.params).toEqual(withSlopes);
    const bare = readRunFile(writeRunFile(settings, params, 0.02));
    expect(bare.ok && bare.params).toEqual({ ...params, alpha: [0, 0] });
    const bad = JSON.parse(writeRunFile(settings, withSlopes, 0.02)) as Record<string, unknown>;
    expect(readRunFile(JSON.stringify({ ...bad, alpha: [0.25] }))).toEqual({
      ok: false,
      problem: 'badWeights',
      detail: '2',
    });
    expect(readRunFile(JSON.stringify({ ...bad, alpha: [0.25, null] })).ok).toBe(false);
    // Slopes mean nothing to another activation: its weights read as they are.
    const relu = readRunFile(writeRunFile({ ...settings, activation: 'relu' }, withSlopes, 0.02));
    expect(relu.ok && relu.params).toEqual(params);
  });

  it('gives a setting the file leaves out its default, not the importing lab’s preset', () => {
    const read = readRunFile(JSON.stringify({ settings: { hidden: '3' } }));
    expect(read.ok && read.settings).toEqual({ ...DEFAULT_SETTINGS, hidden: 3 });
    expect(read.ok && read.params).toBeNull();
  });

  it('names refused settings as the address does and keeps the defaults for them', () => {
    const read = readRunFile(JSON.stringify({ settings: { lr: '0x10', hidden: '99', activation: 'relu' } }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.refused.map((r) => r.param).sort()).toEqual(['hidden', 'lr']);
    expect(read.settings.lr).toBe(DEFAULT_SETTINGS.lr);
    expect(read.settings.activation).toBe('relu');
  });

  it('refuses what is not a run file, by name', () => {
    expect(readRunFile('not json')).toEqual({ ok: false, problem: 'notJson' });
    expect(readRunFile('[1,2]')).toEqual({ ok: false, problem: 'notARun' });
    expect(readRunFile('{"w1":[1]}')).toEqual({ ok: false, problem: 'notARun' });
    expect(readRunFile(JSON.stringify({ settings: { seed: { $gt: 1 } } }))).toEqual({ ok: false, problem: 'notARun' });
    expect(readRunFile(' '.repeat(MAX_RUN_FILE_CHARS + 1))).toMatchObject({ ok: false, problem: 'tooLong' });
  });

  it('refuses bad points by position: not a point, NaN-like, out of range, duplicate, too many', () => {
    const withPoints = (points: unknown) => readRunFile(JSON.stringify({ settings: {}, points }));
    expect(
      withPoints([
        { x: 1, y: 1 },
        { x: '2', y: 1 },
      ]),
    ).toEqual({ ok: false, problem: 'badPoint', detail: '2' });
    expect(withPoints([{ x: 1, y: null }])).toEqual({ ok: false, problem: 'badPoint', detail: '1' });
    expect(withPoints([{ x: 500, y: 1 }])).toEqual({ ok: false, problem: 'badPoint', detail: '1' });
    expect(
      withPoints([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
      ]),
    ).toEqual({ ok: false, problem: 'badPoint', detail: '2' });
    expect(withPoints([])).toMatchObject({ ok: false, problem: 'badPoint' });
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ x: i / 20, y: 0 }));
    expect(withPoints(tooMany)).toEqual({ ok: false, problem: 'tooManyPoints', detail: '1001' });
  });

  it('refuses weights that do not fit the settings’ network, rather than half-applying them', () => {
    const file = (w: object) => readRunFile(JSON.stringify({ settings: { hidden: '2' }, ...w }));
    expect(file({ ...params, w1: [1] })).toEqual({ ok: false, problem: 'badWeights', detail: '2' });
    expect(file({ ...params, b2: 'x' })).toEqual({ ok: false, problem: 'badWeights', detail: '2' });
    expect(file({ ...params, w2: [1, Infinity] })).toMatchObject({ ok: false, problem: 'badWeights' });
    expect(file(params)).toMatchObject({ ok: true, params });
  });
});
