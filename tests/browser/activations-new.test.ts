/**
 * The step, Gaussian, sine and softsign activations on the built site: the activations page shows each with its
 * plot, formula and facts in both languages (JavaScript off), and the Fit Lab trains them: a step run reaches
 * `done` with its hidden weights exactly where they started and a notice saying why, in either language; one
 * Gaussian neuron trains (its weights move, its loss falls) and shows no such notice. PReLU, in the same page: its
 * slopes start at 0, move during training, end in `data-weights` (one per neuron) and show on each neuron's card;
 * manual mode sets one by hand, and Train from here trains on from it.
 */
import { describe, expect, it } from 'vitest';
import { leastSquaresLineMse, meanSquaredError, predictAll } from '../../src/core/analysis/network';
import { ACTIVATIONS } from '../../src/core/activations/registry';
import { seedDataset } from '../../src/core/data/dataset';
import { initialParams } from '../../src/core/train/random';
import { dictionary } from '../../src/i18n';
import { fill, formatNumber } from '../../src/shared/format';
import { expectClean, openPage, useBrowser } from './harness';
import { labOn } from './lab-helpers';

const NEW = ['step', 'gaussian', 'sine', 'softsign'] as const;
/** On the activations page with them: PReLU (its own section, formula and row of facts). */
const ON_PAGE = [...NEW, 'prelu'] as const;
const LAB = '[data-demo="fit-lab"][data-sync-url="true"]';
const browser = useBrowser();
const lab = labOn(LAB, browser);
const { attr, train } = lab;

interface Weights {
  activation: string;
  hidden: number;
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
  finalMse: number;
  alpha?: number[];
}
const weightsOf = async (page: Parameters<typeof attr>[0]) =>
  JSON.parse((await attr(page, 'data-weights'))!) as Weights;
const notice = (lang: 'en' | 'zh-cn', id: (typeof NEW)[number]) =>
  fill(dictionary(lang).fitLab.cannotLearn.zeroGradient, { name: ACTIVATIONS[id].name[lang] });

