/**
 * The Fit Lab over time and before training, in a real browser: a guess sketched with the pointer and with the keys
 * stays drawn after training and has a distance to the result; a ReLU run in which a neuron dies is scrubbed back
 * with the keys (the views show the earlier weights), its events are listed and marked on the loss plot and take
 * the reader to their epoch; "Replay the same start" ends with the same weights, "New seed" trains the next seed.
 * One page load per language; every wait is for a state (data-status, data-view-epoch), never a fixed time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './harness';
import { drawnCurves, labOn, publishedScales, toClient, yAt } from './lab-helpers';

const LAB = '[data-demo="fit-lab"][data-sync-url="true"]';
const lab = labOn(LAB, useBrowser());
const { attr, click, waitStatus } = lab;

/** Seed 16 with three ReLU neurons: neuron 3 is dead from the start, neuron 2 dies during training. */
const RELU_RUN = 'activation=relu&hidden=3&seed=16';

interface Weights {
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
}

const xs = Array.from({ length: 100 }, (_, i) => (i === 99 ? 2 * Math.PI : (i * 2 * Math.PI) / 99));
const relu = (z: number) => Math.max(0, z);
const predict = (w: Weights, x: number) => w.b2 + w.w1.reduce((s, wi, i) => s + w.w2[i]! * relu(wi * x + w.b1[i]!), 0);
/** The analysis' rule for a dead ReLU unit: pre-activation ≤ 0 at every training input. */
const deadUnit = (w: Weights, i: number) => xs.every((x) => w.w1[i]! * x + w.b1[i]! <= 0);

const json = async <T>(page: Page, name: string): Promise<T> => JSON.parse((await attr(page, name))!) as T;
const num = async (page: Page, name: string): Promise<number> => Number(await attr(page, name));

async function waitAttr(page: Page, name: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([sel, n, v]) => document.querySelector(sel!)?.getAttribute(n!) === v,
    [LAB, name, value] as const,
    { timeout: 30_000 },
  );
}

/** Press Train-like `action` and wait for the run it starts to end (the old 'done' must go first). */
async function runTo(page: Page, action: string): Promise<string> {
  const before = await attr(page, 'data-status');
  await click(page, action);
  if (before === 'done')
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'done', LAB, {
      timeout: 30_000,
    });
  return lab.settled(page);
}

