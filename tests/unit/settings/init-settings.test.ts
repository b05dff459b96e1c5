/** InitLab settings ⇄ URL: strict parsing with named refusals, other demos' parameters left alone, round trips. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INIT_LAB,
  initLabChunks,
  parseInitLab,
  writeInitLab,
  type InitLabSettings,
} from '../../../src/labs/init/settings';

const training = { hidden: 2, lr: 0.04, epochs: 300, batchSize: 32 };

describe('InitLab settings', () => {
  it('defaults to Keras’ initialisation, ReLU and 200 seeds, and ignores other demos’ parameters', () => {
    const { settings, refused } = parseInitLab('?dlayers=4&activation=tanh&seed=3');
    expect(settings).toEqual({ init: { kernel: 'glorot_uniform', hiddenBias: 0 }, activation: 'relu', seeds: 200 });
    expect(refused).toEqual([]);
  });

  it('reads every parameter', () => {
    const { settings, refused } = parseInitLab('ikernel=he&ibias=0.1&iact=leaky_relu&iseeds=50');
    expect(settings).toEqual({ init: { kernel: 'he_uniform', hiddenBias: 0.1 }, activation: 'leaky_relu', seeds: 50 });
    expect(refused).toEqual([]);
    expect(parseInitLab('ikernel=zeros&ibias=-1&iseeds=1000').settings).toMatchObject({
      init: { kernel: 'zeros', hiddenBias: -1 },
      seeds: 1000,
    });
    expect(Object.is(parseInitLab('ibias=-0').settings.init.hiddenBias, 0)).toBe(true);
  });

  const long = '9'.repeat(10_000);
  it.each([
    ['ikernel', '', 'unknownChoice'],
    ['ikernel', 'glorot_uniform', 'unknownChoice'],
    ['ikernel', 'HE', 'unknownChoice'],
    ['ikernel', 'toString', 'unknownChoice'],
    ['ikernel', '<script>alert(1)</script>', 'unknownChoice'],
    ['iact', 'tanh', 'unknownChoice'],
    ['iact', 'rélu', 'unknownChoice'],
    ['ibias', '', 'notANumber'],
    ['ibias', 'NaN', 'notANumber'],
    ['ibias', '0x10', 'notANumber'],
    ['ibias', '1e309', 'outOfRange'],
    ['ibias', '-1.5', 'outOfRange'],
    ['ibias', ' 0.1', 'notANumber'],
    ['ibias', '٠٫١', 'notANumber'],
    ['ibias', long, 'notANumber'],
    ['iseeds', '', 'notANumber'],
    ['iseeds', 'NaN', 'notANumber'],
    ['iseeds', '-1', 'outOfRange'],
    ['iseeds', '49', 'outOfRange'],
    ['iseeds', '1001', 'outOfRange'],
    ['iseeds', '1e309', 'outOfRange'],
    ['iseeds', '0x10', 'notANumber'],
    ['iseeds', '100.5', 'notAnInteger'],
    ['iseeds', '１００', 'notANumber'],
    ['iseeds', '<script>', 'notANumber'],
    ['iseeds', long, 'notANumber'],
  ])('refuses %s=%j (%s), keeping the default', (param, value, reason) => {
    const { settings, refused } = parseInitLab(new URLSearchParams([[param, value]]));
    expect(settings).toEqual(DEFAULT_INIT_LAB);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ param, reason });
    expect([...refused[0]!.value].length).toBeLessThanOrEqual(41);
  });

  it('keeps the good parameters when others are refused', () => {
    const { settings, refused } = parseInitLab('ikernel=he&ibias=abc&iact=sigmoid&iseeds=-1');
    expect(settings).toEqual({
      ...DEFAULT_INIT_LAB,
      init: { kernel: 'he_uniform', hiddenBias: 0 },
      activation: 'sigmoid',
    });
    expect(refused.map((r) => r.param)).toEqual(['ibias', 'iseeds']);
  });

  it('reads the older unprefixed init and bias, refusing under the current names and writing those in place', () => {
    expect(parseInitLab('init=he&bias=0.1').settings.init).toEqual({ kernel: 'he_uniform', hiddenBias: 0.1 });
    expect(parseInitLab('init=lecun&bias=2').refused.map((r) => r.param)).toEqual(['ikernel', 'ibias']);
    const s: InitLabSettings = { init: { kernel: 'zeros', hiddenBias: 0.1 }, activation: 'relu', seeds: 200 };
    expect(writeInitLab('a=1&init=zeros&b=2&bias=0.1', s)).toBe('a=1&ikernel=zeros&b=2&ibias=0.1');
  });

  it('writes only its own, non-default parameters and round-trips', () => {
    expect(writeInitLab('dlayers=4', DEFAULT_INIT_LAB)).toBe('dlayers=4');
    expect(writeInitLab('ikernel=nope&dlayers=4&ibias=x', DEFAULT_INIT_LAB)).toBe('dlayers=4');
    const s: InitLabSettings = { init: { kernel: 'zeros', hiddenBias: 0.25 }, activation: 'sigmoid', seeds: 75 };
    const q = writeInitLab('activation=tanh', s);
    expect(new URLSearchParams(q).get('activation')).toBe('tanh');
    expect(parseInitLab(q)).toEqual({ settings: s, refused: [] });
  });

  it('plans the seed experiment for seeds 0…n−1 with the chosen scheme in every config', () => {
    const s: InitLabSettings = { init: { kernel: 'he_uniform', hiddenBias: 0.1 }, activation: 'relu', seeds: 450 };
    const configs = initLabChunks(s, training).flat();
    expect(configs.map((c) => c.seed)).toEqual(Array.from({ length: 450 }, (_, i) => i));
    for (const c of configs)
      expect(c).toEqual({ activation: 'relu', activationParams: {}, ...training, seed: c.seed, init: s.init });
    expect(configs[0]!.init).not.toBe(s.init);
  });
});
