import { describe, expect, it } from 'vitest';
import {
  deadSinceAt,
  indexAtEpoch,
  pushTrail,
  startTrail,
  type SnapshotTrail,
  type TrailEntry,
} from '../../../src/core/sessions/snapshot-trail';

const entry = (epoch: number, dead: boolean[] = [false, false]): TrailEntry => ({
  epoch,
  params: { w1: [epoch, 0], b1: [0, 0], w2: [1, 1], b2: 0 },
  dead,
  loss: 1 / (epoch + 1),
  gradNorm: null,
});

function run(epochs: number, cap: number, every = 1, deadAt: Record<number, boolean[]> = {}): SnapshotTrail {
  let dead = [false, false];
  let t = startTrail(entry(0, dead), cap);
  for (let e = every; e <= epochs; e += every) {
    dead = deadAt[e] ?? dead;
    t = pushTrail(t, entry(e, dead));
  }
  return t;
}

const epochsOf = (t: SnapshotTrail) => t.entries.map((e) => e.epoch);

describe('snapshot trail', () => {
  it('keeps every snapshot until the cap', () => {
    const t = run(50, 100);
    expect(epochsOf(t)).toEqual(Array.from({ length: 51 }, (_, e) => e));
    expect(t.stride).toBe(1);
  });

  it('stays bounded on a long run, evenly spread, with the start and the latest kept', () => {
    const t = run(5000, 400);
    expect(t.entries.length).toBeLessThanOrEqual(400 + t.pinned.size);
    expect(t.entries.length).toBeGreaterThan(200);
    const epochs = epochsOf(t);
    expect(epochs[0]).toBe(0);
    expect(epochs[epochs.length - 1]).toBe(5000);
    // Every kept epoch but the latest is on the stride, and no stride step is missing.
    const inner = epochs.slice(0, -1);
    for (const e of inner) expect(e % t.stride).toBe(0);
    for (let k = 1; k < inner.length; k++) expect(inner[k]! - inner[k - 1]!).toBe(t.stride);
  });

  it('keeps the latest even off the stride, then drops it when a newer one arrives', () => {
    let t = run(40, 10); // stride > 1 by now
    expect(t.stride).toBeGreaterThan(1);
    const odd = t.stride * 100 + 1;
    t = pushTrail(t, entry(odd));
    expect(epochsOf(t).at(-1)).toBe(odd);
    t = pushTrail(t, entry(odd + 1));
    expect(epochsOf(t)).not.toContain(odd);
    expect(epochsOf(t).at(-1)).toBe(odd + 1);
  });

  it('pins the first epoch each neuron is dead, through any thinning', () => {
    const t = run(3000, 20, 1, { 37: [false, true], 1001: [true, true] });
    expect(epochsOf(t)).toContain(37);
    expect(epochsOf(t)).toContain(1001);
    expect(epochsOf(t)).toContain(0);
    expect(t.pinned.size).toBe(3);
    expect(t.entries.length).toBeLessThanOrEqual(20 + 3);
  });

  it('follows snapshots that come every k epochs (the fast speed)', () => {
    const t = run(3000, 50, 5);
    const inner = epochsOf(t).slice(0, -1);
    expect(inner.length).toBeGreaterThan(25);
    expect(inner.length).toBeLessThanOrEqual(50);
    const gaps = new Set(inner.slice(1).map((e, k) => e - inner[k]!));
    expect(gaps.size).toBe(1);
  });

  it('ignores a snapshot that is not newer than the latest', () => {
    const t = run(10, 100);
    expect(pushTrail(t, entry(10))).toBe(t);
    expect(pushTrail(t, entry(3))).toBe(t);
  });

  it('finds the entry shown for an epoch: the last at or before it', () => {
    const t = run(3000, 20);
    const epochs = epochsOf(t);
    expect(indexAtEpoch(t, 0)).toBe(0);
    expect(indexAtEpoch(t, 3000)).toBe(epochs.length - 1);
    expect(indexAtEpoch(t, 99999)).toBe(epochs.length - 1);
    const k = 5;
    expect(indexAtEpoch(t, epochs[k]!)).toBe(k);
    expect(indexAtEpoch(t, epochs[k]! + 1)).toBe(k);
    expect(indexAtEpoch(t, epochs[k]! - 1)).toBe(k - 1);
  });

  it('says since when each neuron has been dead at a recorded entry', () => {
    const t = run(100, 1000, 1, { 37: [false, true], 60: [true, true] });
    expect(deadSinceAt(t, indexAtEpoch(t, 20))).toEqual([null, null]);
    expect(deadSinceAt(t, indexAtEpoch(t, 50))).toEqual([null, 37]);
    expect(deadSinceAt(t, indexAtEpoch(t, 100))).toEqual([60, 37]);
    const fromStart = startTrail(entry(0, [true, false]));
    expect(deadSinceAt(pushTrail(fromStart, entry(5, [true, false])), 1)).toEqual([0, null]);
  });
});
