/**
 * Units that come back in a deep stack. A unit of the first hidden layer sees the fixed inputs x, so once it is off
 * on every input nothing can switch it on again; a deeper unit sees the layer below, whose outputs keep moving, so
 * it can. From per-layer dead shares at two snapshots, the fewest units that must have come back: a layer whose
 * dead count fell by k has at least k units that were dead and are not.
 */
export function unitsBackAtLeast(deadStart: readonly number[], deadEnd: readonly number[], width: number): number {
  let back = 0;
  deadStart.forEach((start, l) => {
    back += Math.max(0, Math.round((start - (deadEnd[l] ?? start)) * width));
  });
  return back;
}

/** How many hidden layers end with fewer dead units than they started with. */
export function layersWithFewerDead(deadStart: readonly number[], deadEnd: readonly number[]): number {
  return deadStart.filter((start, l) => (deadEnd[l] ?? start) < start).length;
}
