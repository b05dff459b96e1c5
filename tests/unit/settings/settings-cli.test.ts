/** The experiment command line and the site's address accept and refuse exactly the same values, field by field. */
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_FLAGS, parseArgs, UsageError } from '../../../src/cli/experiment';
import { FIT_LAB, parseSettings } from '../../../src/core/settings/fit-lab';
import { INIT_LAB, parseInitLab } from '../../../src/labs/init/settings';

/** Values worth trying in every field: the grammar's edge cases, each range's ends, choices and impostors. */
const VALUES = [
  ...[
    '',
    ' 3',
    '3 ',
    '0x10',
    '0b1',
    '0o7',
    'Infinity',
    '-Infinity',
    'NaN',
    '1_000',
    '+1',
    '1,5',
    '١',
    '３',
    'abc',
    'two-relus',
    '9'.repeat(40),
  ],
  ...['-0', '0', '1e-300', '1e-7', '0.04', '.5', '5.', '1', '1e0', '2', '2.0', '2.5', '-1', '-1.5', '0.1', '1e-1'],
  ...[
    '4.99',
    '5',
    '5.01',
    '8',
    '9',
    '32',
    '33',
    '100',
    '101',
    '1e3',
    '5000',
    '5001',
    '1e6',
    '1e7',
    '2147483647',
    '1e309',
  ],
  ...['relu', 'sigmoid', 'leaky_relu', 'swish', 'softmax', 'RELU', 'toString', '__proto__', 'constructor'],
  ...['he', 'glorot', 'zeros', 'glorot_uniform', 'he_uniform', 'lecun'],
  ...['0,1;1,2', '1,2;1,2', '101,0', '0,1;', 'sin', 'expr:x^2', '0.5', '0.51', '10', '10.5', '1e308'],
];

/**
 * The flags that are a lab's setting, with how each side reports the value read: the address starts from
 * `context` (the activation an α belongs to), and the command line is given the same context first.
 */
const SHARED = {
  challenge: { url: (q: string) => read(parseSettings(q), (s) => s.challenge), cli: (o: Cli) => o.challenge },
  activation: { url: (q: string) => read(parseSettings(q), (s) => s.activation), cli: (o: Cli) => o.activation },
  hidden: { url: (q: string) => read(parseSettings(q), (s) => s.hidden), cli: (o: Cli) => o.hidden },
  epochs: { url: (q: string) => read(parseSettings(q), (s) => s.epochs), cli: (o: Cli) => o.epochs },
  lr: { url: (q: string) => read(parseSettings(q), (s) => s.lr), cli: (o: Cli) => o.lr },
  batch: { url: (q: string) => read(parseSettings(q), (s) => s.batch), cli: (o: Cli) => o.batch },
  alpha: {
    context: 'leaky_relu',
    url: (q: string) => read(parseSettings(q), (s) => s.activationParams.alpha),
    cli: (o: Cli) => o.activationParams.alpha,
  },
  beta: {
    context: 'swish',
    url: (q: string) => read(parseSettings(q), (s) => s.activationParams.beta),
    cli: (o: Cli) => o.activationParams.beta,
  },
  target: { url: (q: string) => read(parseSettings(q), (s) => s.target), cli: (o: Cli) => o.target },
  points: { url: (q: string) => read(parseSettings(q), (s) => s.points), cli: (o: Cli) => o.points },
  noise: { url: (q: string) => read(parseSettings(q), (s) => s.noise), cli: (o: Cli) => o.noise },
  holdout: { url: (q: string) => read(parseSettings(q), (s) => s.holdout), cli: (o: Cli) => o.holdout },
  init: { url: (q: string) => read(parseInitLab(q), (s) => s.init.kernel), cli: (o: Cli) => o.init?.kernel },
  bias: { url: (q: string) => read(parseInitLab(q), (s) => s.init.hiddenBias), cli: (o: Cli) => o.init?.hiddenBias },
} as const;

type Cli = ReturnType<typeof parseArgs>;
type Outcome = { ok: true; value: unknown } | { ok: false };

function read<S>(parsed: { settings: S; refused: readonly unknown[] }, pick: (s: S) => unknown): Outcome {
  return parsed.refused.length ? { ok: false } : { ok: true, value: pick(parsed.settings) };
}

function cli(args: string[], pick: (o: Cli) => unknown): Outcome {
  try {
    return { ok: true, value: pick(parseArgs(args)) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { ok: false };
  }
}

/** A field's flag: its URL name unless it has its own (the InitLab's keys carry the page's namespace letter). */
const flagOf = (f: { name: string; flag?: string }) => f.flag ?? f.name;
const SITE = [...Object.values(FIT_LAB.fields), ...Object.values(INIT_LAB.fields)];
/** The URL parameter of the site field behind a flag. */
const urlName = (flag: string) => SITE.find((s) => flagOf(s) === flag)!.name;

describe('command line = address', () => {
  it('the flags that are site settings are the very fields the labs declare', () => {
    const flags = EXPERIMENT_FLAGS.fields;
    const shared = Object.values(flags).filter((f) => SITE.some((s) => flagOf(s) === flagOf(f)));
    expect(shared.map(flagOf).sort()).toEqual(Object.keys(SHARED).sort());
    for (const f of shared) {
      const own = SITE.find((s) => flagOf(s) === flagOf(f))!;
      // The same parser and range; only a default may differ (the command line's ReLU).
      expect(f.type, flagOf(f)).toBe(own.type);
    }
  });

  const cases = Object.entries(SHARED).flatMap(([name, side]) => VALUES.map((value) => [name, value, side] as const));
  it.each(cases)('--%s %j', (name, value, side) => {
    const context = 'context' in side ? side.context : undefined;
    const query = new URLSearchParams(
      context
        ? [
            ['activation', context],
            [urlName(name), value],
          ]
        : [[urlName(name), value]],
    ).toString();
    const args = context ? ['--activation', context, `--${name}`, value] : [`--${name}`, value];
    expect(cli(args, side.cli)).toEqual(side.url(query));
  });

  it('the table covers both outcomes for every field', () => {
    for (const [name, side] of Object.entries(SHARED)) {
      const context = 'context' in side ? side.context : undefined;
      const outcomes = VALUES.map(
        (v) =>
          side.url(
            new URLSearchParams(
              context
                ? [
                    ['activation', context],
                    [urlName(name), v],
                  ]
                : [[urlName(name), v]],
            ).toString(),
          ).ok,
      );
      expect(outcomes, name).toContain(true);
      expect(outcomes, name).toContain(false);
    }
  });
});
