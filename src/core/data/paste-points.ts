/**
 * Points pasted as text: one point per line, `x,y` or a CSV export. Values may be separated by a comma, semicolon,
 * tab or spaces (with spaces around a separator allowed); a trailing separator is allowed; line ends may be LF,
 * CRLF or CR. A first line with no number in it is a header and is set aside (returned, not refused). Blank
 * lines carry nothing and are skipped. Numbers are decimal with an optional exponent and sign (`+1.5`, `-2e-3`,
 * `.5`); decimal commas are not read (`1,5` is two values).
 *
 * Nothing is dropped silently: every other line either becomes a point or is returned as a bad line with its
 * (1-based) line number and reason. At most MAX_PASTED_POINTS points are kept; later good lines are refused as
 * 'tooMany'. The bounds and what a duplicate is are points.ts's. Text longer than MAX_PASTE_CHARS is refused
 * before it is split, so a 10 MB paste is answered at once.
 */
import { pointKey, pointProblem, X_RANGE_TEXT, Y_RANGE_TEXT, type Point } from './points';

export const MAX_PASTED_POINTS = 1000;
/** A thousand points with generous room per line (headers, long decimals, spaces, CRLF). */
export const MAX_PASTE_CHARS = 100_000;
/** Longer numbers than this are not numbers a person pasted (a float64 needs at most 25 characters). */
const MAX_NUMBER_CHARS = 64;

export const PASTE_LINE_REASONS = [
  'notANumber',
  'emptyValue',
  'oneValue',
  'tooManyValues',
  'notFinite',
  'xOutOfRange',
  'yOutOfRange',
  'duplicate',
  'tooMany',
] as const;
export type PasteLineReason = (typeof PASTE_LINE_REASONS)[number];

export interface BadLine {
  /** 1-based, as an editor counts lines. */
  line: number;
  reason: PasteLineReason;
  /**
   * notANumber, notFinite: the value; tooManyValues: how many values; x/yOutOfRange: the allowed range;
   * duplicate: the line number of the same point; tooMany: the limit.
   */
  detail?: string;
}

export type PasteResult =
  | {
      ok: true;
      /** In the order of their lines (the setting sorts them). */
      points: Point[];
      /** The line each point came from, index for index. */
      lines: number[];
      bad: BadLine[];
      header: { line: number; text: string } | null;
    }
  | { ok: false; reason: 'tooLong'; detail: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
const SEPARATOR = /\s*[,;\t]\s*|\s+/;

const shown = (value: string) => (value.length > 24 ? value.slice(0, 24) + '…' : value);

type Value = { ok: true; value: number } | { ok: false; reason: 'notANumber' | 'notFinite' | 'emptyValue' };

function readValue(text: string): Value {
  if (text === '') return { ok: false, reason: 'emptyValue' };
  if (NON_FINITE.test(text)) return { ok: false, reason: 'notFinite' };
  if (text.length > MAX_NUMBER_CHARS || !DECIMAL.test(text)) return { ok: false, reason: 'notANumber' };
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'notFinite' };
}

/** The line's values: split at separators, one trailing separator ignored (`1,2,` as spreadsheets write it). */
function valuesOf(line: string): string[] {
  const fields = line.split(SEPARATOR);
  if (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

export function parsePastedPoints(text: string): PasteResult {
  if (text.length > MAX_PASTE_CHARS) return { ok: false, reason: 'tooLong', detail: String(MAX_PASTE_CHARS) };
  const points: Point[] = [];
  const lines: number[] = [];
  const bad: BadLine[] = [];
  let header: { line: number; text: string } | null = null;
  let seenContent = false;
  const firstLineOf = new Map<string, number>();
  const rows = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < rows.length; i++) {
    const line = i + 1;
    const trimmed = rows[i]!.trim();
    if (trimmed === '') continue;
    const fields = valuesOf(trimmed);
    const values = fields.map(readValue);
    const first = !seenContent;
    seenContent = true;
    const words = values.some((v) => !v.ok && v.reason === 'notANumber');
    if (first && words && values.every((v) => !v.ok && v.reason !== 'notFinite')) {
      header = { line, text: shown(trimmed) };
      continue;
    }
    const problem = lineProblem(fields, values);
    if (problem) {
      bad.push({ line, ...problem });
      continue;
    }
    const [x, y] = values.map((v) => (v.ok ? v.value : NaN)) as [number, number];
    const key = pointKey({ x, y });
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) bad.push({ line, reason: 'duplicate', detail: String(earlier) });
    else if (points.length >= MAX_PASTED_POINTS)
      bad.push({ line, reason: 'tooMany', detail: String(MAX_PASTED_POINTS) });
    else {
      firstLineOf.set(key, line);
      points.push({ x, y });
      lines.push(line);
    }
  }
  return { ok: true, points, lines, bad, header };
}

/** What is wrong with a line on its own (its values, their count, the bounds), or null for a usable point. */
function lineProblem(fields: readonly string[], values: readonly Value[]): Omit<BadLine, 'line'> | null {
  const wrong = values.findIndex((v) => !v.ok);
  const v = values[wrong];
  if (v && !v.ok)
    return v.reason === 'emptyValue' ? { reason: v.reason } : { reason: v.reason, detail: shown(fields[wrong]!) };
  if (values.length === 1) return { reason: 'oneValue' };
  if (values.length > 2) return { reason: 'tooManyValues', detail: String(values.length) };
  const [x, y] = values.map((n) => (n.ok ? n.value : NaN)) as [number, number];
  const problem = pointProblem(x, y);
  if (problem === 'xOutOfRange') return { reason: problem, detail: X_RANGE_TEXT };
  if (problem === 'yOutOfRange') return { reason: problem, detail: Y_RANGE_TEXT };
  return problem ? { reason: problem } : null;
}

/** Bad lines that follow one another with the same reason and detail, as one run (`lines 1001–5000: …`). */
export interface BadRun {
  from: number;
  to: number;
  reason: PasteLineReason;
  detail?: string;
}

/** A paste's bad lines as runs, so a report of thousands of lines stays short; every line is still in one run. */
export function badRuns(bad: readonly BadLine[]): BadRun[] {
  const runs: BadRun[] = [];
  for (const b of bad) {
    const last = runs[runs.length - 1];
    if (last && last.reason === b.reason && last.detail === b.detail && last.to + 1 === b.line) last.to = b.line;
    else
      runs.push(
        b.detail === undefined
          ? { from: b.line, to: b.line, reason: b.reason }
          : { from: b.line, to: b.line, reason: b.reason, detail: b.detail },
      );
  }
  return runs;
}
