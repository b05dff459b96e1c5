/**
 * The activation gallery and the softmax demo on the activations page, in both languages: static SVGs without
 * JavaScript, and live behaviour (α slider, compare view, softmax editing, refusal of garbage) with it.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HIDDEN_ACTIVATION_IDS } from '../../src/core/activations/types';
import { expectClean, openPage, useBrowser } from './harness';

const PAGES = [
  { lang: 'en', path: 'en/activations/', notANumber: 'is not a number' },
  { lang: 'zh-cn', path: 'zh-cn/activations/', notANumber: '不是数字' },
] as const;

const browser = useBrowser();

/** Islands hydrate when visible: scroll to the figure, then wait for it to say it is ready. */
async function hydrated(page: Page, demo: 'gallery' | 'softmax') {
  const root = page.locator(`[data-demo="${demo}"]`);
  await root.scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-demo="${demo}"][data-ready="true"]`);
  return root;
}

async function probabilities(page: Page): Promise<number[]> {
  return JSON.parse((await page.getAttribute('[data-demo="softmax"]', 'data-probabilities')) ?? '[]') as number[];
}

describe.each(PAGES)('activation gallery ($lang)', ({ path, notANumber }) => {
  test('without JavaScript, every activation has a static SVG plot, plus the main plot and the softmax bars', async () => {
    const opened = await openPage(browser(), path, { javaScriptEnabled: false });
    const { page } = opened;
    expect(await page.locator('[data-demo="gallery"]').count()).toBe(1);
    for (const id of HIDDEN_ACTIVATION_IDS) {
      const svg = page.locator(`svg[data-plot="thumb-${id}"]`);
      expect(await svg.count(), id).toBe(1);
      expect(await svg.getAttribute('role')).toBe('img');
      expect((await svg.locator('title').textContent())?.length, `${id} has a title`).toBeGreaterThan(0);
      const d = await svg.locator('path[data-kind="f"]').getAttribute('d');
      expect(d, `${id} curve`).toMatch(/^M[\d.]+,[\d.]+L/);
    }
    const main = page.locator('svg[data-plot="main"]');
    expect(await main.locator('path[data-kind="f"]').count()).toBe(1);
    expect(await main.locator('rect[data-shade]').count(), 'sigmoid has vanishing-slope bands').toBeGreaterThan(0);
    expect(await page.locator('svg[data-plot="softmax"] [data-bar]').count()).toBe(3);
    expect(await page.locator('[data-demo="gallery"] .katex').count()).toBeGreaterThan(0);
    await opened.close();
  });

  test('the α slider redraws the leaky ReLU curve (pointer and keyboard)', async () => {
    const opened = await openPage(browser(), path);
    const { page } = opened;
    await hydrated(page, 'gallery');
    await page.click('[data-card="leaky_relu"]');
    await page.waitForSelector('[data-demo="gallery"][data-selected="leaky_relu"]');
    const curve = page.locator('svg[data-plot="main"] path[data-curve="leaky_relu"][data-kind="f"]');
    const before = await curve.getAttribute('d');
    const alpha = page.locator('input[data-param="alpha"]');
    await alpha.fill('0.6');
    const afterPointer = await curve.getAttribute('d');
    expect(afterPointer).not.toBe(before);
    await alpha.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await alpha.inputValue()).toBe('0.59');
    expect(await curve.getAttribute('d')).not.toBe(afterPointer);
    // The thumbnail follows the same parameter.
    expect(
      await page.locator('svg[data-plot="thumb-leaky_relu"] path[data-kind="f"]').getAttribute('d'),
    ).not.toBeNull();
    expectClean(opened);
    await opened.close();
  });

  test('the compare view overlays the chosen curves, each with its own dash pattern and label', async () => {
    const opened = await openPage(browser(), path);
    const { page } = opened;
    await hydrated(page, 'gallery');
    await page.check('[data-control="compare"]');
    await page.waitForSelector('[data-demo="gallery"][data-mode="compare"]');
    const curves = page.locator('svg[data-plot="main"] path[data-kind="f"]');
    const initial = await curves.count();
    expect(initial).toBeGreaterThan(1);
    await page.click('[data-card="mish"]');
    expect(await curves.count()).toBe(initial + 1);
    const dashes = await curves.evaluateAll((els) => els.map((el) => el.getAttribute('stroke-dasharray') ?? 'solid'));
    expect(new Set(dashes).size).toBe(dashes.length);
    expect(await page.locator('svg[data-plot="main"] .ag-label').count()).toBe(initial + 1);
    expectClean(opened);
    await opened.close();
  });

  test('softmax bars sum to 1 after editing logits, ±1000 included, and garbage shows a message', async () => {
    const opened = await openPage(browser(), path);
    const { page } = opened;
    await hydrated(page, 'softmax');
    await page.fill('[data-logit="0"]', '1000');
    await page.fill('[data-logit="1"]', '-1000');
    await page.fill('[data-logit="2"]', '999');
    await page.click('[data-control="add"]');
    const p = await probabilities(page);
    expect(p).toHaveLength(4);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
    expect(await page.locator('svg[data-plot="softmax"] [data-bar]').count()).toBe(4);

    await page.fill('[data-logit="1"]', 'abc');
    const message = page.locator('[data-message="1"]');
    await expect.poll(() => message.textContent()).toContain(notANumber);
    expect(await page.getAttribute('[data-logit="1"]', 'aria-invalid')).toBe('true');
    expect(await probabilities(page), 'the last valid value is kept').toEqual(p);

    await page.fill('[data-logit="1"]', '2');
    await expect.poll(() => message.textContent()).toBe('');
    const temperature = page.locator('[data-control="temperature"]');
    await temperature.fill('3');
    const q = await probabilities(page);
    expect(Math.abs(q.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    expect(q).not.toEqual(p);
    expectClean(opened);
    await opened.close();
  });
});
