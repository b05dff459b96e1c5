/**
 * Editing the reader's own points: add one, move one, remove one. Pure, so the plot layer holds only pointer and
 * key wiring. Points stay in canonical order (points.ts), so an edit returns the new list and where the edited point
 * went in it (the layer keeps focus on that point). An edit that would break a rule of points.ts (outside the
 * bounds, the same point twice, more than the lab takes) is refused by returning null.
 */
import { MAX_PASTED_POINTS } from '../../../core/data/paste-points';
import {
  pointKey,
  pointProblem,
  POINT_X_MAX,
  POINT_X_MIN,
  POINT_Y_MAX,
  sortPoints,
  type Point,
} from '../../../core/data/points';

export const MAX_OWN_POINTS = MAX_PASTED_POINTS;

export interface Edit {
  points: Point[];
  /** Index of the added or moved point in `points`. */
  index: number;
}

/** A point pulled inside the bounds (a drag past the plot's edge keeps the point at the edge). */
export function clampPoint(p: Point): Point {
  return {
    x: Math.max(POINT_X_MIN, Math.min(POINT_X_MAX, p.x)),
    y: Math.max(-POINT_Y_MAX, Math.min(POINT_Y_MAX, p.y)),
  };
}

/** Coordinates rounded two decimals finer than the step (of the plot's scale), so a clicked point has a short address form. */
export function tidy(p: Point, step: number): Point {
  const digits = Math.max(0, Math.min(6, Math.ceil(-Math.log10(Math.abs(step) || 1)) + 2));
  const round = (v: number) => Number(v.toFixed(digits));
  return { x: round(p.x), y: round(p.y) };
}

function placed(points: Point[], p: Point): Edit | null {
  const sorted = sortPoints(points);
  const key = pointKey(p);
  const index = sorted.findIndex((q) => pointKey(q) === key);
  return index < 0 ? null : { points: sorted, index };
}

export function addPoint(points: readonly Point[] | null, p: Point): Edit | null {
  const list = points ?? [];
  if (list.length >= MAX_OWN_POINTS || pointProblem(p.x, p.y) !== null) return null;
  if (list.some((q) => pointKey(q) === pointKey(p))) return null;
  return placed([...list, p], p);
}

export function movePoint(points: readonly Point[], index: number, p: Point): Edit | null {
  if (index < 0 || index >= points.length || pointProblem(p.x, p.y) !== null) return null;
  if (points.some((q, k) => k !== index && pointKey(q) === pointKey(p))) return null;
  return placed(
    points.map((q, k) => (k === index ? p : q)),
    p,
  );
}

/** The list without point `index`; null when none is left (training goes back to the target). */
export function removePoint(points: readonly Point[], index: number): Point[] | null {
  const rest = points.filter((_, k) => k !== index);
  return rest.length === 0 ? null : rest;
}
