import { describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATION_IDS } from '../../../src/core/activations/types';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  parseStrictNumber,
  RANGES,
  serializeSettings,
  toTrainConfig,
  type FitLabSettings,
} from '../../../src/core/settings/fit-lab';

describe('settings ⇄ URL', () => {
  it('defaults are the seed experiment', () => {
    expect(toTrainConfig(DEFAULT_SETTINGS)).toEqual({
      activation: 'sigmoid',
      activationParams: {},
      hidden: 2,
      lr: 0.04,
      epochs: 300,
      batchSize: 32,
      seed: 0,
    });
    expect(DEFAULT_SETTINGS.target).toBe('cos');
  });

  it('an empty query gives the defaults with nothing refused', () => {
    expect(parseSettings('')).toEqual({ settings: DEFAULT_SETTINGS, refused: [] });
  });

  it('reads the example URL from the issue', () => {
    const { settings, refused } = parseSettings(
      '?activation=relu&hidden=2&seed=7&lr=0.04&epochs=300&batch=32&target=cos',
    );
    expect(refused).toEqual([]);
    expect(settings).toMatchObject({
      activation: 'relu',
      hidden: 2,
      seed: 7,
      lr: 0.04,
      epochs: 300,
      batch: 32,
      target: 'cos',
    });
  });

  it('round-trips: parse(serialize(s)) = s for varied settings', () => {
    const cases: FitLabSettings[] = [
      { ...DEFAULT_SETTINGS },
      {
        ...DEFAULT_SETTINGS,
        activation: 'leaky_relu',
        activationParams: { alpha: 0.05 },
        hidden: 8,
        lr: 0.001,
        seed: 12345,
      },
      {
        ...DEFAULT_SETTINGS,
        activation: 'swish',
        activationParams: { beta: 2.5 },
        target: 'expr:sin(x)+x^2/10',
        speed: 'instant',
      },
      { ...DEFAULT_SETTINGS, activation: 'relu', target: 'saw', epochs: 5000, batch: 1, lr: 1e6 },
    ];
    for (const s of cases) {
      const query = serializeSettings(s);
      const back = parseSettings(query);
      expect(back.refused).toEqual([]);
      expect(back.settings).toEqual(s);
      expect(serializeSettings(back.settings)).toBe(query);
    }
  });

  it('every hidden-layer activation is accepted, softmax is not', () => {
    for (const id of HIDDEN_ACTIVATION_IDS) expect(parseSettings(`activation=${id}`).settings.activation).toBe(id);
    const { settings, refused } = parseSettings('activation=softmax');
    expect(settings.activation).toBe(DEFAULT_SETTINGS.activation);
    expect(refused).toEqual([{ param: 'activation', value: 'softmax', reason: 'unknownChoice' }]);
  });

  it('refuses lr=abc and hidden=99, names them, and keeps the defaults', () => {
    const { settings, refused } = parseSettings('lr=abc&hidden=99&seed=3');
    expect(settings.lr).toBe(DEFAULT_SETTINGS.lr);
    expect(settings.hidden).toBe(DEFAULT_SETTINGS.hidden);
    expect(settings.seed).toBe(3);
    expect(refused).toEqual([
      { param: 'hidden', value: '99', reason: 'outOfRange', detail: '1–8' },
      { param: 'lr', value: 'abc', reason: 'notANumber' },
    ]);
  });

  it('number parsing is strict against hostile values', () => {
    const bad = [
      '',
      ' ',
      'NaN',
      'Infinity',
      '0x10',
      '1e309',
      '-1',
      '+1',
      '1,5',
      '1 ',
      '٣',
      '３',
      '<script>',
      '9'.repeat(10_000),
      '1.5.2',
      'e5',
    ];
    for (const text of bad) {
      const r = parseStrictNumber(text, RANGES.hidden);
      expect(r.ok, `accepted ${JSON.stringify(text.slice(0, 20))}`).toBe(false);
    }
    expect(parseStrictNumber('2.5', RANGES.hidden)).toMatchObject({ ok: false, reason: 'notAnInteger' });
    expect(parseStrictNumber('0', RANGES.lr)).toMatchObject({ ok: false, reason: 'outOfRange' });
    expect(parseStrictNumber('-0.01', RANGES.lr)).toMatchObject({ ok: false, reason: 'outOfRange' });
    expect(parseStrictNumber('1e6', RANGES.lr)).toEqual({ ok: true, value: 1e6 });
    expect(parseStrictNumber('.5', RANGES.lr)).toEqual({ ok: true, value: 0.5 });
    expect(parseStrictNumber('-0', RANGES.seed)).toEqual({ ok: true, value: 0 });
  });

  it('hostile values in every parameter fall back to defaults, each reported once, shortened', () => {
    const params = ['activation', 'hidden', 'lr', 'epochs', 'batch', 'seed', 'target', 'speed'];
    for (const bad of ['', 'NaN', '-1', '1e309', '0x10', 'x'.repeat(10_000), '<script>alert(1)</script>', '١٢']) {
      // "-1" is a fine constant target expression, so it is not hostile there.
      const hit = bad === '-1' ? params.filter((p) => p !== 'target') : params;
      const q = new URLSearchParams();
      for (const p of hit) q.set(p, bad);
      const { settings, refused } = parseSettings(q);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(refused.map((r) => r.param).sort()).toEqual([...hit].sort());
      for (const r of refused) expect([...r.value].length).toBeLessThanOrEqual(41);
    }
  });

  it('a bad custom target is refused with the parser code; a good one is kept', () => {
    expect(parseSettings('target=expr:alert(1)').refused).toEqual([
      {
        param: 'target',
        value: 'expr:alert(1)',
        reason: 'badExpression',
        detail: 'unknownFunction',
        error: { code: 'unknownFunction', pos: 0, detail: 'alert' },
      },
    ]);
    expect(parseSettings('target=expr:constructor').refused[0]).toMatchObject({ detail: 'unknownName' });
    expect(parseSettings('target=' + encodeURIComponent('expr:sin(x)+x^2/10')).settings.target).toBe(
      'expr:sin(x)+x^2/10',
    );
  });

  it('alpha only applies to activations that have it', () => {
    expect(parseSettings('activation=leaky_relu&alpha=0.1').settings.activationParams).toEqual({ alpha: 0.1 });
    expect(parseSettings('activation=leaky_relu&alpha=5').refused[0]).toMatchObject({
      param: 'alpha',
      reason: 'outOfRange',
    });
    expect(parseSettings('activation=relu&alpha=0.1').refused[0]).toMatchObject({
      param: 'alpha',
      reason: 'notForActivation',
    });
  });
});
