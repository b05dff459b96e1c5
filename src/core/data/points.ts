/**
 * The reader's own training points: what one is, where it may lie, and the canonical order a set of them is kept
 * in. The paste parser (paste-points.ts) and the address form (url-points.ts) both check points here, so a point
 * refused in one is refused in the other.
 *
 * Bounds: x from −100 to 100 (the inputs are not normalised, and far larger x only saturates every neuron), and
 * |y| ≤ 10,000, the limit custom target expressions have (MAX_TARGET_MAGNITUDE): beyond it the network only diverges.
 *
 * A duplicate is a point equal to an earlier one in both x and y (as float64 numbers): it adds nothing but weight,
 * so it is almost always a paste accident, and it is refused and named. Points that share x but not y are kept:
 * they are repeated measurements, and a fit can only reach their mean there, which is worth seeing.
 */
import type { Dataset } from '../train/types';
import { MAX_TARGET_MAGNITUDE } from './targets';

export interface Point {
  x: number;
  y: number;
}

export const POINT_X_MIN = -100;
export const POINT_X_MAX = 100;
export const POINT_Y_MAX = MAX_TARGET_MAGNITUDE;

/** Why one point is refused on its own (its numbers are already numbers). */
export type PointProblem = 'notFinite' | 'xOutOfRange' | 'yOutOfRange';

export function pointProblem(x: number, y: number): PointProblem | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 'notFinite';
  if (x < POINT_X_MIN || x > POINT_X_MAX) return 'xOutOfRange';
  if (Math.abs(y) > POINT_Y_MAX) return 'yOutOfRange';
  return null;
}

/** The allowed ranges as a refusal shows them. */
export const X_RANGE_TEXT = `${POINT_X_MIN}–${POINT_X_MAX}`;
export const Y_RANGE_TEXT = `${-POINT_Y_MAX}–${POINT_Y_MAX}`;

/** A key equal for equal points only (−0 and 0 are one number here, as in a setting). */
export const pointKey = (p: Point): string => `${p.x === 0 ? 0 : p.x},${p.y === 0 ? 0 : p.y}`;

const byXThenY = (a: Point, b: Point) => a.x - b.x || a.y - b.y;

/**
 * The canonical order: by x, then y. The same set of points is then one setting whatever order it was typed in,
 * so two links to it train identically (the shuffles and the held-out draw pick points by index).
 */
export function sortPoints(points: readonly Point[]): Point[] {
  return points.map((p) => ({ x: p.x === 0 ? 0 : p.x, y: p.y === 0 ? 0 : p.y })).sort(byXThenY);
}

export function samePoints(a: readonly Point[] | null, b: readonly Point[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((p, i) => Object.is(p.x, b[i]!.x) && Object.is(p.y, b[i]!.y));
}

export function pointsDataset(points: readonly Point[]): Dataset {
  return { x: points.map((p) => p.x), y: points.map((p) => p.y) };
}
