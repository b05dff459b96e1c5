import { describe, expect, it } from 'vitest';
import { GOOD_FIT_MSE } from '../../../src/core/analysis/network';
import { presetControls, SHAPE_PRESET_IDS } from '../../../src/core/data/drawn-target';
import {
  defaultUniversal,
  serializeUniversalSettings,
  SWEEP_ACTIVATIONS,
  UNIT_SWEEP,
} from '../../../src/labs/universal/settings';
import { recordedFigures, unitsStat } from '../../../src/labs/universal/figures';
import { mseOf, shapeData } from '../../../src/labs/universal/view';

describe('universal lab build-time figures (figures.json)', () => {
  const figures = recordedFigures();

  it('were made with the current defaults, so the page shows them (else: npm run figures:universal)', () => {
    const s = defaultUniversal();
    expect(figures.run.query).toBe(serializeUniversalSettings(s));
    expect(figures.run.params.w1).toHaveLength(s.units);
    expect(figures.run.epoch).toBe(s.epochs);
  });

  it('the recorded run’s MSE is what its weights give on the default shape', () => {
    const s = defaultUniversal();
    expect(figures.run.finalMse).toBeCloseTo(
      mseOf(figures.run.params, s.activation, shapeData(presetControls('zigzag')).data),
      10,
    );
  });

  it('hold a consistent "how many units?" summary for every preset shape', () => {
    for (const id of SHAPE_PRESET_IDS) {
      const summary = figures.howMany[id]!;
      expect(summary.cells).toHaveLength(UNIT_SWEEP.length * SWEEP_ACTIVATIONS.length);
      for (const activation of SWEEP_ACTIVATIONS) {
        const cells = summary.cells.filter((c) => c.activation === activation);
        const first = cells.find((c) => c.bestMse < GOOD_FIT_MSE);
        const needed = summary.needed.find((n) => n.activation === activation)!;
        expect(needed.hidden).toBe(first?.hidden ?? null);
        expect(needed.goodShare).toBe(first?.goodShare ?? 0);
        for (const c of cells) expect(c.goodShare > 0).toBe(c.bestMse < GOOD_FIT_MSE);
      }
    }
  });

  it('gives prose its numbers (UnitsStat): units, share and time, in both languages, and refuses unknown names', () => {
    const zig = figures.howMany.zigzag!;
    const relu = zig.needed.find((n) => n.activation === 'relu')!;
    expect(unitsStat(figures, 'zigzag', 'relu', 'units', 'en')).toEqual({
      value: relu.hidden,
      text: relu.hidden === null ? 'more than 32' : String(relu.hidden),
    });
    expect(unitsStat(figures, 'zigzag', 'relu', 'share', 'zh-cn').text).toBe(`${Math.round(relu.goodShare * 100)}%`);
    expect(unitsStat(figures, 'zigzag', 'relu', 'seconds', 'en').value).toBe(zig.seconds);
    expect(unitsStat(figures, 'zigzag', 'relu', 'epochs', 'en')).toEqual({
      value: defaultUniversal().epochs,
      text: defaultUniversal().epochs.toLocaleString('en'),
    });
    expect(unitsStat(figures, 'cos', 'sigmoid', 'seeds', 'zh-cn').value).toBe(defaultUniversal().seeds);
    const none = {
      ...figures,
      howMany: { flat: { ...zig, needed: [{ activation: 'sigmoid' as const, hidden: null, goodShare: 0 }] } },
    };
    expect(unitsStat(none, 'flat', 'sigmoid', 'units', 'en')).toEqual({ value: null, text: 'more than 32' });
    expect(unitsStat(none, 'flat', 'sigmoid', 'units', 'zh-cn').text).toBe('超过 32');
    expect(() => unitsStat(figures, 'nope', 'relu', 'units', 'en')).toThrow(/no recorded sweep/);
    expect(() => unitsStat(figures, 'zigzag', 'tanh', 'units', 'en')).toThrow(/no tanh results/);
  });
});
