/**
 * The universal-approximation lab in a real browser: a target drawn with the pointer and with the keys only,
 * a full training run whose drawn components and bias add up to the prediction recomputed from the exported
 * weights, the centre-order slider, the "how many units?" sweep recomputed from its weights, URL state that
 * round-trips a drawn shape, and refused URL values. Every wait is for a state (data-status, data-phase).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTROL_XS, decodeShape, drawnDataset, presetControls, quantize } from '../../src/core/data/drawn-target';
import { siteUrl, useBrowser } from './harness';
import { drawnCurves, labOn, publishedScales, toClient, yAt } from './lab-helpers';
import { chooseTheme } from './quality';

/** axe-core on the lab alone (the page-wide checks are in a11y.test.ts). */
async function labAxe(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Element,
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const results = await axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, LAB);
}

const LAB = '[data-demo="universal-lab"]';
const browser = useBrowser();
const lab = labOn(LAB, browser);
const { attr, hydrated } = lab;
const shapeValues = async (page: Page): Promise<number[]> => {
  const code = (await attr(page, 'data-shape'))!;
  const decoded = decodeShape(code);
  if (decoded.ok) return decoded.values;
  const preset = code as 'bump' | 'cos' | 'step' | 'zigzag';
  return presetControls(preset);
};

/** Client coordinates of a data point (x, y) in the drawing area, from the scales its SVG publishes. */
async function drawingPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return toClient(await publishedScales(page.locator(`${LAB} [data-role="drawing"] svg`).first()), x, y);
}

interface Weights {
  activation: string;
  units: number;
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
  alpha?: number[];
  finalMse: number;
}

const relu = (z: number) => Math.max(0, z);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const term = (w: Weights, i: number, x: number, f = relu) => w.w2[i]! * f(w.w1[i]! * x + w.b1[i]!);

/** The plot's grid (241 points over [0, 2π]): every drawn vertex lies on it, so lines are exact there. */
const GRID = Array.from({ length: 241 }, (_, j) => (j === 240 ? 2 * Math.PI : (j * 2 * Math.PI) / 240));

/** Components drawn = those of `neurons`, and bias + their sum = the drawn prediction = recomputed from weights. */
async function expectPartialSum(page: Page, w: Weights, neurons: number[]) {
  const curves = await drawnCurves(page, LAB);
  expect(curves.components.map((c) => c.neuron)).toEqual(neurons.map((_, rank) => rank));
  const tol = 2 / curves.pxPerUnit;
  const inView = (y: number) => y > curves.yDomain[0] && y < curves.yDomain[1];
  let checked = 0;
  for (const x of GRID) {
    const y = yAt(curves.prediction, x);
    const expected = neurons.reduce((s, i) => s + term(w, i, x), w.b2);
    if (!inView(y) || !inView(expected)) continue;
    expect(Math.abs(y - expected)).toBeLessThan(tol);
    const parts = curves.components.map((c) => yAt(c.points, x));
    if (parts.every(inView)) expect(Math.abs(parts.reduce((s, v) => s + v, curves.bias) - y)).toBeLessThan(3 * tol);
    checked++;
  }
  expect(checked).toBeGreaterThan(50);
  expect(Math.abs(curves.bias - w.b2)).toBeLessThan(tol);
  return curves;
}

