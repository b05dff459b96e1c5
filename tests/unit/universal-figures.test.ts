import { describe, expect, it } from 'vitest';
import { GOOD_FIT_MSE } from '../../src/lib/analysis';
import { presetControls, SHAPE_PRESET_IDS } from '../../src/lib/drawn-target';
import { defaultUniversal, serializeUniversalSettings, SWEEP_ACTIVATIONS, UNIT_SWEEP } from '../../src/lib/universal-settings';
import { recordedFigures } from '../../src/components/further/universal/figures';
import { mseOf, shapeData } from '../../src/components/further/universal/model';

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
    expect(figures.run.finalMse).toBeCloseTo(mseOf(figures.run.params, s.activation, shapeData(presetControls('zigzag')).data), 10);
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
});
