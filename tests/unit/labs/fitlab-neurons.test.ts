/** The Fit Lab's per-neuron view model: mute and solo, the shown error, manual placement, the formula and caption. */
import { describe, expect, it } from 'vitest';
import { predict } from '../../../src/core/analysis/network';
import { seedDataset } from '../../../src/core/data/dataset';
import type { NetworkParams } from '../../../src/core/train/types';
import { dictionary } from '../../../src/i18n';
import { fitCaption, listText, shapeKind, type CaptionInput } from '../../../src/labs/fit-lab/neurons/caption';
import { formulaName, formulaText, innerText, networkFormula } from '../../../src/labs/fit-lab/neurons/formula';
import {
  componentPlace,
  fitError,
  isSoloed,
  mutedList,
  placeComponent,
  setSlope,
  SLOPE_LIMIT,
  POSITION_RANGE,
  toggleMute,
  toggleSolo,
  withoutMuted,
} from '../../../src/labs/fit-lab/neurons/neurons';

const params: NetworkParams = { w1: [1.2, -0.5, -1], b1: [-3.1, 1, 0], w2: [-0.83, 1.5, 0.5], b2: 0.52 };
const relu = { activation: 'relu' as const };
const data = seedDataset();

describe('mute and solo', () => {
  it('toggles one neuron, and solo mutes the others (again: hears all)', () => {
    const one = toggleMute([], 1, 3);
    expect(one).toEqual([false, true, false]);
    expect(toggleMute(one, 1, 3)).toEqual([false, false, false]);
    const solo = toggleSolo(one, 2, 3);
    expect(solo).toEqual([true, true, false]);
    expect(isSoloed(solo, 2, 3)).toBe(true);
    expect(isSoloed(solo, 0, 3)).toBe(false);
    expect(toggleSolo(solo, 2, 3)).toEqual([false, false, false]);
    // One neuron alone is never "soloed": there is nothing to mute.
    expect(isSoloed([], 0, 1)).toBe(false);
  });

  it('lists muted neurons 1-based, empty when none', () => {
    expect(mutedList([true, false, true])).toBe('1,3');
    expect(mutedList([false, false])).toBe('');
  });

  it('leaves a muted neuron out of the shown prediction and error, but not out of the weights', () => {
    const muted = [false, true, false];
    const shown = withoutMuted(params, muted);
    expect(shown.w2).toEqual([-0.83, 0, 0.5]);
    expect(params.w2).toEqual([-0.83, 1.5, 0.5]);
    const x = 0.5;
    const rest = params.b2 + params.w2[0]! * Math.max(0, 1.2 * x - 3.1) + params.w2[2]! * Math.max(0, -x);
    expect(predict(shown, relu, x)).toBeCloseTo(rest, 12);
    const full = fitError(params, relu, data)!;
    const less = fitError(params, relu, data, muted)!;
    expect(less.mse).not.toBeCloseTo(full.mse, 3);
    // Recomputed by hand.
    let sum = 0;
    let largest = 0;
    let at = 0;
    data.x.forEach((xi, k) => {
      const e = Math.abs(predict(shown, relu, xi) - data.y[k]!);
      sum += e * e;
      if (e > largest) [largest, at] = [e, xi];
    });
    expect(less.mse).toBeCloseTo(sum / data.x.length, 12);
    expect(less.largest).toBeCloseTo(largest, 12);
    expect(less.at).toBe(at);
  });

  it('reports a diverged network as an infinite error, never as none', () => {
    const bad = { ...params, w2: [NaN, 0, 0] };
    expect(fitError(bad, relu, data)!.largest).toBe(Infinity);
    expect(fitError(params, relu, { x: [], y: [] })).toBeNull();
  });
});

describe('placing a component by position and height', () => {
  it('moves −b/w keeping w, sets v, and leaves the other neurons alone', () => {
    const moved = placeComponent(params, 0, { position: 4 });
    expect(moved.w1[0]).toBe(1.2);
    expect(componentPlace(moved, 0).position).toBeCloseTo(4, 12);
    expect(moved.w2).toEqual(params.w2);
    const taller = placeComponent(moved, 0, { height: 2 });
    expect(componentPlace(taller, 0)).toEqual({ position: componentPlace(moved, 0).position, height: 2 });
    expect(taller.w1.slice(1)).toEqual(params.w1.slice(1));
    expect(taller.b1.slice(1)).toEqual(params.b1.slice(1));
    expect(taller.b2).toBe(params.b2);
  });

  it('keeps a PReLU network’s learned slopes; setSlope sets one slope, clamped, and ignores non-numbers', () => {
    const prelu = { ...params, alpha: [0.25, -0.5, 0] };
    expect(placeComponent(prelu, 0, { position: 3, height: 1 }).alpha).toEqual([0.25, -0.5, 0]);
    expect(setSlope(prelu, 1, 0.75).alpha).toEqual([0.25, 0.75, 0]);
    expect(setSlope(prelu, 1, 0.75).w1).toEqual(prelu.w1);
    expect(setSlope(prelu, 2, 1e6).alpha![2]).toBe(SLOPE_LIMIT);
    expect(setSlope(prelu, 2, -1e6).alpha![2]).toBe(-SLOPE_LIMIT);
    expect(setSlope(prelu, 0, NaN)).toEqual(prelu);
    // A network without slopes (every other activation) gets none.
    expect(setSlope(params, 0, 0.5)).toEqual(params);
    expect(placeComponent(params, 0, { height: 1 })).not.toHaveProperty('alpha');
  });

  it('keeps positions near the data, ignores non-numbers, and gives a w = 0 neuron a slope to move', () => {
    expect(componentPlace(placeComponent(params, 1, { position: 1e9 }), 1).position).toBeCloseTo(POSITION_RANGE[1]);
    expect(placeComponent(params, 1, { position: NaN, height: Infinity })).toEqual(params);
    const flat = { ...params, w1: [0, -0.5, -1] };
    expect(componentPlace(flat, 0).position).toBeNull();
    const placed = placeComponent(flat, 0, { position: 2 });
    expect(placed.w1[0]).toBe(1);
    expect(componentPlace(placed, 0).position).toBe(2);
  });
});

