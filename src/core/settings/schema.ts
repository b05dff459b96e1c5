/**
 * One settings declaration per lab, and everything derived from it: reading an address (URLSearchParams), writing
 * one back, checking one form value, and (flags.ts) the command line's flags and help. Reading never throws: a
 * refused value keeps its previous value and is reported as a typed Refusal, which the lab turns into a localized
 * notice naming it.
 *
 * A declaration is an object of fields, in the order they are read, written and reported:
 *   lr: field('lr', number({ min: 0, max: 1e6, minInclusive: false }), 0.04, { label: 'lr' })
 * The object's key is the setting's name in code; `name` is its URL parameter and command-line flag.
 */
import type { ExpressionError } from '../data/targets';
import { describeRange, parseStrictNumber, type NumberRange, type NumberReason } from './number';

export type { NumberRange, NumberReason } from './number';

/** A refused value; each lab's reasons are those its fields' types produce. */
export interface Refusal<P extends string = string, R extends string = string> {
  param: P;
  /** The refused text, shortened for display (shown as text, never as HTML). */
  value: string;
  reason: R;
  /** 'outOfRange': the allowed range "min–max"; a list: the offending item; an expression: its error code. */
  detail?: string;
  /** 'badExpression': the parser's full error (code, position, offending text). */
  error?: ExpressionError;
}

export type Parsed<V, R extends string> =
  { ok: true; value: V } | { ok: false; reason: R; detail?: string; error?: ExpressionError };

export interface FieldType<V, R extends string> {
  /** How the command line's help names the value. */
  kind: 'number' | 'integer' | 'choice' | 'list' | 'range' | 'text' | 'flag';
  parse(text: string): Parsed<V, R>;
  format(value: V): string;
  /** What is allowed, in words, for the command line: "a whole number from 1 to 8", "one of a, b". */
  allowed: string;
  equals?(a: V, b: V): boolean;
  /** Number fields: their range. */
  range?: NumberRange;
  /** Words for the type's own reasons, for the command line ("bad seed range"). */
  problems?: Partial<Record<R, string>>;
}

export interface Field<V, R extends string, N extends string = string> {
  /** URL parameter and command-line flag (`--name`). */
  name: N;
  /** The command-line flag where it differs from `name` (a page's namespace prefix means nothing on a command line). */
  flag?: string;
  /** Other names read as this one (old links keep loading); writing replaces them with `name`, in their place. */
  aliases?: readonly string[];
  type: FieldType<V, R>;
  default: V;
  /** Key of the field's label in its lab's dictionary namespace. */
  label?: string;
  /** Help text on the command line when there is no label to show. */
  help?: string;
  /** Written to the address even at its default, so a shared link spells the setting out. */
  always?: boolean;
  /** A parameter of another setting (an activation's α): the key of that setting … */
  dependsOn?: string;
  /** … and the type given its value, or null where it has no such parameter (refused as 'notForActivation',
   *  which the field's reasons must then include). */
  typeFor?(owner: unknown): FieldType<V, R> | null;
  /** Settings that go back to their defaults when this one changes (an activation's parameters). */
  resets?: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a declaration mixes fields of every value type
type AnyField = Field<any, string, string>;
export type Fields = Readonly<Record<string, AnyField>>;

type ValueOf<X> = X extends Field<infer V, string, string> ? V : never;
type ReasonOf<X> = X extends Field<unknown, infer R, string> ? R : never;
type NameOf<X> = X extends Field<unknown, string, infer N> ? N : never;

export type Values<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };
export type ParamOf<F extends Fields> = NameOf<F[keyof F]>;
export type ReasonOfSchema<F extends Fields> = ReasonOf<F[keyof F]>;
export type SchemaRefusal<F extends Fields> = Refusal<ParamOf<F>, ReasonOfSchema<F>>;

/** A field; its value type comes from `type`, so `def` is checked against it. */
export function field<V, R extends string, const N extends string>(
  name: N,
  type: FieldType<V, R>,
  def: NoInfer<V>,
  options: Omit<Field<V, R, N>, 'name' | 'type' | 'default'> = {},
): Field<V, R, N> {
  return { name, type, default: def, ...options };
}

