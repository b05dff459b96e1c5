import { describe, expect, it } from 'vitest';
import {
  applyStroke,
  CONTROL_POINTS,
  CONTROL_XS,
  controlsFromSamples,
  decodeShape,
  drawnDataset,
  ENCODED_LENGTH,
  encodeShape,
  flatControls,
  presetControls,
  presetOf,
  quantize,
  resample,
  SHAPE_PRESET_IDS,
  valueAt,
  Y_MAX,
  Y_MIN,
} from '../../../src/core/data/drawn-target';
import { trainingXs } from '../../../src/core/settings/fit-lab';

const line = (x: number) => 0.3 * x - 0.5;

describe('drawn target: control values', () => {
  it('has evenly spaced control points over [0, 2π], ends included', () => {
    expect(CONTROL_XS).toHaveLength(CONTROL_POINTS);
    expect(CONTROL_XS[0]).toBe(0);
    expect(CONTROL_XS[CONTROL_POINTS - 1]).toBe(2 * Math.PI);
  });

  it('a dense stroke along a line gives that line at every control point', () => {
    const stroke = Array.from({ length: 400 }, (_, i) => ({
      x: (i / 399) * 2 * Math.PI,
      y: line((i / 399) * 2 * Math.PI),
    }));
    const values = applyStroke(flatControls(), stroke);
    CONTROL_XS.forEach((x, k) => expect(values[k]).toBeCloseTo(line(x), 2));
  });

  it('samples in any order give the same curve once sorted; a reversed stroke paints the same values', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 2 * Math.PI];
    const samples = xs.map((x) => ({ x, y: line(x) }));
    const shuffled = [
      samples[3]!,
      samples[7]!,
      samples[0]!,
      samples[5]!,
      samples[1]!,
      samples[6]!,
      samples[2]!,
      samples[4]!,
    ];
    expect(controlsFromSamples(shuffled)).toEqual(controlsFromSamples(samples));
    expect(applyStroke(flatControls(), [...samples].reverse())).toEqual(applyStroke(flatControls(), samples));
  });

  it('gaps between samples are bridged by straight lines; points outside the stroke keep their values', () => {
    const values = applyStroke(flatControls(0.5), [
      { x: 1, y: 0 },
      { x: 3, y: 2 },
    ]);
    CONTROL_XS.forEach((x, k) => {
      if (x < 1 || x > 3) expect(values[k]).toBeCloseTo(0.5, 2);
      else expect(values[k]).toBeCloseTo(x - 1, 2);
    });
  });

  it('a lone sample or a tiny segment sets the nearest control point only', () => {
    const one = applyStroke(flatControls(0), [{ x: CONTROL_XS[5]! + 0.01, y: 2 }]);
    expect(one.filter((v, k) => k !== 5 && Math.abs(v) > 1e-9)).toEqual([]);
    expect(one[5]).toBeCloseTo(2, 2);
    const tiny = applyStroke(flatControls(0), [
      { x: CONTROL_XS[8]! + 0.02, y: 1 },
      { x: CONTROL_XS[8]! + 0.05, y: 1 },
    ]);
    expect(tiny[8]).toBeCloseTo(1, 2);
    expect(tiny.filter((v) => Math.abs(v) > 1e-9)).toHaveLength(1);
  });

  it('clamps y to the drawing range and ignores non-finite samples', () => {
    const values = applyStroke(flatControls(0), [
      { x: 0, y: -50 },
      { x: NaN, y: 1 },
      { x: 2 * Math.PI, y: 50 },
      { x: 1, y: Infinity },
    ]);
    expect(values[0]).toBeCloseTo(Y_MIN, 6);
    expect(values[CONTROL_POINTS - 1]).toBeCloseTo(Y_MAX, 6);
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    expect(controlsFromSamples([])).toEqual(flatControls());
  });
});

describe('drawn target: resampling', () => {
  it('interpolates linearly between control values and hits them exactly at control points', () => {
    const values = presetControls('zigzag');
    CONTROL_XS.forEach((x, k) => expect(valueAt(values, x)).toBeCloseTo(values[k]!, 12));
    const mid = (CONTROL_XS[3]! + CONTROL_XS[4]!) / 2;
    expect(valueAt(values, mid)).toBeCloseTo((values[3]! + values[4]!) / 2, 12);
  });

  it('gives a 100-point Dataset on the training inputs', () => {
    const data = drawnDataset(presetControls('cos'), trainingXs());
    expect(data.x).toHaveLength(100);
    expect(data.y).toHaveLength(100);
    data.x.forEach((x, j) => expect(Math.abs(data.y[j]! - (Math.cos(x) + 1))).toBeLessThan(0.03));
    expect(resample(flatControls(2), [-1, 0, 10])).toEqual([quantize(2), quantize(2), quantize(2)]);
  });
});

describe('drawn target: URL encoding', () => {
  it('round-trips every preset and a random shape exactly', () => {
    for (const id of SHAPE_PRESET_IDS) {
      const values = presetControls(id);
      const code = encodeShape(values);
      expect(code).toHaveLength(ENCODED_LENGTH);
      expect(code).toMatch(/^[0-9a-z]+$/);
      const back = decodeShape(code);
      expect(back.ok && back.values).toEqual(values);
      expect(presetOf(values)).toBe(id);
    }
    let s = 7;
    const random = CONTROL_XS.map(() =>
      quantize(Y_MIN + (Y_MAX - Y_MIN) * ((s = (s * 48271) % 2147483647) / 2147483647)),
    );
    const back = decodeShape(encodeShape(random));
    expect(back.ok && back.values).toEqual(random);
    expect(presetOf(random)).toBeNull();
  });

  it('refuses bad encodings with a reason, never throwing', () => {
    const good = encodeShape(presetControls('bump'));
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      ['NaN', 'badLength'],
      ['x'.repeat(10_000), 'badLength'],
      ['<script>alert(1)</script>', 'badLength'],
      ['<script>'.padEnd(ENCODED_LENGTH, '0'), 'badCharacter'],
      [good.slice(0, -2) + '文字', 'badCharacter'],
      [good.slice(0, -1) + 'é', 'badCharacter'],
      [good.toUpperCase(), 'badCharacter'],
      [good.slice(1), 'badLength'],
      [good + '0', 'badLength'],
      [' '.repeat(ENCODED_LENGTH), 'badCharacter'],
      ['zz'.repeat(CONTROL_POINTS), 'badValue'],
    ];
    for (const [text, reason] of cases) expect(decodeShape(text)).toEqual({ ok: false, reason });
  });

  it('presets differ from each other and stay inside the drawing range', () => {
    const codes = new Set(SHAPE_PRESET_IDS.map((id) => encodeShape(presetControls(id))));
    expect(codes.size).toBe(SHAPE_PRESET_IDS.length);
    for (const id of SHAPE_PRESET_IDS) for (const v of presetControls(id)) expect(v >= Y_MIN && v <= Y_MAX).toBe(true);
  });
});