describe('Universal approximation lab', () => {
  it('draws with the pointer, trains to done, and its curves, sort slider and URL agree with the weights', () =>
    lab.open('/en/further/?uunits=5&uact=relu&uepochs=200', async (page) => {
      expect(await attr(page, 'data-shape')).toBe('zigzag');
      // A straight stroke from (1, 2.5) down to (5, −0.5), drawn in many small moves.
      const line = (x: number) => 2.5 - (3 * (x - 1)) / 4;
      // Raw mouse moves do not scroll: bring the drawing into view and wait until its box holds still.
      await page.locator(`${LAB} [data-role="drawing"]`).scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (sel) =>
          new Promise<boolean>((resolve) => {
            const box = () => JSON.stringify(document.querySelector(sel)!.getBoundingClientRect());
            const before = box();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(box() === before)));
          }),
        `${LAB} [data-role="drawing"]`,
      );
      const start = await drawingPoint(page, 1, line(1));
      const end = await drawingPoint(page, 5, line(5));
      const hit = await page.evaluate(
        ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[data-role="drawing"]'),
        [start.x, start.y] as const,
      );
      expect(hit, 'the stroke starts inside the drawing area').toBe(true);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(end.x, end.y, { steps: 25 });
      await page.mouse.up();
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-shape') !== 'zigzag', LAB);
      const drawn = await shapeValues(page);
      const zigzag = presetControls('zigzag');
      CONTROL_XS.forEach((x, k) => {
        if (x > 1.05 && x < 4.95) expect(Math.abs(drawn[k]! - line(x))).toBeLessThan(0.1);
        if (x < 0.95 || x > 5.05) expect(drawn[k]).toBe(zigzag[k]);
      });

      expect(await lab.train(page)).toBe('done');
      const w = JSON.parse((await attr(page, 'data-weights'))!) as Weights;
      expect(w.activation).toBe('relu');
      expect(w.units).toBe(5);
      // The whole network: every component plus the bias.
      const order = w.w1
        .map((_, i) => i)
        .sort(
          (a, b) =>
            (w.w1[a] === 0 ? Infinity : -w.b1[a]! / w.w1[a]!) - (w.w1[b] === 0 ? Infinity : -w.b1[b]! / w.w1[b]!) ||
            a - b,
        );
      await expectPartialSum(page, w, order);
      const data = drawnDataset(
        drawn,
        Array.from({ length: 100 }, (_, i) => (i === 99 ? 2 * Math.PI : (i * 2 * Math.PI) / 99)),
      );
      const mse =
        data.x.reduce((s, x, j) => s + (w.w1.reduce((acc, _, i) => acc + term(w, i, x), w.b2) - data.y[j]!) ** 2, 0) /
        100;
      expect(w.finalMse).toBeCloseTo(mse, 6);

      // The slider: 0 = the bias alone; then the leftmost centres first; End = everything again.
      const slider = page.locator(`${LAB} [data-role="sort-slider"]`);
      await slider.focus();
      await page.keyboard.press('Home');
      let curves = await expectPartialSum(page, w, []);
      expect(curves.marks.every((m) => !m.included)).toBe(true);
      expect(await page.locator(`${LAB} [data-role="sort-value"]`).innerText()).toContain('0');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await slider.getAttribute('aria-valuetext')).toContain('2');
      curves = await expectPartialSum(page, w, order.slice(0, 2));
      expect(
        curves.marks
          .filter((m) => m.included)
          .map((m) => m.neuron - 1)
          .sort(),
      ).toEqual(
        order
          .slice(0, 2)
          .filter((i) => w.w1[i] !== 0)
          .sort(),
      );
      await page.keyboard.press('End');
      await expectPartialSum(page, w, order);

      // The address bar carries the drawn shape; reloading shows exactly the same drawing.
      const url = new URL(page.url());
      expect(url.searchParams.get('ushape')).toBe(await attr(page, 'data-shape'));
      expect(url.searchParams.get('uunits')).toBe('5');
      await page.goto(url.href);
      await hydrated(page);
      expect(await shapeValues(page)).toEqual(drawn);
      expect(await page.locator(`${LAB} [data-role="refused"]`).count()).toBe(0);
    }));

  // Its main thread while training (no task over 50 ms of CPU) is measured in responsiveness.test.ts, alone.
  it('trains 32 units and draws all 32 components', () =>
    lab.open('/en/further/?uunits=32&uact=sigmoid&ushape=bump&uepochs=300', async (page) => {
      expect(await lab.train(page)).toBe('done');
      const w = JSON.parse((await attr(page, 'data-weights'))!) as Weights;
      expect(w.units).toBe(32);
      expect(await page.locator(`${LAB} svg.fl-front [data-role="component"]`).count()).toBe(32);
    }));

  it('draws with a finger on a touch screen, and the page does not scroll meanwhile', async () => {
    const context = await browser().newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 800 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(siteUrl('/en/further/'));
    await hydrated(page);
    const area = page.locator(`${LAB} [data-role="drawing"]`);
    await area.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => scrollY);
    // A diagonal swipe from (0.5, 2.5) to (5.5, 0) (touch events, as a finger sends them): with the browser's
    // default touch-action it would scroll the page and cancel the stroke.
    const line = (x: number) => 2.5 - (x - 0.5) / 2;
    const from = await drawingPoint(page, 0.5, line(0.5));
    const to = await drawingPoint(page, 5.5, line(5.5));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
    for (let i = 1; i <= 20; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: from.x + ((to.x - from.x) * i) / 20, y: from.y + ((to.y - from.y) * i) / 20 }],
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-shape') !== 'zigzag', LAB);
    const values = await shapeValues(page);
    CONTROL_XS.forEach((x, k) => {
      if (x > 0.6 && x < 5.4) expect(Math.abs(values[k]! - line(x))).toBeLessThan(0.1);
    });
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws with the keys only and trains from the keyboard (PReLU: its learned slopes in data-weights)', () =>
    lab.open('/en/further/?uunits=3&uepochs=40&uact=prelu', async (page) => {
      const area = page.locator(`${LAB} [data-role="drawing"]`);
      await area.focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.getAttribute('data-focus') === '24',
        `${LAB} [data-role="drawing"]`,
      );
      expect(await area.getAttribute('aria-valuetext')).toMatch(/Point 25 of 25/);
      expect(await page.locator(`${LAB} [data-role="drawing"] [data-focused="true"]`).count()).toBe(1);
      const values = await shapeValues(page);
      const zigzag = presetControls('zigzag');
      // Each key press moves the point by 0.1 (Shift: 0.5) and snaps it to the URL's grid.
      expect(values[0]).toBeCloseTo(quantize(quantize(quantize(zigzag[0]! + 0.1) + 0.1) + 0.1), 9);
      expect(values[1]).toBeCloseTo(quantize(zigzag[1]! + 0.5), 9);
      expect(values[24]).toBeCloseTo(quantize(zigzag[24]! - 0.1), 9);
      expect(values.slice(2, 24)).toEqual(zigzag.slice(2, 24));
      // Tab to Train and press Enter.
      const train = page.locator(`${LAB} [data-action="train"]`);
      await train.focus();
      await page.keyboard.press('Enter');
      expect(await lab.settled(page)).toBe('done');
      expect(await page.locator(`${LAB} [role="status"]`).first().innerText()).toMatch(/Done after 40 epochs/);
      const w = JSON.parse((await attr(page, 'data-weights'))!) as Weights;
      expect(w.activation).toBe('prelu');
      expect(w.alpha).toHaveLength(3);
      expect(w.alpha!.some((a) => a !== 0)).toBe(true);
    }));

  it('"how many units?" trains every size and reports what its weights say', () =>
    lab.open('/en/further/?ushape=cos&uepochs=20&useeds=1', async (page) => {
      const panel = page.locator(`${LAB} [data-role="how-many"]`);
      expect(await panel.getAttribute('data-phase')).toBe('idle');
      await panel.locator('[data-action="how-many"]').click();
      await page.waitForFunction(
        (sel) => ['done', 'error', 'cancelled'].includes(document.querySelector(sel)?.getAttribute('data-phase') ?? ''),
        `${LAB} [data-role="how-many"]`,
        { timeout: 180_000 },
      );
      expect(await panel.getAttribute('data-phase')).toBe('done');
      const runs = JSON.parse((await panel.getAttribute('data-runs'))!) as Array<{
        hidden: number;
        activation: 'sigmoid' | 'relu';
        seed: number;
        params: Omit<Weights, 'activation' | 'units' | 'finalMse'>;
        diverged: boolean;
      }>;
      expect(runs).toHaveLength(20);
      const data = drawnDataset(
        presetControls('cos'),
        Array.from({ length: 100 }, (_, i) => (i === 99 ? 2 * Math.PI : (i * 2 * Math.PI) / 99)),
      );
      const mseOf = (r: (typeof runs)[number]) => {
        const f = r.activation === 'relu' ? relu : sigmoid;
        const p = r.params;
        return (
          data.x.reduce(
            (s, x, j) =>
              s + (p.w1.reduce((acc, w1, i) => acc + p.w2[i]! * f(w1 * x + p.b1[i]!), p.b2) - data.y[j]!) ** 2,
            0,
          ) / 100
        );
      };
      const needed: Array<{ activation: string; hidden: number | null }> = [];
      for (const activation of ['sigmoid', 'relu'] as const) {
        let first: number | null = null;
        for (const hidden of [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]) {
          const mine = runs.filter((r) => r.activation === activation && r.hidden === hidden);
          expect(mine).toHaveLength(1);
          expect(mine[0]!.params.w1).toHaveLength(hidden);
          const best = Math.min(...mine.map(mseOf));
          const shown = Number(
            await panel
              .locator(`tr[data-units="${hidden}"] td[data-activation="${activation}"][data-best]`)
              .getAttribute('data-best'),
          );
          expect(shown).toBeCloseTo(best, 9);
          if (first === null && best < 0.01) first = hidden;
        }
        needed.push({ activation, hidden: first });
        expect(
          await panel.locator(`[data-role="needed"] li[data-activation="${activation}"]`).getAttribute('data-units'),
        ).toBe(first === null ? '' : String(first));
      }
      expect(
        (JSON.parse((await panel.getAttribute('data-needed'))!) as typeof needed).map(({ activation, hidden }) => ({
          activation,
          hidden,
        })),
      ).toEqual(needed);
      expect(await panel.locator('svg.ul-units[role="img"]').count()).toBe(1);
    }));

  it('"how many units?" shows its progress and can be cancelled', () =>
    lab.open('/en/further/?ushape=step&uepochs=1500&useeds=2', async (page) => {
      const panel = page.locator(`${LAB} [data-role="how-many"]`);
      await panel.locator('[data-action="how-many"]').click();
      await page.waitForFunction(
        (sel) => Number(document.querySelector(sel)?.getAttribute('data-done')) >= 1,
        `${LAB} [data-role="how-many"]`,
        { timeout: 120_000 },
      );
      expect(await panel.getAttribute('data-phase')).toBe('training');
      expect(Number(await panel.locator('progress').getAttribute('value'))).toBeGreaterThanOrEqual(1);
      expect(await panel.locator('[data-action="how-many"]').isDisabled()).toBe(true);
      await panel.locator('[data-action="how-many-cancel"]').click();
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.getAttribute('data-phase') === 'cancelled',
        `${LAB} [data-role="how-many"]`,
      );
      expect(await panel.locator('[data-role="how-many-status"]').innerText()).toMatch(
        /Cancelled after \d+ of 10 sizes/,
      );
      // The lab is free again: a normal run trains to the end.
      expect(await lab.train(page)).toBe('done');
    }));

  it('names refused URL values in the reader’s language and still trains with the defaults', async () => {
    await lab.open(
      `/en/further/?uunits=99&uact=nope&ushape=%3Cscript%3Ealert(1)%3C%2Fscript%3E&uepochs=30`,
      async (page) => {
        let dialogs = 0;
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        await hydrated(page);
        const text = await lab.refusedText(page);
        for (const part of ['uunits', '99', 'uact', 'nope', 'ushape', '<script>']) expect(text).toContain(part);
        expect(await attr(page, 'data-shape')).toBe('zigzag');
        expect(await lab.train(page)).toBe('done');
        const w = JSON.parse((await attr(page, 'data-weights'))!) as Weights;
        expect(w.units).toBe(12);
        expect(w.activation).toBe('relu');
        expect(dialogs).toBe(0);
      },
      { hydrate: false },
    );
    // An address with the older unprefixed keys is read the same way.
    await lab.open('/zh-cn/further/?units=abc&shape=' + 'é'.repeat(50), async (page) => {
      const zhText = await lab.refusedText(page);
      for (const part of ['不是数字', '隐藏神经元', '字符', 'uunits']) expect(zhText).toContain(part);
    });
  });

  it('has no axe violations in either theme, before and after training, and the drawing shows its focus', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await lab.open(
        '/en/further/?uunits=2&uepochs=20',
        async (page) => {
          await chooseTheme(page, theme);
          await hydrated(page);
          expect(await labAxe(page), `axe (${theme}, idle)`).toEqual([]);
          await page.locator(`${LAB} [data-role="drawing"]`).focus();
          await page.keyboard.press('ArrowLeft');
          expect(await page.locator(`${LAB} [data-role="drawing"] [data-focused="true"]`).count()).toBe(1);
          expect(await lab.train(page)).toBe('done');
          expect(await labAxe(page), `axe (${theme}, done)`).toEqual([]);
        },
        { colorScheme: theme, hydrate: false },
      );
    }
  });

  it('without JavaScript shows the recorded fit and the how-many table', () =>
    lab.open(
      '/en/further/',
      async (page) => {
        const root = page.locator(LAB);
        expect(await root.getAttribute('data-hydrated')).toBe('false');
        expect(await root.locator('svg.fl-front [data-role="prediction"]').count()).toBe(1);
        expect(await root.locator('svg.fl-front [data-role="component"]').count()).toBe(12);
        expect(await root.locator('[data-role="how-many"] tbody tr').count()).toBe(10);
        expect(await root.locator('[data-role="how-many"]').getAttribute('data-phase')).toBe('recorded');
      },
      { javaScriptEnabled: false, hydrate: false, clean: false },
    ));
});