export function shortenForDisplay(value: string, max = 40): string {
  const chars = [...value];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : value;
}

// ---- Field types ----

export function numberType(range: NumberRange): FieldType<number, NumberReason> {
  return {
    kind: range.integer ? 'integer' : 'number',
    parse: (text) => parseStrictNumber(text, range),
    format: String,
    allowed: describeRange(range),
    range,
  };
}

export const number = (r: { min: number; max: number; minInclusive?: boolean }) =>
  numberType({ min: r.min, max: r.max, integer: false, minInclusive: r.minInclusive ?? true });
export const integer = (min: number, max: number) => numberType({ min, max, integer: true, minInclusive: true });

/** One of `values`, written as `toText(value)` (found by comparison, so `toString` is never a choice). */
export function choice<const V extends string>(
  values: readonly V[],
  toText: (v: V) => string = (v) => v,
): FieldType<V, 'unknownChoice'> {
  return {
    kind: 'choice',
    parse: (text) => {
      const value = values.find((v) => toText(v) === text);
      return value === undefined ? { ok: false, reason: 'unknownChoice' } : { ok: true, value };
    },
    format: toText,
    allowed: `one of ${values.map(toText).join(', ')}`,
  };
}

/** At most this many characters of a list are looked at: a list of every choice is far shorter. */
const MAX_LIST_TEXT = 200;

/** A comma-separated list of distinct choices, at least one. */
export function list<const V extends string>(
  values: readonly V[],
): FieldType<V[], 'unknownChoice' | 'emptyList' | 'repeatedChoice'> {
  return {
    kind: 'list',
    parse: (text) => {
      if (text.length > MAX_LIST_TEXT)
        return { ok: false, reason: 'unknownChoice', detail: shortenForDisplay(text, 20) };
      const items = text.split(',');
      if (items.every((i) => i === '')) return { ok: false, reason: 'emptyList' };
      const out: V[] = [];
      for (const item of items) {
        const value = values.find((v) => v === item);
        if (value === undefined) return { ok: false, reason: 'unknownChoice', detail: shortenForDisplay(item, 20) };
        if (out.includes(value)) return { ok: false, reason: 'repeatedChoice', detail: item };
        out.push(value);
      }
      return { ok: true, value: out };
    },
    format: (v) => v.join(','),
    allowed: `a comma-separated list of distinct items of ${values.join(', ')}`,
    equals: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}

/** A command-line switch (`--json`): present or not; in an address, `true` or `false`. */
export const flag: FieldType<boolean, 'unknownChoice'> = {
  kind: 'flag',
  parse: (text) =>
    text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, reason: 'unknownChoice' },
  format: String,
  allowed: 'true or false',
};

/** Any text, as a command-line path. */
export const text: FieldType<string, 'empty'> = {
  kind: 'text',
  parse: (t) => (t === '' ? { ok: false, reason: 'empty' } : { ok: true, value: t }),
  format: (t) => t,
  allowed: 'a non-empty text',
};

// ---- What a declaration gives ----

export type Validated<V, P extends string, R extends string> =
  { ok: true; value: V } | { ok: false; refusal: Refusal<P, R> };

export interface Schema<F extends Fields> {
  readonly fields: F;
  /** URL parameters (and flags), in declaration order. */
  readonly names: readonly ParamOf<F>[];
  /** Every parameter read: the names and their aliases. */
  readonly readNames: readonly string[];
  /** The label key of the field with this URL parameter (a refusal's `param`). */
  labelOf(param: string): string | undefined;
  defaults(): Values<F>;
  /** Read an address over `base` (the defaults unless given): values and refusals, in declaration order. */
  parse(
    query: string | URLSearchParams,
    base?: Readonly<Values<F>>,
  ): { values: Values<F>; refused: SchemaRefusal<F>[] };
  /** Check one value as typed in a form, in the context of the other settings. */
  validate<K extends keyof F & string>(
    key: K,
    text: string,
    values?: Readonly<Values<F>>,
  ): Validated<ValueOf<F[K]>, ParamOf<F>, ReasonOfSchema<F>>;
  /**
   * `query` with this declaration's parameters set to `values` (at their defaults left out unless `always`;
   * refused leftovers and aliases removed) and every other parameter as it was. A parameter already in the query
   * (or its alias) keeps its place; new ones are appended in declaration order.
   */
  write(values: Readonly<Values<F>>, query?: string | URLSearchParams): URLSearchParams;
}

