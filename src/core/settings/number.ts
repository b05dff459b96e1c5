/**
 * The one number grammar of every setting, in an address, a form field and on the command line alike: ASCII
 * decimal with an optional exponent (`0.04`, `.5`, `1.`, `4e-2`, `1e3`, `-1`). Refused as not a number: hex, binary
 * and octal prefixes (`0x10`), `Infinity`, `NaN`, a leading `+`, separators (`1_000`, `1,5`), whitespace, other
 * scripts' digits and anything longer than 32 characters. A whole-number setting takes the same grammar, so `1e3`
 * is 1000 and `2.0` is 2; `-0` reads as 0.
 */
export interface NumberRange {
  min: number;
  max: number;
  integer: boolean;
  /** Whether min itself is allowed (a learning rate must be strictly positive). */
  minInclusive: boolean;
}

export type NumberReason = 'notANumber' | 'notAnInteger' | 'outOfRange';
export type NumberResult = { ok: true; value: number } | { ok: false; reason: NumberReason; detail?: string };

const MAX_NUMBER_TEXT = 32;
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The range as shown in a refusal: "1–8". */
export const rangeText = (r: NumberRange): string => `${r.min}–${r.max}`;

/** The range in words, for the command line: "a whole number from 1 to 8", "a number above 0 and at most 1e6". */
export function describeRange(r: NumberRange): string {
  const what = r.integer ? 'a whole number' : 'a number';
  return r.minInclusive ? `${what} from ${r.min} to ${r.max}` : `${what} above ${r.min} and at most ${r.max}`;
}

export function parseStrictNumber(text: string, range: NumberRange): NumberResult {
  if (text.length > MAX_NUMBER_TEXT || !DECIMAL.test(text)) return { ok: false, reason: 'notANumber' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'outOfRange', detail: rangeText(range) };
  if (range.integer && !Number.isInteger(value)) return { ok: false, reason: 'notAnInteger' };
  const aboveMin = range.minInclusive ? value >= range.min : value > range.min;
  if (!aboveMin || value > range.max) return { ok: false, reason: 'outOfRange', detail: rangeText(range) };
  return { ok: true, value: value === 0 ? 0 : value }; // no −0 in settings
}
