import { describe, expect, it } from 'vitest';
import { flatGuess, guessDistance, rangeSnap } from '../../../src/core/analysis/guess';
import { applyStroke, CONTROL_POINTS, CONTROL_XS } from '../../../src/core/data/drawn-target';
import { trainingXs } from '../../../src/core/settings/fit-lab';

const xs = trainingXs();

describe('a guess of the trained curve', () => {
  it('is at distance 0 from a prediction it matches, and |a − b| from a flat line b', () => {
    expect(
      guessDistance(
        flatGuess(1),
        xs,
        xs.map(() => 1),
      ),
    ).toBe(0);
    expect(
      guessDistance(
        flatGuess(1),
        xs,
        xs.map(() => 1.25),
      ),
    ).toBeCloseTo(0.25, 12);
  });

  it('is the root-mean-square difference over the inputs, read along the polyline', () => {
    // A guess y = x (exact at every control point, and linear between them).
    const line = CONTROL_XS.map((x) => x);
    const predicted = xs.map((x) => x + (x < Math.PI ? 0.3 : -0.4));
    const expected = Math.sqrt(xs.reduce((s, x) => s + (x < Math.PI ? 0.09 : 0.16), 0) / xs.length);
    expect(guessDistance(line, xs, predicted)).toBeCloseTo(expected, 12);
  });

  it('is NaN without inputs, with mismatched predictions, or with a non-finite prediction', () => {
    expect(guessDistance(flatGuess(0), [], [])).toBeNaN();
    expect(guessDistance(flatGuess(0), xs, [1, 2])).toBeNaN();
    expect(
      guessDistance(
        flatGuess(0),
        xs,
        xs.map(() => NaN),
      ),
    ).toBeNaN();
  });

  it('is sketched on its plot’s range: strokes are clamped to it, not to the drawn target’s', () => {
    const snap = rangeSnap(-0.5, 4.5);
    expect(snap(10)).toBe(4.5);
    expect(snap(-3)).toBe(-0.5);
    expect(snap(1.234567)).toBe(1.2346);
    const sketched = applyStroke(
      flatGuess(1),
      [
        { x: 0, y: 4.2 },
        { x: 2 * Math.PI, y: 4.2 },
      ],
      snap,
    );
    // The default snap would clamp to 3 (the drawn target's top).
    expect(sketched).toEqual(Array.from({ length: CONTROL_POINTS }, () => 4.2));
  });
});