describe('the live formula', () => {
  it('writes each term with its numbers, signs as operators inside φ', () => {
    expect(innerText(1.2, -3.1)).toBe('1.2x − 3.1');
    expect(innerText(-0.5, 2)).toBe('−0.5x + 2');
    expect(innerText(2, 0)).toBe('2x');
    const f = networkFormula(params, 'relu', [false, true, false]);
    expect(f.c).toBe('0.52');
    expect(f.terms.map((t) => t.text)).toEqual(['−0.83·relu(1.2x − 3.1)', '1.5·relu(−0.5x + 1)', '0.5·relu(−1x)']);
    expect(f.terms.map((t) => [t.neuron, t.muted])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(formulaText(f)).toBe('ŷ = 0.52 + −0.83·relu(1.2x − 3.1) + 0.5·relu(−1x)');
  });

  it('names φ as readers know it', () => {
    expect(formulaName('sigmoid')).toBe('σ');
    expect(formulaName('linear')).toBe('');
    expect(networkFormula(params, 'linear').terms[0]!.text).toBe('−0.83·(1.2x − 3.1)');
    expect(formulaName('tanh')).toBe('tanh');
  });
});

describe('the caption', () => {
  const input = (over: Partial<CaptionInput> = {}): CaptionInput => ({
    activation: 'relu',
    // Kinks at 2.8 and 3.5 (both rising), one dead neuron.
    params: { w1: [1, 2, -1], b1: [-2.8, -7, -0.5], w2: [1, 1, 1], b2: 0 },
    states: ['alive', 'alive', 'dead'],
    deadSince: [null, null, 0],
    muted: [],
    xRange: [0, 2 * Math.PI],
    error: { mse: 0.01, largest: 0.1234, at: 3.14159 },
    ...over,
  });

  it('says where the hinges are, who is dead since when, and where the error is largest (en)', () => {
    expect(fitCaption(input(), dictionary('en').fitLab.caption)).toBe(
      'Two hinges at x = 2.8 and 3.5; neuron 3 dead since epoch 0; largest error 0.12 at x = 3.1.',
    );
  });

  it('says the same in Chinese', () => {
    expect(fitCaption(input(), dictionary('zh-cn').fitLab.caption)).toBe(
      '两个折点，位于 x = 2.8 和 3.5；神经元 3 自第 0 轮起死亡；最大误差 0.12，位于 x = 3.1。',
    );
  });

  it('counts only live, heard hinges inside the data, and names muted neurons', () => {
    const t = dictionary('en').fitLab.caption;
    expect(fitCaption(input({ muted: [true, false, false], error: null }), t)).toBe(
      'One hinge at x = 3.5; neuron 3 dead since epoch 0; neuron 1 muted.',
    );
    const outside = { w1: [1, 1, -1], b1: [-20, 5, -0.5], w2: [1, 1, 1], b2: 0 };
    expect(fitCaption(input({ params: outside, deadSince: [null, null, null], error: null }), t)).toBe(
      'No hinge inside the data; neuron 3 dead.',
    );
    expect(fitCaption(input({ muted: [true, true, false], error: null }), t)).toContain('neurons 1 and 2 muted');
  });

  it('speaks of steps for sigmoid-like units and of a line for linear ones', () => {
    const t = dictionary('en').fitLab.caption;
    expect(shapeKind('sigmoid')).toBe('step');
    expect(shapeKind('tanh')).toBe('step');
    expect(shapeKind('leaky_relu')).toBe('hinge');
    expect(shapeKind('swish')).toBe('bend');
    expect(shapeKind('gaussian')).toBe('bump');
    const sig = fitCaption(input({ activation: 'sigmoid', states: ['alive', 'alive', 'alive'], error: null }), t);
    // The third centre, −b/w = −0.5, lies outside the data.
    expect(sig).toBe('Two steps at x = 2.8 and 3.5.');
    expect(fitCaption(input({ activation: 'linear', states: ['alive', 'alive', 'alive'], error: null }), t)).toBe(
      'A straight line: linear neurons add up to a line.',
    );
  });

  it('names places that read the same once', () => {
    const t = dictionary('en').fitLab.caption;
    const fresh = { w1: [1, 2], b1: [0, 0], w2: [1, 1], b2: 0 };
    expect(
      fitCaption(input({ params: fresh, states: ['alive', 'alive'], deadSince: [null, null], error: null }), t),
    ).toBe('Two hinges at x = 0.');
  });

  it('joins lists the way each language does', () => {
    expect(listText(['a'], { and: ' and ', comma: ', ' })).toBe('a');
    expect(listText(['a', 'b', 'c'], { and: ' and ', comma: ', ' })).toBe('a, b and c');
    expect(listText(['1', '2', '3'], dictionary('zh-cn').fitLab.caption)).toBe('1、2 和 3');
  });
});
