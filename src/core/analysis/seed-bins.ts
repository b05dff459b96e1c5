/**
 * Fixed logarithmic bins for final MSE, shared by the precomputed histograms and the live panel so both show
 * the same bars. The good-fit and straight-line thresholds are bin edges, so every bar lies in one outcome.
 */

export interface BinSpec {
  /** Lowest edge; smaller values (including 0) are counted in the first bin. */
  min: number;
  /** Highest edge; larger finite values are counted in the last bin. */
  max: number;
  perDecade: number;
  /** Extra edges (thresholds) merged into the grid. */
  extraEdges?: readonly number[];
}

export interface Bin {
  lo: number;
  hi: number;
}

/** Edges of the log grid ∪ extra edges, sorted; a grid edge too close to an extra edge (< 1/4 step) is dropped. */
export function logBinEdges(spec: BinSpec): number[] {
  if (!(spec.min > 0) || !(spec.max > spec.min) || !(spec.perDecade >= 1)) throw new RangeError('Bad bin spec');
  const extra = (spec.extraEdges ?? []).filter((e) => e > spec.min && e < spec.max);
  const lo = Math.log10(spec.min);
  const steps = Math.round((Math.log10(spec.max) - lo) * spec.perDecade);
  const grid: number[] = [];
  for (let k = 0; k <= steps; k++) {
    // Rounded to 12 significant digits so decade edges print as 0.01, not 0.010000000000000002.
    const edge = Number((10 ** (lo + k / spec.perDecade)).toPrecision(12));
    const tooClose = extra.some((e) => Math.abs(Math.log10(edge / e)) < 0.25 / spec.perDecade);
    if (!tooClose || k === 0 || k === steps) grid.push(edge);
  }
  return [...grid, ...extra].sort((a, b) => a - b);
}

export function binsOf(edges: readonly number[]): Bin[] {
  return edges.slice(1).map((hi, i) => ({ lo: edges[i]!, hi }));
}

/** Index of the bin holding `value` (bins are [lo, hi)); clamped to the ends; −1 for NaN/±Infinity. */
export function binIndex(value: number, edges: readonly number[]): number {
  if (!Number.isFinite(value)) return -1;
  const last = edges.length - 2;
  if (value < edges[1]!) return 0;
  if (value >= edges[last]!) return last;
  let a = 1;
  let b = last;
  // Invariant: edges[a] ≤ value < edges[b].
  while (b - a > 1) {
    const mid = (a + b) >> 1;
    if (value >= edges[mid]!) a = mid;
    else b = mid;
  }
  return a;
}

/** Per bin, the indices of the values that fall into it (non-finite values are left out). */
export function binMembers(values: readonly number[], edges: readonly number[]): number[][] {
  const members = Array.from({ length: edges.length - 1 }, () => [] as number[]);
  values.forEach((v, i) => {
    const k = binIndex(v, edges);
    if (k >= 0) members[k]!.push(i);
  });
  return members;
}
