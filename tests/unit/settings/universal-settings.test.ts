import { describe, expect, it } from 'vitest';
import { encodeShape, presetControls, quantize } from '../../../src/core/data/drawn-target';
import {
  DEFAULT_UNIVERSAL,
  defaultUniversal,
  parseUniversalSettings,
  serializeUniversalSettings,
  shapeParam,
  writeUniversalSettings,
  universalTrainConfig,
} from '../../../src/labs/universal/settings';

describe('universal settings ⇄ URL', () => {
  it('an empty query gives the defaults, nothing refused', () => {
    expect(parseUniversalSettings('')).toEqual({ settings: defaultUniversal(), refused: [] });
    expect(serializeUniversalSettings(defaultUniversal())).toBe(
      `uunits=12&uact=relu&ushape=${DEFAULT_UNIVERSAL.shape}`,
    );
  });

  it('reads good values, presets by name and drawn shapes by code', () => {
    const drawn = presetControls('cos').map((v, k) => (k === 3 ? 2.5 : v));
    const code = encodeShape(drawn);
    const { settings, refused } = parseUniversalSettings(`uunits=32&uact=sigmoid&ushape=${code}&uepochs=60&useeds=1`);
    expect(refused).toEqual([]);
    expect(settings.units).toBe(32);
    expect(settings.activation).toBe('sigmoid');
    expect(encodeShape(settings.shape)).toBe(code);
    expect(settings.epochs).toBe(60);
    expect(settings.seeds).toBe(1);
    expect(parseUniversalSettings('ushape=zigzag').settings.shape).toEqual(presetControls('zigzag'));
  });

  it('round-trips: parse(serialize(s)) = s, presets keep their short names', () => {
    const drawn = presetControls('step').map((v, k) => (k % 5 === 0 ? quantize(-0.5) : v));
    for (const s of [
      defaultUniversal(),
      { ...defaultUniversal(), units: 3, activation: 'tanh' as const, shape: drawn, epochs: 200, seeds: 2 },
    ]) {
      const q = serializeUniversalSettings(s);
      expect(parseUniversalSettings(q)).toEqual({ settings: s, refused: [] });
    }
    expect(shapeParam(presetControls('zigzag'))).toBe('zigzag');
    expect(shapeParam(presetControls('step').map((v, k) => (k === 0 ? 1 : v)))).toHaveLength(50);
  });

  it('refuses bad values one by one, naming parameter, value and reason, and keeps the defaults', () => {
    const cases: Array<[string, { param: string; value: string; reason: string; detail?: string }]> = [
      ['uunits=0', { param: 'uunits', value: '0', reason: 'outOfRange', detail: '1–32' }],
      ['uunits=33', { param: 'uunits', value: '33', reason: 'outOfRange', detail: '1–32' }],
      ['uunits=2.5', { param: 'uunits', value: '2.5', reason: 'notAnInteger' }],
      ['uunits=abc', { param: 'uunits', value: 'abc', reason: 'notANumber' }],
      ['uunits=', { param: 'uunits', value: '', reason: 'notANumber' }],
      ['uunits=0x10', { param: 'uunits', value: '0x10', reason: 'notANumber' }],
      ['uunits=NaN', { param: 'uunits', value: 'NaN', reason: 'notANumber' }],
      ['uunits=１２', { param: 'uunits', value: '１２', reason: 'notANumber' }],
      ['uact=softmax', { param: 'uact', value: 'softmax', reason: 'unknownChoice' }],
      ['uact=<script>', { param: 'uact', value: '<script>', reason: 'unknownChoice' }],
      ['ushape=', { param: 'ushape', value: '', reason: 'empty' }],
      ['ushape=NaN', { param: 'ushape', value: 'NaN', reason: 'badLength' }],
      [
        'ushape=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
        { param: 'ushape', value: '<script>alert(1)</script>', reason: 'badLength' },
      ],
      [`ushape=${'é'.repeat(50)}`, { param: 'ushape', value: 'é'.repeat(40) + '…', reason: 'badCharacter' }],
      ['uepochs=1e9', { param: 'uepochs', value: '1e9', reason: 'outOfRange', detail: '10–5000' }],
      ['useeds=-1', { param: 'useeds', value: '-1', reason: 'outOfRange', detail: '1–8' }],
    ];
    for (const [query, refusal] of cases) {
      const { settings, refused } = parseUniversalSettings(query);
      expect(refused, query).toEqual([refusal]);
      expect(settings, query).toEqual(defaultUniversal());
    }
  });

  it('a 10,000-character shape is refused and shown shortened', () => {
    const { refused } = parseUniversalSettings(`ushape=${'a'.repeat(10_000)}`);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBe('badLength');
    expect(refused[0]!.value.length).toBeLessThanOrEqual(41);
  });

  it('good values survive next to bad ones', () => {
    const { settings, refused } = parseUniversalSettings('uunits=4&uact=nope&ushape=step&useeds=99');
    expect(settings.units).toBe(4);
    expect(settings.activation).toBe(DEFAULT_UNIVERSAL.activation);
    expect(settings.shape).toEqual(presetControls('step'));
    expect(refused.map((r) => r.param).sort()).toEqual(['uact', 'useeds']);
  });

  it('reads the older unprefixed units and shape, and writes them under their current keys in their places', () => {
    const { settings, refused } = parseUniversalSettings('units=5&shape=cos');
    expect(refused).toEqual([]);
    expect([settings.units, settings.shape]).toEqual([5, presetControls('cos')]);
    expect(parseUniversalSettings('units=0').refused.map((r) => r.param)).toEqual(['uunits']);
    expect(writeUniversalSettings(settings, 'a=1&units=5&b=2&shape=cos')).toBe('a=1&uunits=5&b=2&ushape=cos&uact=relu');
  });

  it('turns settings into an engine configuration', () => {
    expect(universalTrainConfig({ activation: 'sigmoid', epochs: 100 }, 12, 2)).toEqual({
      activation: 'sigmoid',
      activationParams: {},
      hidden: 12,
      lr: 0.04,
      epochs: 100,
      batchSize: 32,
      seed: 2,
    });
  });
});