/** axe-core on the lab alone (the page-wide checks are in page-sweep.test.ts). */
async function labAxe(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async (sel) => {
    type Axe = {
      run(c: Element, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
    };
    const results = await (window as unknown as { axe: Axe }).axe.run(document.querySelector(sel)!, {
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, LAB);
}

/** The guess's control values, read back from its text alternative ("(x, y), …", three significant digits). */
async function guessValues(page: Page): Promise<Array<[number, number]>> {
  const text = await page.locator(`${LAB} [data-role="predict"] .sr-only`).innerText();
  return [...text.replaceAll('−', '-').matchAll(/\((-?[\d.]+), (-?[\d.]+)\)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

const sketch = (page: Page) => page.locator(`${LAB} [data-role="sketch"]`);

describe('Fit Lab: scrub, events, replay, new seed, predict', () => {
  it('en: sketch a guess (pointer and keys), train a ReLU run, scrub back, follow its events, replay, next seed', () =>
    lab.open(`/en/experiment/?${RELU_RUN}`, async (page) => {
      // Predict: a stroke from high on the left to low on the right, then three steps up at the first point.
      await click(page, 'sketch');
      await sketch(page).scrollIntoViewIfNeeded();
      const scales = await publishedScales(page.locator(`${LAB} svg.fl-front[data-x-domain]`));
      const from = toClient(scales, 0.3, 1.8);
      const to = toClient(scales, 6, 0.2);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let k = 1; k <= 12; k++)
        await page.mouse.move(from.x + ((to.x - from.x) * k) / 12, from.y + ((to.y - from.y) * k) / 12);
      await page.mouse.up();
      await expect.poll(async () => (await guessValues(page)).map((p) => p[1])).toHaveLength(25);
      await expect
        .poll(async () => (await guessValues(page))[2]![1] - (await guessValues(page))[22]![1])
        .toBeGreaterThan(1);
      await sketch(page).focus();
      await page.keyboard.press('Home');
      const first = Number(await sketch(page).getAttribute('aria-valuenow'));
      for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowUp');
      await page.waitForFunction(
        ([sel, v]) => Number(document.querySelector(sel!)?.getAttribute('aria-valuenow')) > Number(v),
        [`${LAB} [data-role="sketch"]`, String(first)] as const,
      );
      expect(await sketch(page).getAttribute('aria-valuetext')).toMatch(/^Point 1 of 25: x = 0, y = /);
      expect((await guessValues(page))[0]![1]).toBeGreaterThan(first);
      expect(await labAxe(page)).toEqual([]);
      await click(page, 'sketch-done');
      expect(await sketch(page).count()).toBe(0);
      expect(await attr(page, 'data-guess-distance')).toBeNull();

      expect(await lab.train(page)).toBe('done');
      const final = await json<Weights>(page, 'data-weights');
      const last = await num(page, 'data-epoch');
      expect(last).toBe(300);
      expect(await num(page, 'data-view-epoch')).toBe(last);

      // The guess is still drawn, and its distance is the RMS difference to the trained network on the 100 points.
      expect(await page.locator(`${LAB} path[data-role="guess"]`).getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
      expect(await page.locator(`${LAB} .fl-guess-label`).textContent()).toBe('your guess');
      const distance = await num(page, 'data-guess-distance');
      expect(Number.isFinite(distance)).toBe(true);
      const guess = await guessValues(page);
      const guessAt = (x: number) => yAt(guess, x);
      const rms = Math.sqrt(xs.reduce((s, x) => s + (guessAt(x) - predict(final, x)) ** 2, 0) / xs.length);
      expect(distance).toBeCloseTo(rms, 1);
      expect(await page.locator(`${LAB} [data-role="guess-result"]`).innerText()).toMatch(/away from the network/);

      // Events: neuron 3 dead from the start, neuron 2 dying during the run; each listed and marked on the loss plot.
      const events = page.locator(`${LAB} [data-role="run-events"] li`);
      const listed = await events.evaluateAll((els) =>
        els.map((e) => ({
          kind: e.getAttribute('data-event-kind'),
          epoch: Number(e.getAttribute('data-epoch')),
          text: e.textContent,
        })),
      );
      expect(listed).toContainEqual({
        kind: 'died',
        epoch: 0,
        text: expect.stringContaining('Neuron 3 was dead from the start'),
      });
      const death = listed.find((e) => e.kind === 'died' && e.epoch > 0);
      expect(death?.text).toMatch(/Neuron 2 died at epoch \d+/);
      const markers = await page
        .locator(`${LAB} svg.fl-loss [data-role="event-marker"]`)
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), Number(e.getAttribute('data-epoch'))]));
      expect(markers).toEqual(listed.map((e) => [e.kind, e.epoch]));

      // Scrub back with the keys: Home is the start; the plot and data-weights-shown show those weights.
      const scrub = page.locator(`${LAB} input[type="range"][data-scrub]`);
      await scrub.focus();
      await page.keyboard.press('Home');
      await waitAttr(page, 'data-view-epoch', '0');
      expect(await scrub.getAttribute('aria-valuetext')).toBe(`epoch 0 of ${last}`);
      const start = await json<Weights>(page, 'data-weights-shown');
      expect(start.w1).not.toEqual(final.w1);
      expect(deadUnit(start, 2)).toBe(true);
      expect(deadUnit(start, 1)).toBe(false);
      const curves = await drawnCurves(page, LAB);
      const tol = 2 / curves.pxPerUnit;
      for (const x of [0.5, 2, 3.5, 5]) {
        const y = predict(start, x);
        if (y > curves.yDomain[0] && y < curves.yDomain[1])
          expect(Math.abs(yAt(curves.prediction, x) - y)).toBeLessThan(tol);
      }
      await page.keyboard.press('ArrowRight');
      await waitAttr(page, 'data-view-epoch', '1');
      expect(await page.locator(`${LAB} [data-role="scrub-note"]`).innerText()).toContain('Showing epoch 1');

      // The death event takes the reader to that epoch: neuron 2 is dead there, and alive one step before.
      await page.locator(`${LAB} li[data-event-kind="died"][data-epoch="${death!.epoch}"] button`).click();
      await waitAttr(page, 'data-view-epoch', String(death!.epoch));
      expect(deadUnit(await json<Weights>(page, 'data-weights-shown'), 1)).toBe(true);
      await scrub.focus();
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(
        ([sel, e]) => Number(document.querySelector(sel!)?.getAttribute('data-view-epoch')) < Number(e),
        [LAB, String(death!.epoch)] as const,
      );
      expect(deadUnit(await json<Weights>(page, 'data-weights-shown'), 1)).toBe(false);
      // A marker's badge on the loss plot does the same on click.
      const badge = await page
        .locator(`${LAB} svg.fl-loss [data-role="event-marker"][data-kind="died"][data-epoch="${death!.epoch}"] path`)
        .boundingBox();
      await page.mouse.click(badge!.x + badge!.width / 2, badge!.y + badge!.height / 2);
      await waitAttr(page, 'data-view-epoch', String(death!.epoch));
      await click(page, 'scrub-latest');
      await waitAttr(page, 'data-view-epoch', String(last));
      expect(await json<Weights>(page, 'data-weights-shown')).toEqual({
        w1: final.w1,
        b1: final.b1,
        w2: final.w2,
        b2: final.b2,
      });
      expect(await labAxe(page)).toEqual([]);

      // Replay the same start: the same seed and initial weights train to the same end.
      expect(await runTo(page, 'replay')).toBe('done');
      const replayed = await json<Weights>(page, 'data-weights');
      expect({ w1: replayed.w1, b1: replayed.b1, w2: replayed.w2, b2: replayed.b2 }).toEqual({
        w1: final.w1,
        b1: final.b1,
        w2: final.w2,
        b2: final.b2,
      });
      expect(new URL(page.url()).searchParams.get('seed')).toBe('16');

      // New seed: the next seed, in the address and the settings, from its own start.
      expect(await runTo(page, 'new-seed')).toBe('done');
      expect(new URL(page.url()).searchParams.get('seed')).toBe('17');
      expect(await page.locator(`${LAB} input[id$="-seed"]`).inputValue()).toBe('17');
      expect((await json<Weights>(page, 'data-weights')).w1).not.toEqual(final.w1);
      await page.locator(`${LAB} input[data-scrub]`).focus();
      await page.keyboard.press('Home');
      await waitAttr(page, 'data-view-epoch', '0');
      expect((await json<Weights>(page, 'data-weights-shown')).w1).not.toEqual(start.w1);
    }));

  it('zh-cn: a guess made with the keys only, a fast run scrubbed with the keys, events in Chinese', () =>
    lab.open(`/zh-cn/experiment/?${RELU_RUN}&speed=fast`, async (page) => {
      await click(page, 'sketch');
      await sketch(page).focus();
      await page.keyboard.press('End');
      for (let k = 0; k < 4; k++) await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Shift+ArrowDown');
      expect(await sketch(page).getAttribute('aria-valuetext')).toMatch(/^第 24 个点（共 25 个）/);
      const guess = await guessValues(page);
      expect(guess[24]![1]).toBeGreaterThan(guess[0]![1]);
      expect(guess[23]![1]).toBeLessThan(guess[0]![1]);
      expect(await waitStatus(page, ['idle'])).toBe('idle');
      // Training ends the sketching; the guess stays.
      expect(await lab.train(page)).toBe('done');
      expect(await sketch(page).count()).toBe(0);
      expect(await page.locator(`${LAB} path[data-role="guess"]`).count()).toBe(1);
      expect(Number.isFinite(await num(page, 'data-guess-distance'))).toBe(true);
      expect(await page.locator(`${LAB} [data-role="guess-result"]`).innerText()).toMatch(
        /你的猜测与第 300 轮的网络相差/,
      );

      const texts = await page.locator(`${LAB} [data-role="run-events"] li`).allInnerTexts();
      expect(texts.some((t) => /神经元 3 从一开始（第 0 轮）就是死的/.test(t))).toBe(true);
      expect(texts.some((t) => /神经元 2 在第 \d+ 轮死亡/.test(t))).toBe(true);

      const final = await json<Weights>(page, 'data-weights');
      const scrub = page.locator(`${LAB} input[data-scrub]`);
      await scrub.focus();
      await page.keyboard.press('PageDown');
      await page.waitForFunction(
        (sel) => Number(document.querySelector(sel)?.getAttribute('data-view-epoch')) < 300,
        LAB,
      );
      const back = await num(page, 'data-view-epoch');
      // The fast speed reports every 5 epochs: the scrubber lands on those.
      expect(back % 5).toBe(0);
      expect(await scrub.getAttribute('aria-valuetext')).toBe(`第 ${back} 轮（共 300 轮）`);
      expect((await json<Weights>(page, 'data-weights-shown')).b2).not.toBe(final.b2);
      await page.keyboard.press('End');
      await waitAttr(page, 'data-view-epoch', '300');
    }));
});