const equal = <V>(type: FieldType<V, string>, a: V, b: V) => (type.equals ? type.equals(a, b) : Object.is(a, b));

export function defineSchema<const F extends Fields>(fields: F): Schema<F> {
  const keys = Object.keys(fields) as (keyof F & string)[];
  /** Values own their arrays, so a caller editing one never edits a default or a base. */
  const copy = (values: Readonly<Record<string, unknown>>) =>
    Object.fromEntries(keys.map((k) => [k, Array.isArray(values[k]) ? [...(values[k] as unknown[])] : values[k]]));
  const defaults = () => copy(Object.fromEntries(keys.map((k) => [k, fields[k]!.default]))) as Values<F>;

  /** The field's type for these values, or null where it does not apply. */
  const typeOf = (f: AnyField, values: Record<string, unknown>) =>
    f.typeFor && f.dependsOn ? f.typeFor(values[f.dependsOn]) : f.type;

  function read(key: string, text: string, values: Record<string, unknown>): Validated<unknown, string, string> {
    const f = fields[key]!;
    const type = typeOf(f, values);
    const refuse = (reason: string, detail?: string, error?: ExpressionError) => ({
      ok: false as const,
      refusal: {
        param: f.name,
        value: shortenForDisplay(text),
        reason,
        ...(detail === undefined ? {} : { detail }),
        ...(error ? { error } : {}),
      },
    });
    if (!type) return refuse('notForActivation', String(values[f.dependsOn!]));
    const r = type.parse(text);
    return r.ok ? r : refuse(r.reason, r.detail, r.error);
  }

  function assign(key: string, value: unknown, values: Record<string, unknown>): void {
    const f = fields[key]!;
    if (f.resets && !equal(f.type, value, values[key])) for (const k of f.resets) values[k] = fields[k]!.default;
    values[key] = value;
  }

  const ownerOf = new Map(keys.flatMap((k) => [fields[k]!.name, ...(fields[k]!.aliases ?? [])].map((n) => [n, k])));

  return {
    fields,
    names: keys.map((k) => fields[k]!.name as ParamOf<F>),
    readNames: keys.flatMap((k) => [fields[k]!.name, ...(fields[k]!.aliases ?? [])]),
    labelOf: (param) => Object.values(fields).find((f) => f.name === param)?.label,
    defaults,
    parse(query, base) {
      const params = typeof query === 'string' ? new URLSearchParams(query) : query;
      const values: Record<string, unknown> = base ? copy(base) : defaults();
      const refused: SchemaRefusal<F>[] = [];
      for (const key of keys) {
        const f = fields[key]!;
        const given = [f.name, ...(f.aliases ?? [])].find((n) => params.has(n));
        if (given === undefined) continue;
        const text = params.get(given)!;
        const r = read(key, text, values);
        if (r.ok) assign(key, r.value, values);
        else refused.push(r.refusal as SchemaRefusal<F>);
      }
      return { values: values as Values<F>, refused };
    },
    validate(key, text, values) {
      return read(key, text, values ?? defaults()) as Validated<ValueOf<F[typeof key]>, ParamOf<F>, ReasonOfSchema<F>>;
    },
    write(values, query) {
      const textOf = (key: string): string | null => {
        const f = fields[key]!;
        const v = values[key];
        return v !== undefined && (f.always || !equal(f.type, v, f.default)) ? f.type.format(v) : null;
      };
      const out: [string, string][] = [];
      const placed = new Set<string>();
      const put = (key: string) => {
        placed.add(key);
        const text = textOf(key);
        if (text !== null) out.push([fields[key]!.name, text]);
      };
      for (const [name, value] of new URLSearchParams(query)) {
        const key = ownerOf.get(name);
        if (key === undefined) out.push([name, value]);
        else if (!placed.has(key)) put(key);
      }
      for (const key of keys) if (!placed.has(key)) put(key);
      return new URLSearchParams(out);
    },
  };
}
