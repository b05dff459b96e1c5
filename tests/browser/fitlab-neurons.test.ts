/**
 * The Fit Lab's views of each neuron, in both languages: room to breathe (≥ 900 px at 1440×900 beside a usable
 * sidebar and table of contents; full width, plot first and tall on a phone; that no demo page scrolls sideways at
 * 360 px is checked in the page sweep), every view of a neuron linked (hover and focus → data-active-neuron, the others dimmed), the live formula
 * (its numbers are data-weights'), learning bands, mute and solo (data-muted; the prediction and the shown error
 * change, the trained weights do not), manual placement by position and height, the caption and the data tables.
 * Screenshots of the lab go to test-results/screenshots/. Waits are for states, never for fixed times.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';
import { drawnCurves, labOn, publishedScales, toClient, yAt } from './lab-helpers';

const LAB = '[data-demo="fit-lab"][data-sync-url="true"]';
const browser = useBrowser();
const lab = labOn(LAB, browser);
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const LANGS = ['en', 'zh-cn'] as const;
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
/**
 * Three ReLU neurons trained briefly and fast; with this seed neuron 1 is dead from the start and neurons 2 and 3
 * make two hinges (a good fit), so there are live kinks, an empty band and a visible effect of muting.
 */
// Slow speed (≥ 40 ms an epoch, so ≥ 6 s of training): long enough for the caption to change while it trains.
const QUERY = '?activation=relu&hidden=3&seed=10&epochs=150&speed=slow';
const EPOCHS = 150;

interface Weights {
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
}

const relu = (z: number) => Math.max(0, z);
const XS = Array.from({ length: 100 }, (_, i) => (i === 99 ? 2 * Math.PI : (i * 2 * Math.PI) / 99));
const target = (x: number) => Math.cos(x) + 1;
const predict = (w: Weights, x: number, muted: readonly number[] = []) =>
  w.w1.reduce((s, wi, i) => (muted.includes(i) ? s : s + w.w2[i]! * relu(wi * x + w.b1[i]!)), w.b2);
/** A number as the page writes it (U+2212 minus, exponent form) back to a number. */
const num = (text: string) => Number(text.replace(/−/g, '-'));
/** Written to `digits` significant digits, as the page's formatNumber writes it. */
const sig = (v: number, digits: number) => String(Number(v.toPrecision(digits))).replace('-', '−');

const attrOf = (page: Page, name: string) => page.locator(LAB).getAttribute(name);
const waitAttr = (page: Page, name: string, value: string | null) =>
  page.waitForFunction(([sel, n, v]) => document.querySelector(sel!)?.getAttribute(n!) === v, [LAB, name, value], {
    timeout: 10_000,
  });
const opacityOf = (locator: Locator) => locator.evaluate((e) => Number(getComputedStyle(e).opacity));

/** Scroll so that `element` starts just under the page header. */
const toTop = (element: Locator) =>
  element.evaluate((e) => {
    e.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -72);
  });
const shoot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

