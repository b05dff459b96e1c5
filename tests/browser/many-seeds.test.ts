/**
 * The many-seeds page: every number shown comes from src/labs/seeds/many-seeds.json, the histograms list seeds that
 * open the Fit Lab on that run, and the live panel trains in the worker, streams results, cancels, and leaves no
 * tensors behind.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatFact } from '../../src/shared/format';
import { reviveManySeeds } from '../../src/core/analysis/many-seeds-file';
import { factKind, seedFacts } from '../../src/core/analysis/seed-facts';
import { histogramCounts } from '../../src/core/analysis/seed-stats';
import { expectClean, openPage, useBrowser } from './harness';
import { workerTensors } from './lab-helpers';

const data = reviveManySeeds(JSON.parse(readFileSync('src/labs/seeds/many-seeds.json', 'utf8')));
const facts = seedFacts(data);

const browser = useBrowser();

async function hydrated(page: Page, demo: 'seed-histograms' | 'many-seeds-live') {
  const root = page.locator(`[data-demo="${demo}"]`);
  await root.scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-demo="${demo}"][data-ready="true"]`);
  return root;
}

describe.each(['en', 'zh-cn'] as const)('many seeds, precomputed (%s)', (lang) => {
  test('every number on the page is the value in the data, formatted', async () => {
    const opened = await openPage(browser(), `${lang}/many-seeds/`, { javaScriptEnabled: false });
    const stats = await opened.page.$$eval('[data-seed-stat]', (els) =>
      els.map((e) => ({
        name: e.getAttribute('data-seed-stat')!,
        value: e.getAttribute('data-value')!,
        kind: e.getAttribute('data-kind')!,
        text: e.textContent!,
      })),
    );
    // Prose, summary table, ReLU table, one-neuron table, longer-training table and claims all quote the data.
    expect(stats.length).toBeGreaterThan(150);
    for (const s of stats) {
      const value = facts[s.name];
      expect(value, s.name).toBeDefined();
      expect(Number(s.value), s.name).toBe(value);
      expect(s.kind, s.name).toBe(factKind(s.name));
      expect(s.text, s.name).toBe(formatFact(value!, s.kind as ReturnType<typeof factKind>, lang));
    }
    // Without JavaScript the histograms are static SVGs, one per configuration, with no dead buttons.
    expect(await opened.page.locator('[data-demo="seed-histograms"] svg[data-plot="seed-histogram"]').count()).toBe(
      data.configs.length,
    );
    expect(await opened.page.locator('[data-demo="seed-histograms"] [role="button"]').count()).toBe(0);
    await opened.close();
  });

  test('a histogram bar lists its seeds, by click and by keyboard, and a seed opens that run in the Fit Lab', async () => {
    const opened = await openPage(browser(), `${lang}/many-seeds/`);
    const { page } = opened;
    await hydrated(page, 'seed-histograms');
    const relu = data.configs.find((c) => c.id === 'relu-h2')!;
    const card = page.locator('[data-demo="seed-histograms"] [data-config="relu-h2"]');
    // The fullest bar: its list must hold exactly the seeds whose final MSE falls in that bin.
    const bin = relu.histogram.indexOf(Math.max(...relu.histogram));
    await card.locator(`[data-bin="${bin}"]`).click();
    const links = card.locator(`[data-bin-list="${bin}"] a[data-seed]`);
    const lo = data.binEdges[bin]!;
    const hi = data.binEdges[bin + 1]!;
    const expected = relu.runs
      .filter((r) => r.finalMse >= lo && (r.finalMse < hi || bin === relu.histogram.length - 1))
      .map((r) => r.seed);
    expect(await links.count()).toBe(Math.min(300, expected.length));
    const first = await links.first().getAttribute('href');
    expect(first).toBe(
      `../experiment/?activation=relu&hidden=2&lr=0.04&epochs=300&batch=32&seed=${expected[0]}&target=cos#fit-lab`,
    );

    // Keyboard: another bar, focused and activated with Enter.
    const other = relu.histogram.findIndex((n, k) => n > 0 && k !== bin);
    await card.locator(`[data-bin="${other}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-config="relu-h2"] [data-bin-list="${other}"]`);
    expect(await card.locator(`[data-bin="${other}"]`).getAttribute('aria-pressed')).toBe('true');

    // Following a seed lands on the experiment page's Fit Lab with that seed.
    await links.first().waitFor({ state: 'detached' });
    const seedLink = card.locator(`[data-bin-list="${other}"] a[data-seed]`).first();
    const seed = await seedLink.getAttribute('data-seed');
    await seedLink.click();
    await page.waitForURL(new RegExp(`/${lang}/experiment/\\?.*seed=${seed}.*#fit-lab$`));
    expect(new URL(page.url()).searchParams.get('activation')).toBe('relu');
    expectClean(opened);
    await opened.close();
  });
});

describe('many seeds, live panel', () => {
  test('runs 20 seeds to completion, cancels a longer run midway, and leaks no tensors', async () => {
    const opened = await openPage(browser(), 'en/many-seeds/');
    const { page } = opened;
    const live = await hydrated(page, 'many-seeds-live');
    const status = () => live.getAttribute('data-status');

    // Bad input is refused with a message, and Train stays disabled.
    await live.locator('input[name="count"]').fill('5000');
    expect(await live.locator('[data-action="start"]').isDisabled()).toBe(true);
    expect(await live.locator('#seeds-live-count-hint').textContent()).toContain('1 to 1,000');

    const boxes = live.locator('input[name="activation"]');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      await box.setChecked(['sigmoid', 'relu', 'leaky_relu'].includes((await box.getAttribute('value'))!));
    }
    await live.locator('input[name="count"]').fill('20');
    await live.locator('[data-action="start"]').click();
    await page.waitForSelector('[data-demo="many-seeds-live"][data-status="done"]', { timeout: 120_000 });
    const chosen = await live.locator('input[name="activation"]:checked').count();
    expect(await live.getAttribute('data-done')).toBe(String(20 * chosen));
    const cards = live.locator('.seeds-card');
    expect(await cards.count()).toBe(chosen);
    for (let i = 0; i < chosen; i++) {
      expect(await cards.nth(i).getAttribute('data-runs')).toBe('20');
      expect(await cards.nth(i).locator('svg[data-plot="seed-histogram"]').count()).toBe(1);
    }
    // Same engine, same seeds, same bins: the browser's histograms are the precomputed ones for seeds 0–19.
    for (const id of ['sigmoid-h2', 'relu-h2', 'leaky_relu-h2']) {
      const drawn = await page.$$eval(`[data-config="live-${id}"] [data-bin]`, (els) =>
        els.map((e) => Number(e.getAttribute('data-count'))),
      );
      const stored = data.configs.find((c) => c.id === id)!.runs.filter((r) => r.seed < 20);
      expect(drawn, id).toEqual(
        histogramCounts(
          stored.map((r) => r.finalMse),
          data.binEdges,
        ),
      );
    }
    // A finished job frees everything it allocated in the worker.
    await expect.poll(() => workerTensors(page)).toBe(0);

    // A long run, cancelled once the first results are in.
    await live.locator('input[name="count"]').fill('1000');
    await live.locator('[data-action="start"]').click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-demo="many-seeds-live"]')?.getAttribute('data-done')) > 0,
      undefined,
      { timeout: 120_000 },
    );
    expect(await status()).toBe('training');
    await live.locator('[data-action="cancel"]').click();
    await page.waitForSelector('[data-demo="many-seeds-live"][data-status="cancelled"]');
    const done = Number(await live.getAttribute('data-done'));
    const total = Number(await live.getAttribute('data-total'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(total);
    expect(await cards.count()).toBe(chosen); // the partial histograms stay
    await expect.poll(() => workerTensors(page)).toBe(0);
    expectClean(opened);
    await opened.close();
  });

  // Large jobs train on the WebAssembly backend, fetched only then (train.worker.ts); if it is refused, on cpu.
  test.each([false, true])(
    'a job of 500 networks loads the wasm backend, and still trains (on cpu) if .wasm is refused (refused: %s)',
    async (refuse) => {
      const opened = await openPage(browser(), 'en/many-seeds/');
      const { page, context } = opened;
      const wasmRequests: string[] = [];
      context.on('request', (r) => {
        if (/\.wasm(\?|$)/.test(r.url())) wasmRequests.push(r.url());
      });
      if (refuse) await context.route(/\.wasm(\?|$)/, (route) => route.abort('failed'));
      const live = await hydrated(page, 'many-seeds-live');
      const boxes = live.locator('input[name="activation"]');
      for (let i = 0; i < (await boxes.count()); i++) {
        const box = boxes.nth(i);
        await box.setChecked(['sigmoid', 'relu'].includes((await box.getAttribute('value'))!));
      }
      await live.locator('input[name="count"]').fill('20');
      await live.locator('[data-action="start"]').click();
      await page.waitForSelector('[data-demo="many-seeds-live"][data-status="done"]', { timeout: 120_000 });
      expect(wasmRequests, 'a job of 40 networks stays on cpu').toEqual([]);

      await live.locator('input[name="count"]').fill('250');
      await live.locator('[data-action="start"]').click();
      if (!refuse) {
        await page.waitForSelector('[data-demo="many-seeds-live"][data-status="done"]', { timeout: 170_000 });
        expect(Number(await live.getAttribute('data-done'))).toBe(500);
      } else {
        // Refused, the job trains on cpu: its first chunk (200 networks, one batched run) finishing shows it does;
        // the rest is the same code on the same backend, so the job is cancelled there.
        await page.waitForFunction(
          () => Number(document.querySelector('[data-demo="many-seeds-live"]')?.getAttribute('data-done')) >= 200,
          undefined,
          { timeout: 170_000 },
        );
        await live.evaluate((root) => {
          if (root.getAttribute('data-status') === 'training')
            root.querySelector<HTMLButtonElement>('[data-action="cancel"]')?.click();
        });
        await page.waitForSelector('[data-demo="many-seeds-live"]:is([data-status="cancelled"], [data-status="done"])');
      }
      expect(wasmRequests.length, 'the 500-network job asked for the wasm binary').toBeGreaterThan(0);
      await expect.poll(() => workerTensors(page)).toBe(0);
      if (!refuse) expectClean(opened);
      else {
        const unrelated = opened.consoleErrors.filter((line) => !/\.wasm|net::ERR_FAILED|WebAssembly|wasm/i.test(line));
        expect(unrelated).toEqual([]);
      }
      await opened.close();
    },
    240_000,
  );
});
