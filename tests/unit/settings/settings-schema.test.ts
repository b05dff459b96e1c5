/** The settings machinery: one number grammar, ranges, choices, lists, reading and writing an address, flags. */
import { describe, expect, it } from 'vitest';
import { flagHelp, parseFlags, UsageError } from '../../../src/core/settings/flags';
import { FIT_LAB, parseSettings, serializeSettings } from '../../../src/core/settings/fit-lab';
import { choice, defineSchema, field, flag, integer, list, number } from '../../../src/core/settings/schema';
import { seedList, seedSpan } from '../../../src/core/settings/seeds';
import { DEEP, parseDeepSettings, serializeDeepSettings } from '../../../src/labs/deep/settings';
import { INIT_LAB, parseInitLab, writeInitLab } from '../../../src/labs/init/settings';
import { parseUniversalSettings, serializeUniversalSettings, UNIVERSAL } from '../../../src/labs/universal/settings';

const wide = number({ min: -1e9, max: 1e9 });

describe('the number grammar', () => {
  it.each([
    ['0.04', 0.04],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['4e-2', 0.04],
    ['-1', -1],
    ['007', 7],
  ])('reads %j as %d', (text, value) => {
    expect(wide.parse(text)).toEqual({ ok: true, value });
  });

  it('reads -0 as 0, never as −0', () => {
    const r = wide.parse('-0');
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });

  it.each([
    '',
    ' ',
    ' 3',
    '3 ',
    '\t3',
    '0x10',
    '0X10',
    '0b1',
    '0o7',
    'Infinity',
    '-Infinity',
    'NaN',
    '1_000',
    '1,5',
    '+1',
    '1.5.2',
    'e5',
    '1e',
    '-',
    '.',
    '١٢',
    '３',
    '<script>',
    'toString',
    '9'.repeat(33),
  ])('refuses %j as not a number', (text) => {
    expect(wide.parse(text)).toEqual({ ok: false, reason: 'notANumber' });
  });

  it('calls a number too large to be finite out of range, with the range', () => {
    expect(wide.parse('1e309')).toEqual({ ok: false, reason: 'outOfRange', detail: '-1000000000–1000000000' });
  });
});

describe('ranges and whole numbers', () => {
  const hidden = integer(1, 8);
  it('takes whole numbers in any notation of the grammar', () => {
    expect(hidden.parse('2.0')).toEqual({ ok: true, value: 2 });
    expect(hidden.parse('0.8e1')).toEqual({ ok: true, value: 8 });
    expect(hidden.parse('2.5')).toEqual({ ok: false, reason: 'notAnInteger' });
  });

  it('includes both ends unless the minimum is excluded', () => {
    expect(hidden.parse('1')).toMatchObject({ ok: true });
    expect(hidden.parse('8')).toMatchObject({ ok: true });
    expect(hidden.parse('9')).toEqual({ ok: false, reason: 'outOfRange', detail: '1–8' });
    expect(hidden.parse('0')).toEqual({ ok: false, reason: 'outOfRange', detail: '1–8' });
    const lr = number({ min: 0, max: 1, minInclusive: false });
    expect(lr.parse('0')).toMatchObject({ ok: false, reason: 'outOfRange' });
    expect(lr.parse('-0')).toMatchObject({ ok: false, reason: 'outOfRange' });
    expect(lr.parse('1e-300')).toEqual({ ok: true, value: 1e-300 });
    expect(lr.parse('1')).toEqual({ ok: true, value: 1 });
  });

  it('says what is allowed in words', () => {
    expect(hidden.allowed).toBe('a whole number from 1 to 8');
    expect(number({ min: 0, max: 5, minInclusive: false }).allowed).toBe('a number above 0 and at most 5');
  });
});