describe('Fit Lab neurons, wide screen', () => {
  for (const lang of LANGS) {
    it(`${lang}: breaks out beside a usable ToC, links every view of a neuron, formula = weights, mute/solo, bands, caption, tables, manual placement`, () =>
      lab.open(
        `/${lang}/experiment/${QUERY}`,
        async (page, _opened, root) => {
          // Room: at least 900 px, between the sidebar and the table of contents, neither covered.
          const layout = await page.evaluate((sel) => {
            const box = (e: Element | null) => e?.getBoundingClientRect() ?? null;
            const usable = (a: Element) => {
              const r = a.getBoundingClientRect();
              const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + r.height / 2);
              return r.width > 0 && r.right <= innerWidth + 0.5 && !!hit && a.contains(hit);
            };
            const onScreen = (a: Element) => {
              const r = a.getBoundingClientRect();
              return r.top > 70 && r.bottom < innerHeight && r.height > 0;
            };
            return {
              lab: box(document.querySelector(sel))!.toJSON() as DOMRect,
              toc: box(document.querySelector('.right-sidebar-panel'))!.toJSON() as DOMRect,
              sidebar: box(document.querySelector('.sidebar-pane'))!.toJSON() as DOMRect,
              tocLinks: [...document.querySelectorAll('.right-sidebar-panel a')].filter(onScreen).map(usable),
              sideLinks: [...document.querySelectorAll('.sidebar-pane a')].filter(onScreen).map(usable),
              scroll: document.scrollingElement!.scrollWidth - innerWidth,
            };
          }, LAB);
          expect(layout.lab.width).toBeGreaterThanOrEqual(900);
          expect(layout.lab.left).toBeGreaterThanOrEqual(layout.sidebar.right);
          expect(layout.lab.right).toBeLessThanOrEqual(layout.toc.left);
          expect(layout.toc.width).toBeGreaterThanOrEqual(150);
          expect(layout.tocLinks.length).toBeGreaterThan(3);
          expect(layout.tocLinks.every(Boolean), 'ToC links visible and not covered').toBe(true);
          expect(layout.sideLinks.length).toBeGreaterThan(3);
          expect(layout.sideLinks.every(Boolean), 'sidebar links visible and not covered').toBe(true);
          expect(layout.scroll).toBeLessThanOrEqual(0);

          // The caption's changes while training, timed (it may change at most every ~2 s then).
          await root.locator('[data-role="caption"]').evaluate((caption) => {
            const times: number[] = [];
            (window as unknown as { captionTimes: number[] }).captionTimes = times;
            new MutationObserver(() => {
              if (caption.closest('[data-status]')?.getAttribute('data-status') === 'training')
                times.push(performance.now());
            }).observe(caption, { childList: true, characterData: true, subtree: true });
          });
          expect(await lab.train(page)).toBe('done');
          const times = await page.evaluate(() => (window as unknown as { captionTimes: number[] }).captionTimes);
          expect(times.length, 'the caption follows the run while it trains').toBeGreaterThan(0);
          for (let k = 1; k < times.length; k++) expect(times[k]! - times[k - 1]!).toBeGreaterThan(1900);
          expect(Number(await attrOf(page, 'data-epoch'))).toBe(EPOCHS);
          const weights = JSON.parse((await attrOf(page, 'data-weights'))!) as Weights;
          const id = (await root.getAttribute('id'))!;

          // The live formula writes data-weights' numbers (3 significant digits), term by term.
          const close = (written: number, actual: number) =>
            expect(Math.abs(written - actual)).toBeLessThanOrEqual(0.0051 * Math.abs(actual) + 1e-9);
          close(num((await root.locator('[data-formula] [data-role="formula-c"]').textContent())!), weights.b2);
          const terms = await root
            .locator('[data-formula] [data-neuron]')
            .evaluateAll((els) =>
              els.map((e) => [e.getAttribute('data-neuron'), e.querySelector('.fitlab__term-body')!.textContent]),
            );
          expect(terms.map((t) => t[0])).toEqual(['1', '2', '3']);
          terms.forEach(([, text], i) => {
            const m = /^(\S+)·relu\((\S+)x(?: ([+−]) (\S+))?\)$/.exec(text!);
            expect(m, text!).not.toBeNull();
            close(num(m![1]!), weights.w2[i]!);
            close(num(m![2]!), weights.w1[i]!);
            close(m![3] ? (m![3] === '−' ? -1 : 1) * num(m![4]!) : 0, weights.b1[i]!);
          });

          // Where each neuron can still learn: ReLU's slope is 1 where wx + b > 0, so one band per run of such x.
          const bands = await root
            .locator('.lab__plot [data-role="learning-band"]')
            .evaluateAll((els) =>
              els.map((e) => [e.getAttribute('data-neuron'), e.getAttribute('data-intervals'), e.textContent]),
            );
          expect(bands.map((b) => b[0])).toEqual(['1', '2', '3']);
          weights.w1.forEach((w, i) => {
            const on = XS.map((x) => w * x + weights.b1[i]! > 0);
            const runs = on.filter((v, k) => v && !on[k - 1]).length;
            expect(Number(bands[i]![1]), `neuron ${i + 1}'s runs`).toBe(runs);
            expect(bands[i]![2]!.length).toBeGreaterThan(10);
          });
          // A dead ReLU (wx + b ≤ 0 on every input) has an empty band.
          expect((await root.locator('.fitlab__card[data-neuron="1"]').getAttribute('data-state'))!).toBe('dead');
          expect(bands[0]![1]).toBe('0');

          // The caption, a polite live region, names the largest error and where it is.
          const caption = root.locator('[data-role="caption"]');
          expect(await caption.getAttribute('aria-live')).toBe('polite');
          let worst = -1;
          let worstAt = 0;
          for (const x of XS) {
            const e = Math.abs(predict(weights, x) - target(x));
            if (e > worst) [worst, worstAt] = [e, x];
          }
          const captionText = (await caption.textContent())!;
          expect(captionText).toContain(sig(worst, 2));
          expect(captionText).toContain(`x = ${sig(worstAt, 2)}`);

          // Hover a card: its neuron is active, the other neurons' elements fade, its own do not.
          await root.locator('.fitlab__card[data-neuron="2"]').hover();
          await waitAttr(page, 'data-active-neuron', '2');
          for (const k of ['1', '3']) {
            expect(await opacityOf(root.locator(`.lab__plot path[data-role="component"][data-neuron="${k}"]`))).toBe(
              0.25,
            );
            expect(await opacityOf(root.locator(`[data-formula] [data-neuron="${k}"]`))).toBe(0.25);
            expect(await opacityOf(root.locator(`.fitlab__card[data-neuron="${k}"]`))).toBe(0.25);
            expect(await opacityOf(root.locator(`[data-role="learning-band"][data-neuron="${k}"]`))).toBe(0.25);
          }
          expect(await opacityOf(root.locator('.lab__plot path[data-role="component"][data-neuron="2"]'))).toBe(1);
          expect(await opacityOf(root.locator('[data-formula] [data-neuron="2"]'))).toBe(1);

          // Hover a formula term, then a component's curve where it stands apart from the others.
          await root.locator('[data-formula] [data-neuron="3"]').hover();
          await waitAttr(page, 'data-active-neuron', '3');
          await toTop(root.locator('xpath=ancestor::figure'));
          const curves = await drawnCurves(page, LAB);
          const scales = await publishedScales(root.locator('svg.fl-front'));
          let best = { k: 0, x: 0, y: 0, gap: -1 };
          for (const c of curves.components)
            for (let x = 0.3; x < 6; x += 0.1) {
              const y = yAt(c.points, x);
              if (y < curves.yDomain[0] || y > curves.yDomain[1]) continue;
              const gap = Math.min(
                ...curves.components.filter((o) => o !== c).map((o) => Math.abs(yAt(o.points, x) - y)),
                Math.abs(yAt(curves.prediction, x) - y) + 1,
              );
              if (gap > best.gap) best = { k: c.neuron, x, y, gap };
            }
          expect(best.gap * curves.pxPerUnit, 'a component drawn apart from the others').toBeGreaterThan(12);
          const at = toClient(scales, best.x, best.y);
          await page.mouse.move(at.x, at.y);
          await waitAttr(page, 'data-active-neuron', String(best.k));
          await shoot(page, `fitlab-${lang}-1440x900`);
          await page.mouse.move(2, 2);
          await waitAttr(page, 'data-active-neuron', null);

          // Keyboard: focusing a card or a formula term lights its neuron up; leaving it clears.
          await root.locator('.fitlab__card[data-neuron="1"]').focus();
          await waitAttr(page, 'data-active-neuron', '1');
          await root.locator('[data-formula] [data-neuron="2"]').focus();
          await waitAttr(page, 'data-active-neuron', '2');
          await root.locator('[data-formula] [data-neuron="2"]').evaluate((e) => (e as HTMLElement).blur());
          await waitAttr(page, 'data-active-neuron', null);

          // Mute neuron 2: left out of the drawn prediction and the shown error; the trained weights stay.
          expect(await attrOf(page, 'data-muted')).toBe('');
          const mseBefore = Number(await root.locator('[data-role="shown-error"]').getAttribute('data-mse'));
          const full = XS.reduce((s, x) => s + (predict(weights, x) - target(x)) ** 2, 0) / XS.length;
          expect(mseBefore).toBeCloseTo(full, 6);
          const mute2 = root.locator('.fitlab__card[data-neuron="2"] [data-action="mute"]');
          await mute2.click();
          await waitAttr(page, 'data-muted', '2');
          expect(await mute2.getAttribute('aria-pressed')).toBe('true');
          expect(await mute2.getAttribute('title')).toMatch(/train|训练/);
          const without2 = XS.reduce((s, x) => s + (predict(weights, x, [1]) - target(x)) ** 2, 0) / XS.length;
          expect(without2).toBeGreaterThan(2 * full);
          expect(Number(await root.locator('[data-role="shown-error"]').getAttribute('data-mse'))).toBeCloseTo(
            without2,
            6,
          );
          expect(JSON.parse((await attrOf(page, 'data-weights'))!)).toEqual(weights);
          const muted = await drawnCurves(page, LAB);
          const tol = 2 / muted.pxPerUnit;
          let checked = 0;
          for (let x = 0.1; x < 6.2; x += 0.1) {
            const y = yAt(muted.prediction, x);
            if (y <= muted.yDomain[0] || y >= muted.yDomain[1]) continue;
            expect(Math.abs(y - predict(weights, x, [1]))).toBeLessThan(tol);
            checked++;
          }
          expect(checked).toBeGreaterThan(20);
          expect(await root.locator('[data-formula] [data-neuron="2"]').getAttribute('data-muted')).toBe('true');
          expect(await caption.textContent()).toMatch(lang === 'en' ? /neuron 2 muted/ : /神经元 2 已屏蔽/);

          await toTop(root.locator('.fitlab__bar'));
          await root.locator('.fitlab__card[data-neuron="3"]').hover();
          await shoot(page, `fitlab-${lang}-1440x900-neurons`);

          // Solo neuron 3 mutes the others; again, and every neuron is heard.
          const solo3 = root.locator('.fitlab__card[data-neuron="3"] [data-action="solo"]');
          await solo3.click();
          await waitAttr(page, 'data-muted', '1,2');
          expect(await solo3.getAttribute('aria-pressed')).toBe('true');
          await solo3.click();
          await waitAttr(page, 'data-muted', '');
          expect(await solo3.getAttribute('aria-pressed')).toBe('false');

          // Each plot's data as a table.
          const fitTable = root.locator('[data-role="fit-table"]');
          await fitTable.locator('summary').click();
          const rows = fitTable.locator('tbody tr');
          await rows.first().waitFor();
          expect(await rows.count()).toBe(100);
          expect(await fitTable.locator('thead th').count()).toBe(6);
          const row50 = await rows.nth(50).locator('th, td').allTextContents();
          close(num(row50[0]!), XS[50]!);
          close(num(row50[2]!), predict(weights, XS[50]!));
          const lossTable = root.locator('[data-role="loss-table"]');
          await lossTable.locator('summary').click();
          await lossTable.locator('tbody tr').first().waitFor();
          expect(await lossTable.locator('tbody tr th').last().textContent()).toBe(String(EPOCHS));

          // Manual placement: position −b/w (w kept) and height v, typed, stepped with the arrow keys, or by handle.
          await root.locator('details.lab__panel:has(> [data-action="train-from-here"]) > summary').click();
          // The numbers beside the fields are the network's own (data-w, data-b, data-v: full precision).
          const shown = async (): Promise<Weights> => {
            const rows = await root
              .locator('[data-role="place-readout"]')
              .evaluateAll((els) => els.map((e) => ['w', 'b', 'v'].map((k) => Number(e.getAttribute(`data-${k}`)))));
            return {
              w1: rows.map((r) => r[0]!),
              b1: rows.map((r) => r[1]!),
              w2: rows.map((r) => r[2]!),
              b2: weights.b2,
            };
          };
          expect(await shown()).toEqual({ w1: weights.w1, b1: weights.b1, w2: weights.w2, b2: weights.b2 });
          const position = root.locator(`#${id}-position-1`);
          await position.fill('2');
          await position.press('Enter');
          await expect.poll(async () => (await shown()).b1[0]).toBeCloseTo(-weights.w1[0]! * 2, 9);
          const placed = await shown();
          expect(placed.w1[0]).toBe(weights.w1[0]);
          expect(placed.w2[0]).toBe(weights.w2[0]);
          const height = root.locator(`#${id}-height-1`);
          await height.fill('0.5');
          await height.press('Enter');
          await expect.poll(async () => (await shown()).w2[0]).toBe(0.5);
          await position.press('ArrowUp');
          await expect.poll(async () => (await shown()).b1[0]).toBeCloseTo(-weights.w1[0]! * (2 + Math.PI / 32), 9);
          // The handle of neuron 2, from the keyboard: right moves its position, w stays.
          const handle = root.locator('.fitlab__handle[data-neuron="2"]');
          const before2 = (await shown()).b1[1]! / -weights.w1[1]!;
          await handle.focus();
          await waitAttr(page, 'data-active-neuron', '2');
          await handle.press('ArrowRight');
          await expect
            .poll(async () => -(await shown()).b1[1]! / (await shown()).w1[1]!)
            .toBeCloseTo(before2 + Math.PI / 32, 9);
          expect((await shown()).w1[1]).toBe(weights.w1[1]);
          expect(await root.locator('[data-formula] [data-neuron="1"] .fitlab__term-body').textContent()).toMatch(
            /^0\.5·/,
          );
        },
        { viewport: WIDE },
      ));
  }
});

