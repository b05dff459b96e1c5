/**
 * The landing page (`/en/`, `/zh-cn/`) as a new reader meets it: the hero's figure, promise and two ways in sit in
 * the first screen at 1280 × 800 and 390 × 844; the figure trains live from the seed's starting weights to the end
 * once it is in view, drawing the run on the way; without JavaScript it is the run recorded at build time. Screenshots
 * at 1440 × 900 and 390 × 844 go to test-results/screenshots/ for a person to look at.
 * Pausing, reduced motion, print and preview images are in manners.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { dictionary } from '../../src/i18n';
import { HERO_RUN } from '../../src/labs/hero/run';
import { HERO_CONFIG } from '../../src/labs/hero/view';
import { expectClean, openPage, siteUrl, useBrowser } from './harness';

const HERO = '[data-demo="hero"]';
const SCREENSHOTS = 'test-results/screenshots';
const FIRST_SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const SHOTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

const browser = useBrowser();

/**
 * Every value the hero's data-epoch takes from the first script on, the drawn sum's path at each, and when its run
 * started against when the page loaded (a test-only record, not the page's).
 */
const RECORD_EPOCHS = () => {
  const seen: string[] = [];
  const sums: string[] = [];
  Object.assign(window, { __heroEpochs: seen, __heroSums: sums });
  new MutationObserver((records) => {
    for (const r of records) {
      const element = r.target as Element;
      if (element.getAttribute('data-demo') !== 'hero') continue;
      seen.push(element.getAttribute('data-epoch') ?? '');
      sums.push(element.querySelector('[data-role="prediction"]')?.getAttribute('d') ?? '');
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-epoch'] });
  // When the page finished loading and when the hero first left 'idle' (started its run).
  const times: { load?: number; start?: number } = {};
  Object.assign(window, { __heroTimes: times });
  addEventListener('load', () => (times.load ??= performance.now()), { once: true });
  new MutationObserver(() => {
    const status = document.querySelector('[data-demo="hero"]')?.getAttribute('data-status');
    if (status && status !== 'idle') times.start ??= performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
};

/** The hero, its promise and both links lie wholly inside the viewport (nothing scrolled). */
async function expectFirstScreen(page: Page, size: { width: number; height: number }, what: string) {
  await page.setViewportSize(size);
  await page.evaluate(() => scrollTo(0, 0));
  for (const selector of [HERO, '.hero__promise', '.hero__link >> nth=0', '.hero__link >> nth=1']) {
    const box = await page.locator(selector).boundingBox();
    expect(box, `${selector} on ${what}`).not.toBeNull();
    expect(box!.y, `${selector} top on ${what}`).toBeGreaterThanOrEqual(0);
    expect(box!.x, `${selector} left on ${what}`).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `${selector} bottom on ${what}`).toBeLessThanOrEqual(size.height);
    expect(box!.x + box!.width, `${selector} right on ${what}`).toBeLessThanOrEqual(size.width);
  }
}

describe.each(['en', 'zh-cn'] as const)('the landing page (%s)', (lang) => {
  const t = dictionary(lang).hero;

  test('the hero fills the first screen, trains live to the end, and its links lead in', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const opened = await openPage(browser(), `${lang}/`, {
      viewport: FIRST_SCREENS[0],
      initScript: RECORD_EPOCHS,
    });
    try {
      const { page } = opened;
      const hero = page.locator(HERO);
      await expectFirstScreen(page, FIRST_SCREENS[0]!, `${lang} at 1280 × 800`);
      await expect(page.locator('.hero__promise').innerText()).resolves.toBe(t.promise);
      // Its links ease their colours (reduced motion takes that away: manners.test.ts).
      expect(
        await page
          .locator('.hero__link')
          .first()
          .evaluate((a) => getComputedStyle(a).transitionDuration),
      ).not.toMatch(/^0s(, 0s)*$/);

      // In view from the start: it trains by itself, from the seed's starting weights, drawing the way there.
      await page.waitForSelector(`${HERO}[data-status="done"]`, { timeout: 120_000 });
      expect(await hero.getAttribute('data-source')).toBe('live');
      expect(await hero.getAttribute('data-epoch')).toBe(String(HERO_CONFIG.epochs));
      const [epochs, sums] = await page.evaluate(() => {
        const record = window as unknown as { __heroEpochs: string[]; __heroSums: string[] };
        return [record.__heroEpochs, record.__heroSums];
      });
      expect(epochs[0], 'the first frame of the live run').toBe('0');
      // The page loads first: the run starts only after the load event (then at the first quiet moment).
      const times = await page.evaluate(
        () => (window as unknown as { __heroTimes: { load?: number; start?: number } }).__heroTimes,
      );
      expect(times.load, 'the page loaded').toBeDefined();
      expect(times.start, 'the run started after load').toBeGreaterThan(times.load!);
      expect(new Set(epochs).size, 'frames drawn on the way').toBeGreaterThan(10);
      expect(new Set(sums).size, 'the drawn sum moves from frame to frame').toBeGreaterThan(10);
      const status = await hero.locator('.hero-lab__status').innerText();
      expect(status).toContain(String(HERO_CONFIG.epochs));
      expect(status).not.toMatch(/\{\w+\}/);

      // A text alternative: the plot is an image named by its title and the live summary of the two steps.
      const plot = hero.locator('svg.fl-back[role="img"]');
      const ids = ((await plot.getAttribute('aria-labelledby')) ?? '').split(' ');
      const names = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(names.join(' ')).toContain(t.plot.title);
      expect(names.join(' ')).toContain(t.plot.rising);
      expect(names.join(' ')).toContain(t.plot.falling);

      // Two ways in: the first chapter, and the experiment page's Fit Lab (the anchor exists there).
      const hrefs = await page
        .locator('.hero__link')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs).toEqual([siteUrl(`${lang}/activations/`), siteUrl(`${lang}/experiment/#fl-fitlab-linear`)]);
      const experiment = await (await fetch(siteUrl(`${lang}/experiment/`))).text();
      expect(experiment).toContain('id="fl-fitlab-linear"');
      expect((await fetch(hrefs[0]!)).status).toBe(200);

      await expectFirstScreen(page, FIRST_SCREENS[1]!, `${lang} at 390 × 844`);
      for (const size of SHOTS) {
        await page.setViewportSize(size);
        await page.evaluate(() => scrollTo(0, 0));
        await page.screenshot({ path: `${SCREENSHOTS}/landing-${lang}-${size.width}x${size.height}.png` });
      }
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('without JavaScript the hero is the recorded run, drawn, with its words and links', async () => {
    const opened = await openPage(browser(), `${lang}/`, { javaScriptEnabled: false, viewport: FIRST_SCREENS[1] });
    try {
      const { page } = opened;
      const hero = page.locator(HERO);
      await expectFirstScreen(page, FIRST_SCREENS[1]!, `${lang} without JavaScript`);
      expect(await hero.getAttribute('data-status')).toBe('idle');
      expect(await hero.getAttribute('data-source')).toBe('recorded');
      expect(await hero.getAttribute('data-epoch')).toBe(String(HERO_RUN.epoch));
      // Target, both components and their sum are drawn.
      expect(await hero.locator('[data-role="target"]').count()).toBe(1);
      expect(await hero.locator('[data-role="component"]').count()).toBe(2);
      const sum = await hero.locator('[data-role="prediction"]').getAttribute('d');
      expect(sum?.length).toBeGreaterThan(50);
      expect(await hero.locator('.hero-lab__status').innerText()).toContain(String(HERO_RUN.epoch));
      // No control that cannot work: the replay button takes its place unseen.
      expect(await hero.locator('[data-action="replay"]').isVisible()).toBe(false);
      expect(await page.locator('.hero__link').count()).toBe(2);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});