describe('choices and lists', () => {
  const kind = choice(['zeros', 'glorot_uniform'], (v) => (v === 'zeros' ? 'zeros' : 'glorot'));
  it('reads a choice by its text only, never through inherited keys', () => {
    expect(kind.parse('glorot')).toEqual({ ok: true, value: 'glorot_uniform' });
    for (const text of ['glorot_uniform', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'Zeros', '']) {
      expect(kind.parse(text), text).toEqual({ ok: false, reason: 'unknownChoice' });
    }
    expect(kind.format('glorot_uniform')).toBe('glorot');
  });

  const items = list(['a', 'b', 'c']);
  it('reads a list of distinct known items, naming the one at fault', () => {
    expect(items.parse('c,a')).toEqual({ ok: true, value: ['c', 'a'] });
    expect(items.parse('')).toEqual({ ok: false, reason: 'emptyList' });
    expect(items.parse(',,')).toEqual({ ok: false, reason: 'emptyList' });
    expect(items.parse('a,toString')).toEqual({ ok: false, reason: 'unknownChoice', detail: 'toString' });
    expect(items.parse('a,')).toEqual({ ok: false, reason: 'unknownChoice', detail: '' });
    expect(items.parse('b,b')).toEqual({ ok: false, reason: 'repeatedChoice', detail: 'b' });
    expect(items.parse('a,'.repeat(200))).toMatchObject({ ok: false, reason: 'unknownChoice' });
    expect(items.format(['b', 'a'])).toBe('b,a');
  });

  it('reads seed lists and spans with the seed range', () => {
    expect(seedList.parse('0-3,7')).toEqual({ ok: true, value: [0, 1, 2, 3, 7] });
    expect(seedList.format([0, 1, 2, 3, 7, 9, 10])).toBe('0-3,7,9-10');
    expect(seedList.parse('2147483648')).toMatchObject({ ok: false, reason: 'outOfRange' });
    for (const bad of ['5-2', '', '1,,2', '-1', '1e3', '0x1', ' 1', '0-100000'])
      expect(seedList.parse(bad).ok, bad).toBe(false);
    expect(seedSpan.parse('0-999')).toEqual({ ok: true, value: { from: 0, to: 999 } });
    for (const bad of ['7', '0-3,7', '3-1']) expect(seedSpan.parse(bad).ok, bad).toBe(false);
  });
});

/** A small declaration exercising every feature: always-written fields, a dependent field, resets, a flag. */
const TOY = defineSchema({
  mode: field('mode', choice(['plain', 'scaled']), 'plain', { always: true, resets: ['scale'] }),
  count: field('n', integer(1, 8), 2),
  scale: field<number | undefined, 'notANumber' | 'notAnInteger' | 'outOfRange' | 'notForActivation', 'scale'>(
    'scale',
    number({ min: 0, max: 1 }),
    undefined,
    {
      dependsOn: 'mode',
      typeFor: (mode) => (mode === 'scaled' ? number({ min: 0, max: 1 }) : null),
    },
  ),
  tags: field('tags', list(['x', 'y']), ['x']),
  verbose: field('verbose', flag, false),
});

describe('a declaration', () => {
  it('reads an address in declaration order, reports each refusal once, shortened, and keeps the rest', () => {
    const { values, refused } = TOY.parse(`tags=z&n=${'9'.repeat(100)}&mode=plain&scale=0.5&other=1`);
    expect(values).toEqual(TOY.defaults());
    expect(refused).toEqual([
      { param: 'n', value: '9'.repeat(40) + '…', reason: 'notANumber' },
      { param: 'scale', value: '0.5', reason: 'notForActivation', detail: 'plain' },
      { param: 'tags', value: 'z', reason: 'unknownChoice', detail: 'z' },
    ]);
  });

  it('reads a dependent setting after the one it depends on, whatever the order in the address', () => {
    expect(TOY.parse('scale=0.5&mode=scaled')).toEqual({
      values: { ...TOY.defaults(), mode: 'scaled', scale: 0.5 },
      refused: [],
    });
    expect(TOY.parse('mode=scaled&scale=2').refused).toEqual([
      { param: 'scale', value: '2', reason: 'outOfRange', detail: '0–1' },
    ]);
  });

  it('resets what depends on a setting when it changes, not when it is set again', () => {
    const base = { ...TOY.defaults(), mode: 'scaled' as const, scale: 0.3 };
    expect(TOY.parse('mode=plain', base).values.scale).toBeUndefined();
    expect(TOY.parse('mode=scaled', base).values.scale).toBe(0.3);
  });

  it('never edits its base or its defaults', () => {
    const base = TOY.defaults();
    const { values } = TOY.parse('n=3', base);
    values.tags.push('y');
    expect(base).toEqual({ mode: 'plain', count: 2, scale: undefined, tags: ['x'], verbose: false });
    expect(TOY.defaults().tags).toEqual(['x']);
  });

  it('checks one form value in the context of the others', () => {
    expect(TOY.validate('count', '3')).toEqual({ ok: true, value: 3 });
    expect(TOY.validate('count', 'x')).toEqual({
      ok: false,
      refusal: { param: 'n', value: 'x', reason: 'notANumber' },
    });
    expect(TOY.validate('scale', '0.2', { ...TOY.defaults(), mode: 'scaled' })).toEqual({ ok: true, value: 0.2 });
    expect(TOY.validate('scale', '0.2')).toMatchObject({ ok: false, refusal: { reason: 'notForActivation' } });
  });

  it('writes its own parameters in declaration order, defaults left out unless always, others kept in place', () => {
    const values = { ...TOY.defaults(), count: 5, tags: ['y', 'x'] as ('x' | 'y')[] };
    expect(TOY.write(values).toString()).toBe('mode=plain&n=5&tags=y%2Cx');
    expect(TOY.write(TOY.defaults(), 'a=1&n=bad&mode=scaled&tags=zz&b=2').toString()).toBe('a=1&mode=plain&b=2');
    expect(TOY.write(values, 'tags=q&a=1&n=1').toString()).toBe('tags=y%2Cx&a=1&n=5&mode=plain');
    // Whatever order the address came in, a fresh write is the same string.
    expect(TOY.write(TOY.parse('tags=y%2Cx&n=5').values).toString()).toBe(
      TOY.write(TOY.parse('n=5&tags=y%2Cx').values).toString(),
    );
  });

  it('lists its parameter names', () => {
    expect(TOY.names).toEqual(['mode', 'n', 'scale', 'tags', 'verbose']);
  });
});

