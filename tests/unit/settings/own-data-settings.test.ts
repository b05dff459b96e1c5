/**
 * The Fit Lab's own-data settings (points, noise, holdout): one declaration read by the address, the form and the
 * command line; refusals named; the data a setting trains and is tested on; messages for every refusal in both
 * languages.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/experiment';
import { MAX_HOLDOUT } from '../../../src/core/data/holdout';
import { MAX_NOISE } from '../../../src/core/data/noise';
import { PASTE_LINE_REASONS } from '../../../src/core/data/paste-points';
import { POINT_X_MAX, POINT_Y_MAX } from '../../../src/core/data/points';
import { MAX_URL_POINTS, URL_POINTS_REASONS } from '../../../src/core/data/url-points';
import {
  DEFAULT_SETTINGS,
  FIT_LAB,
  parseSettings,
  serializeSettings,
  toTrainingData,
  trainingXs,
  writeSettings,
  type FitLabSettings,
} from '../../../src/core/settings/fit-lab';
import { dictionary, LANGS } from '../../../src/i18n';
import { trainingSetup } from '../../../src/labs/fit-lab/view';
import { refusalMessage } from '../../../src/labs/fit-lab/text';
import { PLOT_GRID } from '../../../src/shared/network-view';
import { networkView, plotData } from '../../../src/labs/fit-lab/view';
import { fitPlotSvg } from '../../../src/plots/fitPlot';

const refusedOf = (query: string) => parseSettings(query).refused.map((r) => [r.param, r.reason, r.detail]);

describe('own points, noise and holdout in the address', () => {
  it('default to none, and a default setting writes none of them', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ points: null, noise: 0, holdout: 0 });
    expect(serializeSettings(DEFAULT_SETTINGS)).toBe(
      'activation=sigmoid&hidden=2&lr=0.04&epochs=300&batch=32&seed=0&target=cos',
    );
  });

  it('read points in any order, sorted, and write them back in canonical form', () => {
    const { settings, refused } = parseSettings('points=2,1.5;0,1;1,2&noise=0.1&holdout=0.2&seed=3');
    expect(refused).toEqual([]);
    expect(settings.points).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: 1.5 },
    ]);
    expect(settings).toMatchObject({ noise: 0.1, holdout: 0.2, seed: 3 });
    const written = serializeSettings(settings);
    expect(new URLSearchParams(written).get('points')).toBe('0,1;1,2;2,1.5');
    expect(new URLSearchParams(written).get('noise')).toBe('0.1');
    expect(new URLSearchParams(written).get('holdout')).toBe('0.2');
    expect(parseSettings(written)).toEqual({ settings, refused: [] });
  });

  it('refuse bad values with a reason and keep the previous value', () => {
    expect(refusedOf('noise=1e308')).toEqual([['noise', 'outOfRange', `0–${MAX_NOISE}`]]);
    expect(refusedOf('noise=-0.1&holdout=0.6')).toEqual([
      ['noise', 'outOfRange', `0–${MAX_NOISE}`],
      ['holdout', 'outOfRange', `0–${MAX_HOLDOUT}`],
    ]);
    expect(refusedOf('holdout=NaN')).toEqual([['holdout', 'notANumber', undefined]]);
    expect(refusedOf('points=')).toEqual([['points', 'noPoints', undefined]]);
    expect(refusedOf('points=1,2;1,2')).toEqual([['points', 'duplicatePoint', '1,2']]);
    expect(refusedOf('points=0,0;500,1')).toEqual([['points', 'pointOutOfRange', '500,1']]);
    expect(refusedOf('points=0,0;NaN,1')).toEqual([['points', 'badPoint', 'NaN,1']]);
    const many = Array.from({ length: MAX_URL_POINTS + 1 }, (_, i) => `${i / 4},1`).join(';');
    expect(refusedOf(`points=${many}`)).toEqual([['points', 'tooManyPoints', '200']]);
    expect(refusedOf(`points=${'9'.repeat(20_000)}`)).toEqual([['points', 'pointsTooLong', '200']]);
    const base: FitLabSettings = { ...DEFAULT_SETTINGS, points: [{ x: 1, y: 1 }], noise: 0.5 };
    const { settings } = parseSettings('points=x&noise=99', base);
    expect(settings.points).toEqual([{ x: 1, y: 1 }]);
    expect(settings.noise).toBe(0.5);
  });

  it('the form checks one value through the same field', () => {
    expect(FIT_LAB.validate('noise', '0.25')).toEqual({ ok: true, value: 0.25 });
    expect(FIT_LAB.validate('holdout', '0.51')).toMatchObject({ ok: false, refusal: { reason: 'outOfRange' } });
    expect(FIT_LAB.validate('points', '0,1;1,0')).toEqual({
      ok: true,
      value: [
        { x: 0, y: 1 },
        { x: 1, y: 0 },
      ],
    });
  });

  it('leaves more points than an address carries out of it (they travel as a JSON export)', () => {
    const points = Array.from({ length: MAX_URL_POINTS + 1 }, (_, i) => ({ x: i / 4, y: 1 }));
    const written = writeSettings({ ...DEFAULT_SETTINGS, points }, 'points=0,0&other=1');
    expect(new URLSearchParams(written).has('points')).toBe(false);
    expect(new URLSearchParams(written).get('other')).toBe('1');
    const fits = writeSettings({ ...DEFAULT_SETTINGS, points: points.slice(0, MAX_URL_POINTS) });
    expect(parseSettings(fits).settings.points).toHaveLength(MAX_URL_POINTS);
  });
});

describe('the data a setting trains and is tested on', () => {
  it('by default: the target on the 100 training inputs, all trained on, nothing held out', () => {
    const d = toTrainingData(DEFAULT_SETTINGS);
    const xs = trainingXs();
    expect(d.source).toBe('target');
    expect(d.train).toEqual({ x: xs, y: xs.map((x) => Math.cos(x) + 1) });
    expect(d.test).toEqual({ x: [], y: [] });
  });

  it('own points replace the target; noise and holdout apply to them; the same settings give the same sets', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ x: i, y: i % 3 }));
    const s = { ...DEFAULT_SETTINGS, points, noise: 0.1, holdout: 0.2, seed: 4 };
    const d = toTrainingData(s);
    expect(d.source).toBe('points');
    expect(d.train.x).toHaveLength(8);
    expect(d.test.x).toHaveLength(2);
    expect(d.all.x).toEqual(points.map((p) => p.x));
    d.all.y.forEach((y, i) => expect(Math.abs(y - points[i]!.y)).toBeLessThan(1));
    expect(toTrainingData(s)).toEqual(d);
    expect(toTrainingData({ ...s, seed: 5 }).all.y).not.toEqual(d.all.y);
  });

  it('the Fit Lab view trains, scores and plots the same points', () => {
    const s = { ...DEFAULT_SETTINGS, noise: 0.2, holdout: 0.3, seed: 2 };
    const setup = trainingSetup(s);
    const d = toTrainingData(s);
    expect(setup.data).toEqual(d.train);
    expect(setup.test).toEqual(d.test);
    // Points inside [0, 2π] keep the plot's own grid (so the site's figures do not change).
    expect(setup.grid).toBe(PLOT_GRID);
    // Own points beyond [0, 2π] widen the plot's grid; the target curve is not drawn for them.
    const own = trainingSetup({
      ...DEFAULT_SETTINGS,
      points: [
        { x: -20, y: 1 },
        { x: 0, y: 2 },
        { x: 30, y: 3 },
      ],
    });
    expect([own.grid[0], own.grid[own.grid.length - 1]]).toEqual([-20, 30]);
    expect(own.targetOnGrid.every(Number.isNaN)).toBe(true);
    expect(own.data.x).toEqual([-20, 0, 30]);
  });
});

describe('points far outside the site’s range', () => {
  it('are drawn inside the plot: its scales take them in, and nothing in it is NaN', () => {
    const { settings, refused } = parseSettings('points=-100,10000;0,0;3,1;100,-10000&activation=relu&hidden=3');
    expect(refused).toEqual([]);
    const setup = trainingSetup(settings);
    const params = { w1: [1, -0.5, -1], b1: [-2, 1, 0], w2: [0.8, -1.2, 0.5], b2: 0.3 };
    const view = networkView(params, settings, setup.data.x);
    expect(view.prediction).toHaveLength(setup.grid.length);
    const labels = { title: 't', desc: 'd', target: 't', prediction: 'p', bias: 'c', neuronTag: String, dead: 'x' };
    const svg = fitPlotSvg(
      plotData(setup, params, view, 'components'),
      { width: 640, height: 384, idPrefix: 'o' },
      labels,
    );
    expect(svg).not.toMatch(/NaN|Infinity/);
    const domain = (axis: string) =>
      svg
        .match(new RegExp(`data-${axis}-domain="([^"]+)"`))![1]!
        .split(',')
        .map(Number);
    const [x0, x1] = domain('x');
    const [y0, y1] = domain('y');
    expect(x0).toBeLessThanOrEqual(-100);
    expect(x1).toBeGreaterThanOrEqual(100);
    expect(y0).toBeLessThanOrEqual(-10000);
    expect(y1).toBeGreaterThanOrEqual(10000);
    // Every point is drawn: one dot each.
    expect(svg.match(/class="fl-points" d="([^"]*)"/)![1]!.match(/h0/g)).toHaveLength(4);
  });
});

describe('the command line reads the same fields', () => {
  it('--points, --noise and --holdout as the address reads them', () => {
    const o = parseArgs(['--points', '2,1.5;0,1;1,2', '--noise', '0.1', '--holdout', '0.2', '--target', 'sin']);
    expect(o.points).toEqual(parseSettings('points=2,1.5;0,1;1,2').settings.points);
    expect(o).toMatchObject({ noise: 0.1, holdout: 0.2, target: 'sin' });
    expect(parseArgs([])).toMatchObject({ points: null, noise: 0, holdout: 0, target: 'cos' });
  });

  it.each([
    [['--noise', '1e308'], /--noise must be a number from 0 to 10, got "1e308"/],
    [['--holdout', '0.7'], /--holdout must be a number from 0 to 0.5/],
    [['--points', '1,2;1,2'], /--points: the same point twice in "1,2;1,2"/],
    [['--points', 'abc'], /--points: an item that is not a point x,y in "abc"/],
  ])('refuses %j', (args, message) => {
    expect(() => parseArgs(args)).toThrow(message);
  });
});

describe.each(LANGS.map((lang) => [lang] as const))('messages for every refusal (%s)', (lang) => {
  const t = dictionary(lang).fitLab;

  it('every reason the points, noise and holdout fields can give has a filled message', () => {
    const reasons = [...URL_POINTS_REASONS, 'notANumber', 'outOfRange'] as const;
    for (const reason of reasons) expect(t.refusal[reason], reason).toMatch(/\S/);
    const hostile = [
      'points=',
      `points=${'1'.repeat(20_000)}`,
      `points=${Array.from({ length: 201 }, (_, i) => `${i / 4},1`).join(';')}`,
      'points=1',
      'points=101,0',
      'points=1,1;1,1',
      'noise=1e308',
      'noise=abc',
      'holdout=0.9',
      'holdout=',
    ];
    const seen = new Set<string>();
    for (const q of hostile) {
      const { refused } = parseSettings(q);
      expect(refused, q).toHaveLength(1);
      const message = refusalMessage(t, refused[0]!);
      expect(message, q).not.toMatch(/\{\w+\}/);
      expect(message.length, q).toBeLessThan(300);
      seen.add(refused[0]!.reason);
    }
    // The hostile list reaches every reason of the points list.
    for (const reason of URL_POINTS_REASONS) expect(seen, reason).toContain(reason);
  });

  it('every pasted-line reason has a message, and the limits the messages state are the code’s', () => {
    for (const reason of PASTE_LINE_REASONS) expect(t.paste.errors[reason], reason).toMatch(/\S/);
    for (const key of ['tooLong', 'header', 'line', 'lines'] as const) expect(t.paste[key]).toMatch(/\S/);
    expect(t.refusal.pointOutOfRange).toContain(String(POINT_X_MAX));
    expect(t.refusal.pointOutOfRange).toContain(POINT_Y_MAX.toLocaleString('en'));
    expect(t.paste.tooLong).toContain('1,000');
    for (const key of ['points', 'noise', 'holdout'] as const) expect(t[key]).toMatch(/\S/);
  });
});
