/**
 * The Fit Lab in a real browser: a full training run whose drawn curves match the weights it reports, URL settings
 * with refusals, divergence, Pause/Step/Reset, side-by-side, and no long main-thread tasks while training.
 * Every wait is for a state (`data-status`, `data-epoch`, `data-phase`), never for a fixed time.
 */
import { describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATION_IDS } from '../../src/core/activations/types';
import { useBrowser } from './harness';
import { drawnCurves, labOn, yAt } from './lab-helpers';

const LAB = '[data-demo="fit-lab"][data-sync-url="true"]';
const lab = labOn(LAB, useBrowser());
const { attr, click, waitStatus } = lab;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('Fit Lab', () => {
  it('trains sigmoid seed 1 to done; drawn prediction and components agree with data-weights', () =>
    lab.open('/en/experiment/?activation=sigmoid&seed=1', async (page) => {
      expect(await attr(page, 'data-status')).toBe('idle');
      // Its main thread while training (no task over 50 ms of CPU) is measured in responsiveness.test.ts, alone.
      expect(await lab.train(page)).toBe('done');

      expect(Number(await attr(page, 'data-epoch'))).toBe(300);
      expect(Number.isFinite(Number(await attr(page, 'data-loss')))).toBe(true);
      const weights = JSON.parse((await attr(page, 'data-weights'))!) as {
        activation: string;
        hidden: number;
        w1: number[];
        b1: number[];
        w2: number[];
        b2: number;
        finalMse: number;
      };
      expect(weights.activation).toBe('sigmoid');
      expect(weights.hidden).toBe(2);
      expect(weights.w1).toHaveLength(2);
      expect(Number.isFinite(weights.finalMse)).toBe(true);

      const predict = (x: number) =>
        weights.b2 + weights.w1.reduce((s, w, i) => s + weights.w2[i]! * sigmoid(w * x + weights.b1[i]!), 0);
      const curves = await drawnCurves(page, LAB);
      expect(curves.components).toHaveLength(weights.hidden);
      // Two pixels of tolerance (paths keep every point within 0.25 px of the exact curve, to 0.1 px; the curve is
      // 2.75 px wide). Curves are read between their vertices too, by linear interpolation, as the eye reads them.
      const tol = 2 / curves.pxPerUnit;
      const inView = (y: number) => y > curves.yDomain[0] && y < curves.yDomain[1];
      let checked = 0;
      for (let i = 0; i <= 120; i++) {
        const x = (i / 120) * 2 * Math.PI;
        const y = yAt(curves.prediction, x);
        if (!inView(y)) continue;
        expect(Math.abs(y - predict(x))).toBeLessThan(tol);
        const sum = curves.components.reduce((s, c) => s + yAt(c.points, x), curves.bias);
        expect(Math.abs(sum - y)).toBeLessThan(3 * tol);
        checked++;
      }
      expect(checked).toBeGreaterThan(100);
      // Final MSE over all 100 points, recomputed here.
      const xs = Array.from({ length: 100 }, (_, i) => (i === 99 ? 2 * Math.PI : (i * 2 * Math.PI) / 99));
      const mse = xs.reduce((s, x) => s + (predict(x) - (Math.cos(x) + 1)) ** 2, 0) / 100;
      expect(weights.finalMse).toBeCloseTo(mse, 6);
      // The address bar carries the settings.
      expect(new URL(page.url()).searchParams.get('activation')).toBe('sigmoid');
      expect(new URL(page.url()).searchParams.get('seed')).toBe('1');
    }));

  it('names refused URL values (lr=abc, hidden=99) and trains with the defaults', () =>
    lab.open('/en/experiment/?lr=abc&hidden=99', async (page) => {
      const text = await lab.refusedText(page);
      for (const part of ['lr', 'abc', 'hidden', '99']) expect(text).toContain(part);
      expect(await page.locator(`${LAB} input[id$="-lr"]`).inputValue()).toBe('0.04');
      expect(await lab.train(page)).toBe('done');
      const weights = JSON.parse((await attr(page, 'data-weights'))!) as { hidden: number };
      expect(weights.hidden).toBe(2);
    }));

  it('lr=1e6 ends diverged with an explanation, no console error, and a reset to a safe rate', () =>
    lab.open('/en/experiment/?lr=1e6&activation=relu', async (page) => {
      expect(await lab.train(page)).toBe('diverged');
      const message = page.locator(`${LAB} [data-role="diverged"]`);
      expect(await message.innerText()).toMatch(/learning rate .* too large/i);
      expect(await page.locator(`${LAB} path[data-role="prediction"]`).getAttribute('d')).not.toMatch(/NaN/);
      await message.locator('button').click();
      await waitStatus(page, ['idle']);
      // The address follows once the lab has drawn the reset (the write is an effect of that render).
      await page.waitForFunction(() => new URL(location.href).searchParams.get('lr') === '0.04');
    }));

  it('Pause, Step and Reset do what they say', () =>
    lab.open('/en/experiment/?activation=tanh&speed=slow&epochs=2000', async (page) => {
      await click(page, 'train');
      await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-epoch')) >= 3, LAB, {
        timeout: 60_000,
      });
      await click(page, 'pause');
      await waitStatus(page, ['paused']);
      const pausedAt = Number(await attr(page, 'data-epoch'));
      await click(page, 'step');
      await page.waitForFunction(
        ([sel, e]) => Number(document.querySelector(sel as string)?.getAttribute('data-epoch')) === (e as number) + 1,
        [LAB, pausedAt] as const,
        { timeout: 30_000 },
      );
      expect(await attr(page, 'data-status')).toBe('paused');
      await click(page, 'reset');
      await waitStatus(page, ['idle']);
      expect(await attr(page, 'data-epoch')).toBe('0');
    }));

  it('side by side trains every activation from the same start and shows one result each', () =>
    lab.open('/en/experiment/?activation=relu&seed=4&epochs=100', async (page) => {
      const panel = page.locator(`${LAB} [data-role="side-by-side"]`);
      await panel.locator('summary').click();
      await panel.locator('[data-action="side-by-side"]').click();
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.getAttribute('data-phase') === 'done',
        `${LAB} [data-role="side-by-side"]`,
        { timeout: 120_000 },
      );
      const results = await panel
        .locator('[data-role="side-by-side-result"]')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-activation'), e.getAttribute('data-mse')] as const));
      expect(results.map((r) => r[0])).toEqual([...HIDDEN_ACTIVATION_IDS]);
      for (const [activation, mse] of results) {
        // A missing attribute would read as 0 through Number(null): require a written, finite number.
        expect(mse, activation ?? '').toMatch(/^\d/);
        expect(Number.isFinite(Number(mse)) && Number(mse) >= 0, `${activation}: ${mse}`).toBe(true);
      }
    }));
});
