/** Deep-demo settings ⇄ URL: strict parsing with refusals, round trips, other keys untouched. */
import { describe, expect, it } from 'vitest';
import {
  DEEP_DEFAULTS,
  parseDeepSettings,
  serializeDeepSettings,
  toDeepConfig,
  writeDeepSettings,
} from '../../../src/labs/deep/settings';

describe('parseDeepSettings', () => {
  it('gives the defaults for an empty query and reads good values', () => {
    expect(parseDeepSettings('')).toEqual({
      settings: { ...DEEP_DEFAULTS, activations: [...DEEP_DEFAULTS.activations] },
      refused: [],
    });
    const { settings, refused } = parseDeepSettings('dlayers=3&dwidth=16&dlr=0.003&depochs=50&dacts=relu,elu');
    expect(refused).toEqual([]);
    expect(settings).toEqual({ layers: 3, width: 16, lr: 0.003, epochs: 50, activations: ['relu', 'elu'] });
  });

  /** Refused values per parameter, each with the reason it is refused. */
  const refusals: Record<string, [value: string, reason: string][]> = {
    dlayers: [
      ['', 'notANumber'],
      ['NaN', 'notANumber'],
      ['-1', 'outOfRange'],
      ['0', 'outOfRange'],
      ['9', 'outOfRange'],
      ['2.5', 'notAnInteger'],
      ['0x10', 'notANumber'],
    ],
    dwidth: [
      ['1e309', 'outOfRange'],
      ['33', 'outOfRange'],
      ['８', 'notANumber'],
      [' 8', 'notANumber'],
    ],
    dlr: [
      ['0', 'outOfRange'],
      ['-0.01', 'outOfRange'],
      ['Infinity', 'notANumber'],
      ['1e7', 'outOfRange'],
    ],
    depochs: [
      ['<script>alert(1)</script>', 'notANumber'],
      ['9'.repeat(10_000), 'notANumber'],
    ],
    dacts: [
      ['', 'emptyList'],
      [',,', 'emptyList'],
      ['relu,softmax', 'unknownChoice'],
      ['relu,RELU', 'unknownChoice'],
      ['relu,relu', 'repeatedChoice'],
      ['<script>alert(1)</script>', 'unknownChoice'],
      ['sigmoid,'.repeat(2000), 'unknownChoice'],
      ['relu,tanh,', 'unknownChoice'],
      ['rélu', 'unknownChoice'],
    ],
  };
  it.each(Object.entries(refusals).flatMap(([param, cases]) => cases.map(([value, reason]) => [param, value, reason])))(
    'refuses %s=%j (%s) and keeps the default',
    (param, value, reason) => {
      const { settings, refused } = parseDeepSettings(new URLSearchParams([[param, value]]));
      expect(refused).toHaveLength(1);
      expect(refused[0]!.param).toBe(param);
      expect(refused[0]!.reason).toBe(reason);
      expect([...refused[0]!.value].length).toBeLessThanOrEqual(41);
      expect(settings).toEqual({ ...DEEP_DEFAULTS, activations: [...DEEP_DEFAULTS.activations] });
    },
  );

  it('keeps good values next to refused ones', () => {
    const { settings, refused } = parseDeepSettings('dlayers=abc&dwidth=4&dacts=tanh');
    expect(refused.map((r) => r.param)).toEqual(['dlayers']);
    expect(settings.layers).toBe(DEEP_DEFAULTS.layers);
    expect(settings.width).toBe(4);
    expect(settings.activations).toEqual(['tanh']);
  });

  it('gives the allowed range for out-of-range numbers', () => {
    expect(parseDeepSettings('dlayers=12').refused[0]!.detail).toBe('1–8');
  });
});

describe('serialization', () => {
  it('round-trips', () => {
    const s = { layers: 2, width: 32, lr: 0.5, epochs: 7, activations: ['gelu', 'sigmoid'] as const };
    const back = parseDeepSettings(serializeDeepSettings({ ...s, activations: [...s.activations] }));
    expect(back.refused).toEqual([]);
    expect(back.settings).toEqual({ ...s, activations: [...s.activations] });
  });

  it('leaves other demos’ keys alone', () => {
    const params = new URLSearchParams('activation=relu&dlayers=2&hidden=3');
    writeDeepSettings(DEEP_DEFAULTS, params);
    expect(params.get('activation')).toBe('relu');
    expect(params.get('hidden')).toBe('3');
    expect([...params.keys()].slice(0, 3)).toEqual(['activation', 'dlayers', 'hidden']); // in its place
    expect(params.get('dlayers')).toBe('6');
  });

  it('reads the older unprefixed layers and width, and writes them under their current keys in their places', () => {
    const { settings, refused } = parseDeepSettings('layers=3&width=16');
    expect(refused).toEqual([]);
    expect([settings.layers, settings.width]).toEqual([3, 16]);
    expect(parseDeepSettings('layers=abc').refused.map((r) => r.param)).toEqual(['dlayers']);
    const params = writeDeepSettings(settings, new URLSearchParams('a=1&layers=3&width=16&b=2'));
    expect(params.toString()).toBe(
      'a=1&dlayers=3&dwidth=16&b=2&dlr=0.01&depochs=200&dacts=sigmoid%2Ctanh%2Crelu%2Cleaky_relu',
    );
  });

  it('builds the engine config: one network per activation, shared seed, Keras batch', () => {
    const c = toDeepConfig(DEEP_DEFAULTS);
    expect(c.networks.map((n) => n.activation)).toEqual(['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    expect(c.batchSize).toBe(32);
    expect(c.layers).toBe(6);
  });
});