describe.each(['en', 'zh-cn'] as const)('the activations page (%s, JavaScript off)', (lang) => {
  it('shows step, Gaussian, sine, softsign and PReLU: a plot, a formula, their name and their row of facts', async () => {
    const opened = await openPage(browser(), `${lang}/activations/`, { javaScriptEnabled: false });
    const { page } = opened;
    try {
      for (const id of ON_PAGE) {
        const thumb = page.locator(`svg[data-plot="thumb-${id}"]`);
        expect(await thumb.count(), id).toBe(1);
        expect(await thumb.locator('title').textContent(), id).toContain(ACTIVATIONS[id].name[lang]);
        expect(await thumb.locator('path[data-kind="f"]').getAttribute('d'), id).toMatch(/^M[\d.]+,[\d.]+L/);
        // The prose's own formula block (outside the gallery), named in this language.
        const formula = page.locator(`.sl-markdown-content > .activation-formula[data-activation="${id}"]`);
        expect(await formula.count(), `${id} formula in the prose`).toBe(1);
        expect(await formula.getAttribute('aria-label'), id).toContain(ACTIVATIONS[id].name[lang]);
        expect(await formula.locator('.katex').count(), id).toBe(2);
      }
      // The step is drawn in two pieces (it jumps at 0), with an open dot where the upper piece starts.
      const step = page.locator('svg[data-plot="thumb-step"] path[data-kind="f"]');
      expect((await step.getAttribute('d'))!.match(/M/g)!.length).toBe(2);
      // The facts table: the step's "can die" cell says it never learns.
      const row = page.locator('[data-facts="all"] tbody tr', { has: page.locator('abbr', { hasText: /^step$/ }) });
      expect(await row.locator('td').allTextContents()).toContain(dictionary(lang).gallery.neverLearns);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('the Fit Lab with the new activations', () => {
  it('zh-cn, activation=step: trains to done, the hidden layer never moves, and the notice says why', () =>
    lab.open('/zh-cn/experiment/?activation=step&seed=1', async (page) => {
      const shown = page.locator(`${LAB} [data-role="cannot-learn"]`);
      expect(await shown.textContent()).toBe(notice('zh-cn', 'step'));
      expect(await train(page)).toBe('done');
      expect(Number(await attr(page, 'data-epoch'))).toBe(300);
      const w = await weightsOf(page);
      const start = initialParams(1, w.hidden);
      expect(w.activation).toBe('step');
      // Every hidden weight and bias is still its float32 starting value: their gradient is exactly 0.
      expect(w.w1).toEqual(start.w1.map(Math.fround));
      expect(w.b1).toEqual(start.b1);
      // Only the output layer learned, and steps that all sit at x = 0 can draw no better than a flat line.
      expect(w.finalMse).toBeGreaterThanOrEqual(0.9 * leastSquaresLineMse(seedDataset()));
      expect(await shown.isVisible()).toBe(true);
    }));

  it('en, one Gaussian neuron: trains (its weights move, the loss falls), no notice; choosing step brings it; PReLU learns its slope, and trains on from one set by hand', () =>
    lab.open('/en/experiment/?activation=gaussian&hidden=1&seed=0', async (page) => {
      expect(await page.locator(`${LAB} [data-role="cannot-learn"]`).count()).toBe(0);
      expect(await train(page)).toBe('done');
      const w = await weightsOf(page);
      const start = initialParams(0, 1);
      const data = seedDataset();
      expect(w.hidden).toBe(1);
      expect(Math.abs(w.w1[0]! - start.w1[0]!)).toBeGreaterThan(1e-3);
      expect(Math.abs(w.b1[0]!)).toBeGreaterThan(1e-3);
      expect(w.finalMse).toBeLessThan(meanSquaredError(predictAll(start, { activation: 'gaussian' }, data.x), data.y));
      expect(w.finalMse).toBeLessThan(0.9 * leastSquaresLineMse(data));
      await page.selectOption(`${LAB} select[id$="-activation"]`, 'step');
      const shown = page.locator(`${LAB} [data-role="cannot-learn"]`);
      await shown.waitFor();
      expect(await shown.textContent()).toBe(notice('en', 'step'));

      // PReLU, seed 1: it starts as a ReLU (α = 0 on the card) and learns a negative slope.
      await page.selectOption(`${LAB} select[id$="-activation"]`, 'prelu');
      const seed = page.locator(`${LAB} input[id$="-seed"]`);
      await seed.fill('1');
      await seed.press('Tab');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '1');
      expect(await shown.count()).toBe(0);
      const card = page.locator(`${LAB} .fitlab__card[data-neuron="1"]`);
      expect(await card.getAttribute('data-alpha')).toBe('0');
      expect(await card.textContent()).toContain(fill(dictionary('en').fitLab.card.alphaValue, { a: formatNumber(0) }));
      expect(await train(page)).toBe('done');
      const p = await weightsOf(page);
      expect(p.activation).toBe('prelu');
      expect(p.alpha).toHaveLength(1);
      expect(p.alpha!.every((a) => Number.isFinite(a))).toBe(true);
      expect(p.alpha!.some((a) => a !== 0)).toBe(true);
      // The card and the shown weights follow the trained slope.
      expect(Number(await card.getAttribute('data-alpha'))).toBe(p.alpha![0]);
      expect(await card.textContent()).toContain(
        fill(dictionary('en').fitLab.card.alphaValue, { a: formatNumber(p.alpha![0]!) }),
      );
      expect((JSON.parse((await attr(page, 'data-weights-shown'))!) as Weights).alpha).toEqual(p.alpha);
      // The learned slope is what the page's numbers say: its data-weights reproduce the reported error.
      expect(
        Math.abs(
          meanSquaredError(predictAll(p, { activation: 'prelu' }, seedDataset().x), seedDataset().y) - p.finalMse,
        ),
      ).toBeLessThan(1e-6);

      // A slope can be set by hand: manual mode's α box moves the card and the shown weights, keeps the other
      // numbers, and Train from here starts from it.
      await page.locator(`${LAB} details:has([data-action="train-from-here"]) > summary`).click();
      const slope = page.locator(`${LAB} input[id$="-slope-1"]`);
      expect(await slope.getAttribute('aria-invalid')).toBeNull();
      await slope.fill('abc');
      await slope.press('Enter');
      expect(await slope.getAttribute('aria-invalid')).toBe('true');
      await slope.fill('0.5');
      await slope.press('Enter');
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.getAttribute('data-alpha') === '0.5',
        `${LAB} .fitlab__card[data-neuron="1"]`,
      );
      const placed = JSON.parse((await attr(page, 'data-weights-shown'))!) as Weights;
      expect(placed.alpha).toEqual([0.5]);
      expect(placed.w1).toEqual(p.w1);
      await page.locator(`${LAB} [data-action="train-from-here"]`).click();
      expect(await lab.settled(page)).toBe('done');
      const again = await weightsOf(page);
      expect(again.alpha).toHaveLength(1);
      expect(Number.isFinite(again.alpha![0])).toBe(true);
      expect(again.alpha![0], 'the slope trained on from 0.5').not.toBe(0.5);
    }));
});
