/**
 * The Fit Lab's run file (Export → JSON, and Import): the settings as the address writes them, every point (an
 * address carries at most MAX_URL_POINTS; a file up to MAX_PASTED_POINTS), the weights on show and the final
 * error. Reading one goes through the checks the address and the paste box use, so a hand-edited or hostile file
 * is refused by name and never half-applied.
 */
import { MAX_PASTED_POINTS } from '../../../core/data/paste-points';
import { pointKey, pointProblem, sortPoints, type Point } from '../../../core/data/points';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  serializeSettings,
  type FitLabSettings,
  type Refusal,
} from '../../../core/settings/fit-lab';
import { learnsSlopes } from '../../../core/activations/types';
import type { NetworkParams } from '../../../core/train/types';

/** Longer than any file the export writes for MAX_PASTED_POINTS points (about 60 kB), far short of a freeze. */
export const MAX_RUN_FILE_CHARS = 1_000_000;

export const RUN_FILE_PROBLEMS = ['tooLong', 'notJson', 'notARun', 'tooManyPoints', 'badPoint', 'badWeights'] as const;
export type RunFileProblem = (typeof RUN_FILE_PROBLEMS)[number];

export type RunFileResult =
  | {
      ok: true;
      settings: FitLabSettings;
      /** Settings in the file that were refused (named as the address names them); the defaults stand in. */
      refused: Refusal[];
      /** The weights in the file, when they fit the settings' network; null: start from the seed's own. */
      params: NetworkParams | null;
    }
  | { ok: false; problem: RunFileProblem; detail?: string };

export function writeRunFile(settings: Readonly<FitLabSettings>, params: NetworkParams, mse: number | null): string {
  return JSON.stringify(
    {
      settings: Object.fromEntries(new URLSearchParams(serializeSettings({ ...settings, points: null }))),
      ...(settings.points ? { points: settings.points } : {}),
      activation: settings.activation,
      hidden: settings.hidden,
      ...params,
      finalMse: mse,
    },
    null,
    2,
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finiteList = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** A file's points, checked one by one as pasted ones are (the first bad one named by its position, from 1). */
function readPoints(
  raw: unknown,
): { ok: true; points: Point[] } | { ok: false; problem: RunFileProblem; detail?: string } {
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, problem: 'badPoint', detail: '1' };
  if (raw.length > MAX_PASTED_POINTS) return { ok: false, problem: 'tooManyPoints', detail: String(raw.length) };
  const seen = new Set<string>();
  const points: Point[] = [];
  for (const [i, p] of raw.entries()) {
    const bad = { ok: false as const, problem: 'badPoint' as const, detail: String(i + 1) };
    if (!isRecord(p) || typeof p.x !== 'number' || typeof p.y !== 'number') return bad;
    const point = { x: p.x, y: p.y };
    if (pointProblem(point.x, point.y) !== null || seen.has(pointKey(point))) return bad;
    seen.add(pointKey(point));
    points.push(point);
  }
  return { ok: true, points: sortPoints(points) };
}

/** Read a run file. A setting the file leaves out has its default, as in the address it was written like. */
export function readRunFile(text: string): RunFileResult {
  if (text.length > MAX_RUN_FILE_CHARS) return { ok: false, problem: 'tooLong', detail: String(MAX_RUN_FILE_CHARS) };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (!isRecord(file) || !isRecord(file.settings)) return { ok: false, problem: 'notARun' };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(file.settings)) {
    // The points travel beside the settings (an address could not hold them all).
    if (key === 'points') continue;
    if (typeof value !== 'string' && typeof value !== 'number') return { ok: false, problem: 'notARun' };
    query.set(key, String(value));
  }
  const { settings, refused } = parseSettings(query, DEFAULT_SETTINGS);
  let points: Point[] | null = null;
  if (file.points !== undefined) {
    const read = readPoints(file.points);
    if (!read.ok) return read;
    points = read.points;
  }
  const h = settings.hidden;
  const weights = [file.w1, file.b1, file.w2, file.b2];
  let params: NetworkParams | null = null;
  if (weights.some((w) => w !== undefined)) {
    if (!finiteList(file.w1, h) || !finiteList(file.b1, h) || !finiteList(file.w2, h) || !finiteList([file.b2], 1))
      return { ok: false, problem: 'badWeights', detail: String(h) };
    params = { w1: file.w1, b1: file.b1, w2: file.w2, b2: file.b2 as number };
    // A learned slope per neuron belongs to the weights; without one, PReLU starts where Keras' does (α = 0).
    if (learnsSlopes(settings.activation)) {
      if (file.alpha !== undefined && !finiteList(file.alpha, h))
        return { ok: false, problem: 'badWeights', detail: String(h) };
      params.alpha = file.alpha ?? new Array<number>(h).fill(0);
    }
  }
  return { ok: true, settings: { ...settings, points }, refused, params };
}
