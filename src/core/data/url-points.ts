/**
 * Points in an address: `points=x1,y1;x2,y2;…`, at most MAX_URL_POINTS of them (a longer list travels as a JSON
 * export). Numbers are written as `String(n)`, the shortest decimal that reads back as the same float64, so a
 * link reproduces the points bit for bit; they are read with the settings' one number grammar (number.ts).
 *
 * The points are kept in canonical order (sorted by x, then y: points.ts), so reading a list typed in any order
 * and writing it back gives the sorted list. Reading never throws; a refused list names its first bad item.
 * The length is checked before anything is split, so a huge value is refused at once.
 */
import { parseStrictNumber, type NumberRange } from '../settings/number';
import { pointKey, pointProblem, sortPoints, type Point } from './points';

export const MAX_URL_POINTS = 200;
/** A number of the settings' grammar has at most 32 characters; so a point at most 65, and a separator. */
const MAX_ITEM_TEXT = 2 * 32 + 1;
export const MAX_URL_POINTS_TEXT = MAX_URL_POINTS * (MAX_ITEM_TEXT + 1);

export const URL_POINTS_REASONS = [
  'noPoints',
  'pointsTooLong',
  'tooManyPoints',
  'badPoint',
  'pointOutOfRange',
  'duplicatePoint',
] as const;
export type UrlPointsReason = (typeof URL_POINTS_REASONS)[number];

export type UrlPointsResult = { ok: true; points: Point[] } | { ok: false; reason: UrlPointsReason; detail?: string };

const ANY_NUMBER: NumberRange = { min: -Infinity, max: Infinity, integer: false, minInclusive: true };
const shown = (item: string) => (item.length > 24 ? item.slice(0, 24) + '…' : item);

export function parseUrlPoints(text: string): UrlPointsResult {
  if (text === '') return { ok: false, reason: 'noPoints' };
  if (text.length > MAX_URL_POINTS_TEXT) return { ok: false, reason: 'pointsTooLong', detail: String(MAX_URL_POINTS) };
  const items = text.split(';');
  if (items.length > MAX_URL_POINTS) return { ok: false, reason: 'tooManyPoints', detail: String(MAX_URL_POINTS) };
  const points: Point[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const parts = item.split(',');
    const numbers = parts.map((p) => parseStrictNumber(p, ANY_NUMBER));
    if (parts.length !== 2 || !numbers.every((n) => n.ok || n.reason === 'outOfRange'))
      return { ok: false, reason: 'badPoint', detail: shown(item) };
    // The grammar's only 'outOfRange' here is a value too big for a float64 (1e999): outside the bounds too.
    const [x, y] = numbers.map((n) => (n.ok ? n.value : Infinity)) as [number, number];
    if (pointProblem(x, y) !== null) return { ok: false, reason: 'pointOutOfRange', detail: shown(item) };
    const key = pointKey({ x, y });
    if (seen.has(key)) return { ok: false, reason: 'duplicatePoint', detail: shown(item) };
    seen.add(key);
    points.push({ x, y });
  }
  return { ok: true, points: sortPoints(points) };
}

/** The address form of points, in canonical order (callers hold them sorted; sorting again is harmless). */
export function formatUrlPoints(points: readonly Point[]): string {
  return sortPoints(points)
    .map((p) => `${String(p.x)},${String(p.y)}`)
    .join(';');
}

/** Whether an address can carry these points (else they travel as a JSON export). */
export const fitsInUrl = (points: readonly Point[]): boolean => points.length <= MAX_URL_POINTS;