describe('aliases', () => {
  const RENAMED = defineSchema({
    size: field('xsize', integer(1, 9), 2, { aliases: ['size'] }),
    kind: field('xkind', choice(['a', 'b']), 'a', { aliases: ['kind', 'k'], always: true }),
  });

  it('reads an old name as the new one, the new name first when both are given', () => {
    expect(RENAMED.parse('size=4&k=b').values).toEqual({ size: 4, kind: 'b' });
    expect(RENAMED.parse('size=4&xsize=5').values.size).toBe(5);
    expect(RENAMED.parse('size=0').refused).toEqual([
      { param: 'xsize', value: '0', reason: 'outOfRange', detail: '1–9' },
    ]);
    expect(RENAMED.readNames).toEqual(['xsize', 'size', 'xkind', 'kind', 'k']);
    expect(RENAMED.names).toEqual(['xsize', 'xkind']);
  });

  it('writes the new name in the old one’s place and drops the other spellings', () => {
    const { values } = RENAMED.parse('a=1&size=4&b=2&kind=b&k=a');
    expect(RENAMED.write(values, 'a=1&size=4&b=2&kind=b&k=a').toString()).toBe('a=1&xsize=4&b=2&xkind=b');
    expect(RENAMED.write({ size: 2, kind: 'a' }, 'size=4&c=3').toString()).toBe('c=3&xkind=a');
  });
});

