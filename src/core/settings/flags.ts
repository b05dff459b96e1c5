/**
 * Command-line flags from a settings declaration: `--name value` (the field's `flag` where it has one; bare
 * `--switch` for flag fields) are read by the very parser that reads an address, so a command accepts exactly what
 * the URL accepts. Messages and help are English: they are for a terminal.
 */
import type { Field, FieldType, Fields, Refusal, Schema, Values } from './schema';

export class UsageError extends Error {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of a declaration
type AnyField = Field<any, string, string>;

const flagOf = (f: AnyField) => f.flag ?? f.name;

const typeFor = (f: AnyField, values: Record<string, unknown>): FieldType<unknown, string> =>
  (f.typeFor && f.dependsOn ? f.typeFor(values[f.dependsOn]) : null) ?? f.type;

/** A refused flag in words: the flag, the value and what is allowed. */
export function flagMessage(f: AnyField, r: Refusal<string, string>, values: Record<string, unknown>): string {
  if (r.reason === 'notForActivation') return `--${flagOf(f)} does not apply to ${r.detail}`;
  const type = typeFor(f, values);
  const problem = type.problems?.[r.reason];
  if (problem) return `--${flagOf(f)}: ${problem} "${r.value}"; it must be ${type.allowed}`;
  const grammar =
    r.reason === 'notANumber' ? ', written in decimal or exponent notation (no hex, Infinity or spaces)' : '';
  const detail =
    r.reason === 'repeatedChoice' || r.reason === 'unknownChoice' ? (r.detail ? ` ("${r.detail}")` : '') : '';
  return `--${flagOf(f)} must be ${type.allowed}${grammar}, got "${r.value}"${detail}`;
}

/**
 * Flags over `base` (the declaration's defaults unless given). Throws a UsageError for an unknown flag, a missing
 * value or the first refused value; `given` lists the settings the flags named.
 */
export function parseFlags<F extends Fields>(
  schema: Schema<F>,
  argv: readonly string[],
  base?: Readonly<Values<F>>,
): { values: Values<F>; given: Set<keyof F & string> } {
  const byFlag = new Map(Object.entries(schema.fields).map(([key, f]) => [flagOf(f), key]));
  const byName = new Map(Object.entries(schema.fields).map(([key, f]) => [f.name, key]));
  const params = new URLSearchParams();
  const given = new Set<keyof F & string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const key = arg.startsWith('--') ? byFlag.get(arg.slice(2)) : undefined;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    if (key === undefined) throw new UsageError(`unknown option ${arg}`);
    given.add(key);
    const name = schema.fields[key]!.name;
    if (schema.fields[key]!.type.kind === 'flag') {
      params.set(name, 'true');
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    params.set(name, value);
  }
  const { values, refused } = schema.parse(params, base);
  const first = refused[0];
  if (first) {
    const f = schema.fields[byName.get(first.param)!]!;
    throw new UsageError(flagMessage(f, first, values));
  }
  return { values, given };
}

/** One line per flag: name, what it takes, its label, what is allowed and the default. */
export function flagHelp<F extends Fields>(
  schema: Schema<F>,
  labelOf: (f: AnyField) => string | undefined = () => undefined,
): string {
  const rows = Object.values(schema.fields).map((f) => {
    const flag = f.type.kind === 'flag' ? `--${flagOf(f)}` : `--${flagOf(f)} <${f.type.kind}>`;
    const what = labelOf(f) ?? f.help ?? '';
    const allowed = f.type.kind === 'flag' ? '' : `${f.type.allowed}`;
    const def = f.default === undefined || f.type.kind === 'flag' ? '' : `; default ${f.type.format(f.default)}`;
    return [flag, [what, allowed].filter(Boolean).join(': ') + def] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, rest]) => `  ${flag.padEnd(width)}  ${rest}`.trimEnd()).join('\n');
}
