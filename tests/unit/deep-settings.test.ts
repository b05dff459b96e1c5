/** Deep-demo settings ⇄ URL: strict parsing with refusals, round trips, other keys untouched. */
import { describe, expect, it } from 'vitest';
import { DEEP_DEFAULTS, parseDeepSettings, serializeDeepSettings, toDeepConfig, writeDeepSettings } from '../../src/labs/deep/settings';

describe('parseDeepSettings', () => {
  it('gives the defaults for an empty query and reads good values', () => {
    expect(parseDeepSettings('')).toEqual({ settings: { ...DEEP_DEFAULTS, activations: [...DEEP_DEFAULTS.activations] }, refused: [] });
    const { settings, refused } = parseDeepSettings('layers=3&width=16&dlr=0.003&depochs=50&dacts=relu,elu');
    expect(refused).toEqual([]);
    expect(settings).toEqual({ layers: 3, width: 16, lr: 0.003, epochs: 50, activations: ['relu', 'elu'] });
  });

  /** Refused values per parameter, each with the reason it is refused. */
  const refusals: Record<string, [value: string, reason: string][]> = {
    layers: [['', 'notANumber'], ['NaN', 'notANumber'], ['-1', 'outOfRange'], ['0', 'outOfRange'], ['9', 'outOfRange'], ['2.5', 'notAnInteger'], ['0x10', 'notANumber']],
    width: [['1e309', 'outOfRange'], ['33', 'outOfRange'], ['８', 'notANumber'], [' 8', 'notANumber']],
    dlr: [['0', 'outOfRange'], ['-0.01', 'outOfRange'], ['Infinity', 'notANumber'], ['1e7', 'outOfRange']],
    depochs: [['<script>alert(1)</script>', 'notANumber'], ['9'.repeat(10_000), 'notANumber']],
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
  it.each(Object.entries(refusals).flatMap(([param, cases]) => cases.map(([value, reason]) => [param, value, reason])))('refuses %s=%j (%s) and keeps the default', (param, value, reason) => {
    const { settings, refused } = parseDeepSettings(new URLSearchParams([[param, value]]));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.param).toBe(param);
    expect(refused[0]!.reason).toBe(reason);
    expect([...refused[0]!.value].length).toBeLessThanOrEqual(41);
    expect(settings).toEqual({ ...DEEP_DEFAULTS, activations: [...DEEP_DEFAULTS.activations] });
  });

  it('keeps good values next to refused ones', () => {
    const { settings, refused } = parseDeepSettings('layers=abc&width=4&dacts=tanh');
    expect(refused.map((r) => r.param)).toEqual(['layers']);
    expect(settings.layers).toBe(DEEP_DEFAULTS.layers);
    expect(settings.width).toBe(4);
    expect(settings.activations).toEqual(['tanh']);
  });

  it('gives the allowed range for out-of-range numbers', () => {
    expect(parseDeepSettings('layers=12').refused[0]!.detail).toBe('1–8');
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
    const params = new URLSearchParams('activation=relu&hidden=3&layers=2');
    writeDeepSettings(DEEP_DEFAULTS, params);
    expect(params.get('activation')).toBe('relu');
    expect(params.get('hidden')).toBe('3');
    expect(params.get('layers')).toBe('6');
  });

  it('builds the engine config: one network per activation, shared seed, Keras batch', () => {
    const c = toDeepConfig(DEEP_DEFAULTS);
    expect(c.networks.map((n) => n.activation)).toEqual(['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    expect(c.batchSize).toBe(32);
    expect(c.layers).toBe(6);
  });
});