describe('flags from a declaration', () => {
  it('reads --name value pairs and bare switches with the address parser', () => {
    const { values, given } = parseFlags(TOY, ['--verbose', '--scale', '0.5', '--mode', 'scaled', '--n', '1e0']);
    expect(values).toEqual({ mode: 'scaled', count: 1, scale: 0.5, tags: ['x'], verbose: true });
    expect([...given].sort()).toEqual(['count', 'mode', 'scale', 'verbose']);
  });

  it.each([
    [['--n', '9'], '--n must be a whole number from 1 to 8, got "9"'],
    [
      ['--n', '0x1'],
      '--n must be a whole number from 1 to 8, written in decimal or exponent notation (no hex, Infinity or spaces), got "0x1"',
    ],
    [['--scale', '0.5'], '--scale does not apply to plain'],
    [['--tags', 'x,x'], '--tags must be a comma-separated list of distinct items of x, y, got "x,x" ("x")'],
    [['--mode'], '--mode needs a value'],
    [['--mode', '--n', '2'], '--mode needs a value'],
    [['--count', '2'], 'unknown option --count'],
    [['--toString', '2'], 'unknown option --toString'],
    [['n', '2'], 'unexpected argument "n"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseFlags(TOY, argv)).toThrow(UsageError);
    expect(() => parseFlags(TOY, argv)).toThrow(message);
  });

  it('lists each flag with its kind, what is allowed and its default', () => {
    expect(flagHelp(TOY).split('\n')).toEqual([
      '  --mode <choice>   one of plain, scaled; default plain',
      '  --n <integer>     a whole number from 1 to 8; default 2',
      '  --scale <number>  a number from 0 to 1',
      '  --tags <list>     a comma-separated list of distinct items of x, y; default x',
      '  --verbose',
    ]);
  });
});

describe('each lab: address → settings → address', () => {
  it('Fit Lab', () => {
    for (const q of [
      'activation=sigmoid&hidden=2&lr=0.04&epochs=300&batch=32&seed=0&target=cos',
      'activation=swish&hidden=3&lr=0.5&epochs=10&batch=4&seed=9&target=expr%3Asin%28x%29&speed=fast&beta=2',
      'activation=leaky_relu&hidden=8&lr=1000000&epochs=5000&batch=100&seed=2147483647&target=saw&alpha=0.05',
      'activation=relu&hidden=8&lr=0.04&epochs=300&batch=32&seed=3&target=cos&points=-1.5%2C2%3B0%2C1e-7&noise=0.1&holdout=0.5',
    ]) {
      const { settings, refused } = parseSettings(q);
      expect(refused, q).toEqual([]);
      expect(serializeSettings(settings)).toBe(q);
    }
    // Any spelling of the same settings comes back in the one canonical form.
    expect(
      serializeSettings(parseSettings('seed=-0&lr=4e-2&hidden=2.0&epochs=3e2&batch=32&activation=sigmoid').settings),
    ).toBe('activation=sigmoid&hidden=2&lr=0.04&epochs=300&batch=32&seed=0&target=cos');
    // A parameter at its activation's default, or of another activation, is left out.
    expect(
      serializeSettings({ ...parseSettings('').settings, activation: 'relu', activationParams: { alpha: 0.1 } }),
    ).not.toContain('alpha');
    expect(FIT_LAB.names).toEqual([
      'challenge',
      'activation',
      'hidden',
      'lr',
      'epochs',
      'batch',
      'seed',
      'target',
      'points',
      'noise',
      'holdout',
      'speed',
      'alpha',
      'beta',
    ]);
  });

  it('universal', () => {
    for (const q of ['uunits=12&uact=relu&ushape=cos', 'uunits=1&uact=tanh&ushape=zigzag&uepochs=10&useeds=8']) {
      const { settings, refused } = parseUniversalSettings(q);
      expect(refused, q).toEqual([]);
      expect(serializeUniversalSettings(settings)).toBe(q);
    }
    expect(UNIVERSAL.names).toEqual(['uunits', 'uact', 'ushape', 'uepochs', 'useeds']);
  });

  it('init', () => {
    for (const q of ['', 'ikernel=he&ibias=-0.5&iact=sigmoid&iseeds=1000', 'ibias=1e-1', 'dlayers=3&iact=leaky_relu']) {
      const { settings, refused } = parseInitLab(q);
      expect(refused, q).toEqual([]);
      expect(writeInitLab(q, settings)).toBe(q.replace('1e-1', '0.1'));
    }
    expect(INIT_LAB.names).toEqual(['ikernel', 'ibias', 'iact', 'iseeds']);
  });

  it('deep', () => {
    for (const q of [
      'dlayers=6&dwidth=8&dlr=0.01&depochs=200&dacts=sigmoid%2Ctanh%2Crelu%2Cleaky_relu',
      'dlayers=1&dwidth=32&dlr=1e-7&depochs=2000&dacts=gelu',
    ]) {
      const { settings, refused } = parseDeepSettings(q);
      expect(refused, q).toEqual([]);
      expect(serializeDeepSettings(settings)).toBe(q);
    }
    expect(DEEP.names).toEqual(['dlayers', 'dwidth', 'dlr', 'depochs', 'dacts']);
  });

  it('the /further/ labs share a page: each key carries its lab’s letter, no two labs read the same one', () => {
    const labs = { d: DEEP, i: INIT_LAB, u: UNIVERSAL };
    for (const [letter, lab] of Object.entries(labs)) for (const name of lab.names) expect(name[0], name).toBe(letter);
    const read = Object.values(labs).flatMap((lab) => lab.readNames);
    expect(new Set(read).size).toBe(read.length);
  });
});
