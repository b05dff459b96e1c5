import { describe, expect, it } from 'vitest';
import { layersWithFewerDead, unitsBackAtLeast } from '../../../src/core/analysis/deep-comeback';

describe('units that come back in a deep stack', () => {
  it('counts, per layer, the fall in dead units (never a rise)', () => {
    // Width 8: layer 0 loses two more units, layer 2 gets three back, layer 3 two.
    const start = [0.5, 0.75, 0.625, 0.25];
    const end = [0.75, 0.75, 0.25, 0];
    expect(unitsBackAtLeast(start, end, 8)).toBe(5);
    expect(layersWithFewerDead(start, end)).toBe(2);
  });

  it('is zero when nothing was dead or nothing changed', () => {
    expect(unitsBackAtLeast([0, 0], [0, 0.5], 8)).toBe(0);
    expect(unitsBackAtLeast([0.25], [0.25], 8)).toBe(0);
    expect(layersWithFewerDead([0.25], [0.25])).toBe(0);
  });
});
