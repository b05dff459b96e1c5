/**
 * The landing page's hero: the run it shows before (and without) JavaScript is what the engine trains today from
 * the same settings, the live figure starts from the weights the worker starts from, and its text alternative says
 * what the picture shows (a falling and a rising step whose sum fits the target).
 */
import { describe, expect, it } from 'vitest';
import { initialParams } from '../../../src/core/train/random';
import { recordHeroRun } from '../../../src/labs/hero/generate-run';
import { HERO_RUN } from '../../../src/labs/hero/run';
import { heroSummary } from '../../../src/labs/hero/text';
import { HERO_CONFIG, HERO_DATA, heroMse, heroPlotData, pieceFacts } from '../../../src/labs/hero/view';
import { dictionary } from '../../../src/i18n';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';

describe('the hero', () => {
  it('shows the run the engine trains from its settings (run.json is up to date)', async () => {
    const fresh = await recordHeroRun();
    expect(fresh.epoch).toBe(HERO_CONFIG.epochs);
    for (const key of ['w1', 'b1', 'w2'] as const)
      fresh.params[key].forEach((v, i) => expect(v).toBeCloseTo(HERO_RUN.params[key][i]!, 5));
    expect(fresh.params.b2).toBeCloseTo(HERO_RUN.params.b2, 5);
    expect(HERO_RUN.finalMse).toBeCloseTo(heroMse(HERO_RUN.params), 12);
  }, 60_000);

  it('starts live from the weights the engine starts from', () => {
    const trainer = new ShallowTrainer({ configs: [HERO_CONFIG], data: HERO_DATA });
    try {
      const engine = trainer.read().networks[0]!.params;
      const drawn = initialParams(HERO_CONFIG.seed, HERO_CONFIG.hidden);
      // The engine holds float32s; the island draws the float64s they were rounded from.
      for (const key of ['w1', 'b1', 'w2'] as const)
        engine[key].forEach((v, i) => expect(v).toBeCloseTo(drawn[key][i]!, 6));
      expect(engine.b2).toBe(drawn.b2);
    } finally {
      trainer.dispose();
    }
  });

  it('builds cos x + 1 from a falling and a rising step plus a bias', () => {
    const [first, second] = pieceFacts(HERO_RUN.params);
    expect(first!.rising).not.toBe(second!.rising);
    expect(heroMse(HERO_RUN.params)).toBeLessThan(0.01);
    const plot = heroPlotData(HERO_RUN.params);
    expect(plot.components).toHaveLength(2);
    // The drawn sum is the components plus the bias, point by point.
    plot.prediction!.forEach((y, k) =>
      expect(y).toBeCloseTo(plot.components[0]!.y[k]! + plot.components[1]!.y[k]! + plot.bias!, 9),
    );
  });

  it('says so in both languages, with the numbers of the run', () => {
    for (const lang of ['en', 'zh-cn'] as const) {
      const t = dictionary(lang).hero;
      const text = heroSummary(t, HERO_RUN.params);
      expect(text).toContain(t.plot.rising);
      expect(text).toContain(t.plot.falling);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toContain('−0.883'); // the output bias c, with a true minus sign
    }
  });
});