describe('Fit Lab on a phone', () => {
  for (const lang of LANGS) {
    it(`${lang}: uses the full width, the plot comes first and stays tall, nothing scrolls sideways`, () =>
      lab.open(
        `/${lang}/experiment/`,
        async (page, _opened, root) => {
          const m = await page.evaluate((sel) => {
            const lab = document.querySelector(sel)!;
            const top = (s: string) => lab.querySelector(s)!.getBoundingClientRect().top;
            const plot = lab.querySelector('.lab__plot')!.getBoundingClientRect();
            return {
              inner: innerWidth,
              scroll: document.scrollingElement!.scrollWidth,
              lab: lab.getBoundingClientRect().width,
              figure: lab.closest('figure')!.getBoundingClientRect().width,
              plotHeight: plot.height,
              plotTop: plot.top,
              after: [top('.fitlab__bar'), top('[data-formula]'), top('.fitlab__cards'), top('.fitlab__loss')],
            };
          }, LAB);
          expect(m.scroll).toBeLessThanOrEqual(m.inner);
          expect(m.figure).toBeGreaterThanOrEqual(m.inner - 1);
          expect(m.lab).toBeGreaterThanOrEqual(m.inner - 32);
          expect(m.plotHeight).toBeGreaterThanOrEqual(260);
          for (const t of m.after) expect(t).toBeGreaterThan(m.plotTop);
          await toTop(root.locator('xpath=ancestor::figure'));
          await shoot(page, `fitlab-${lang}-390x844`);
        },
        { viewport: PHONE },
      ));
  }
});
