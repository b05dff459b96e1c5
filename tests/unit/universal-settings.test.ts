import { describe, expect, it } from 'vitest';
import { encodeShape, presetControls, quantize } from '../../src/core/data/drawn-target';
import {
  DEFAULT_UNIVERSAL,
  defaultUniversal,
  parseUniversalSettings,
  serializeUniversalSettings,
  shapeParam,
  universalTrainConfig,
} from '../../src/labs/universal/settings';

describe('universal settings ⇄ URL', () => {
  it('an empty query gives the defaults, nothing refused', () => {
    expect(parseUniversalSettings('')).toEqual({ settings: defaultUniversal(), refused: [] });
    expect(serializeUniversalSettings(defaultUniversal())).toBe(`units=12&uact=relu&shape=${DEFAULT_UNIVERSAL.shape}`);
  });

  it('reads good values, presets by name and drawn shapes by code', () => {
    const drawn = presetControls('cos').map((v, k) => (k === 3 ? 2.5 : v));
    const code = encodeShape(drawn);
    const { settings, refused } = parseUniversalSettings(`units=32&uact=sigmoid&shape=${code}&uepochs=60&useeds=1`);
    expect(refused).toEqual([]);
    expect(settings.units).toBe(32);
    expect(settings.activation).toBe('sigmoid');
    expect(encodeShape(settings.shape)).toBe(code);
    expect(settings.epochs).toBe(60);
    expect(settings.seeds).toBe(1);
    expect(parseUniversalSettings('shape=zigzag').settings.shape).toEqual(presetControls('zigzag'));
  });

  it('round-trips: parse(serialize(s)) = s, presets keep their short names', () => {
    const drawn = presetControls('step').map((v, k) => (k % 5 === 0 ? quantize(-0.5) : v));
    for (const s of [defaultUniversal(), { ...defaultUniversal(), units: 3, activation: 'tanh' as const, shape: drawn, epochs: 200, seeds: 2 }]) {
      const q = serializeUniversalSettings(s);
      expect(parseUniversalSettings(q)).toEqual({ settings: s, refused: [] });
    }
    expect(shapeParam(presetControls('zigzag'))).toBe('zigzag');
    expect(shapeParam(presetControls('step').map((v, k) => (k === 0 ? 1 : v)))).toHaveLength(50);
  });

  it('refuses bad values one by one, naming parameter, value and reason, and keeps the defaults', () => {
    const cases: Array<[string, { param: string; value: string; reason: string; detail?: string }]> = [
      ['units=0', { param: 'units', value: '0', reason: 'outOfRange', detail: '1–32' }],
      ['units=33', { param: 'units', value: '33', reason: 'outOfRange', detail: '1–32' }],
      ['units=2.5', { param: 'units', value: '2.5', reason: 'notAnInteger' }],
      ['units=abc', { param: 'units', value: 'abc', reason: 'notANumber' }],
      ['units=', { param: 'units', value: '', reason: 'notANumber' }],
      ['units=0x10', { param: 'units', value: '0x10', reason: 'notANumber' }],
      ['units=NaN', { param: 'units', value: 'NaN', reason: 'notANumber' }],
      ['units=１２', { param: 'units', value: '１２', reason: 'notANumber' }],
      ['uact=softmax', { param: 'uact', value: 'softmax', reason: 'unknownChoice' }],
      ['uact=<script>', { param: 'uact', value: '<script>', reason: 'unknownChoice' }],
      ['shape=', { param: 'shape', value: '', reason: 'empty' }],
      ['shape=NaN', { param: 'shape', value: 'NaN', reason: 'badLength' }],
      ['shape=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { param: 'shape', value: '<script>alert(1)</script>', reason: 'badLength' }],
      [`shape=${'é'.repeat(50)}`, { param: 'shape', value: 'é'.repeat(40) + '…', reason: 'badCharacter' }],
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
    const { refused } = parseUniversalSettings(`shape=${'a'.repeat(10_000)}`);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBe('badLength');
    expect(refused[0]!.value.length).toBeLessThanOrEqual(41);
  });

  it('good values survive next to bad ones', () => {
    const { settings, refused } = parseUniversalSettings('units=4&uact=nope&shape=step&useeds=99');
    expect(settings.units).toBe(4);
    expect(settings.activation).toBe(DEFAULT_UNIVERSAL.activation);
    expect(settings.shape).toEqual(presetControls('step'));
    expect(refused.map((r) => r.param).sort()).toEqual(['uact', 'useeds']);
  });

  it('turns settings into an engine configuration', () => {
    expect(universalTrainConfig({ activation: 'sigmoid', epochs: 100 }, 12, 2)).toEqual({ activation: 'sigmoid', activationParams: {}, hidden: 12, lr: 0.04, epochs: 100, batchSize: 32, seed: 2 });
  });
});
