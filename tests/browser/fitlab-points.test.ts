/**
 * The Fit Lab on the reader's own points, in a real browser: points added by click and by keyboard, moved by keys and
 * by drag, deleted; pasted text with good and bad lines (each bad line named by number, the text kept); the points in
 * the address and back; a run on own points whose data-weights error is the reported one; held-out points (hollow,
 * in the legend), the dashed test curve and data-test-mse on the Going further example, which overfits; hostile
 * input (a 10 MB paste, NaN, duplicates, points far outside the plot, garbage in the address, noise=1e308) answered
 * in the page's language with the lab still usable; a run file imported with more points than a link holds, and one
 * that is not a run refused. Three page loads; every wait is for a state.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './harness';
import { labOn, publishedScales, toClient } from './lab-helpers';

const browser = useBrowser();
const LAB = '[data-demo="fit-lab"][data-sync-url="true"]';
const lab = labOn(LAB, browser);
const FURTHER = labOn('[data-demo="fit-lab"]', browser);

interface Weights {
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
  finalMse: number;
}

const relu = (z: number) => Math.max(0, z);
const predict = (w: Weights, x: number) => w.b2 + w.w1.reduce((s, wi, i) => s + w.w2[i]! * relu(wi * x + w.b1[i]!), 0);

async function waitAttr(page: Page, sel: string, name: string, value: string | null): Promise<void> {
  await page.waitForFunction(
    ([s, n, v]) => (document.querySelector(s!)?.getAttribute(n!) ?? null) === v,
    [sel, name, value] as const,
    { timeout: 30_000 },
  );
}

/** The points the editing layer shows, as numbers, in its (canonical) order. */
const layerPoints = (page: Page, sel: string) =>
  page
    .locator(`${sel} [data-role="points-layer"] [data-point]`)
    .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-x')), Number(e.getAttribute('data-y'))]));

/** The points in the address bar, which follows the lab's state once the frame that shows a change has run. */
const urlPoints = (page: Page) =>
  (new URL(page.url()).searchParams.get('points') ?? '')
    .split(';')
    .filter(Boolean)
    .map((p) => p.split(',').map(Number));

async function paste(page: Page, sel: string, text: string): Promise<void> {
  await page.locator(`${sel} [data-role="paste-points"] textarea`).fill(text);
  await page.locator(`${sel} [data-action="use-points"]`).click();
}

const near = (pts: number[][], x: number, y: number, tol: number) =>
  pts.some(([px, py]) => Math.abs(px! - x) < tol && Math.abs(py! - y) < tol);

describe('Fit Lab: own points, held-out points, test loss', () => {
  it('en: add by click and by keyboard, move by keys and drag, delete, paste, address, train on exactly the points', () =>
    lab.open('/en/experiment/?points=1,1;2,2;3,1.5&activation=relu&hidden=3&epochs=200&speed=instant', async (page) => {
      expect(await lab.attr(page, 'data-points')).toBe('3');
      expect(await page.locator(`${LAB} .lab__plot title`).first().textContent()).toContain('your 3 points');
      await page.locator(`${LAB} [data-role="own-points"] > summary`).click();
      expect(await page.locator(`${LAB} [data-role="points-count"]`).innerText()).toBe(
        'The lab trains on your 3 points.',
      );
      await lab.click(page, 'edit-points');
      const layer = page.locator(`${LAB} [data-role="points-layer"]`);
      await layer.scrollIntoViewIfNeeded();

      // Click: a point where the pointer was.
      let scales = await publishedScales(page.locator(`${LAB} svg.fl-front[data-x-domain]`));
      const at = toClient(scales, 4.5, 0.5);
      await page.mouse.click(at.x, at.y);
      await waitAttr(page, LAB, 'data-points', '4');
      expect(near(await layerPoints(page, LAB), 4.5, 0.5, 0.1)).toBe(true);

      // Keyboard: Enter on the plot adds a point in its middle and focuses it, so an arrow pressed straight after
      // moves it (a 64th of the x range); Delete removes it.
      scales = await publishedScales(page.locator(`${LAB} svg.fl-front[data-x-domain]`));
      const middle = (scales.xDomain[0] + scales.xDomain[1]) / 2;
      const step = (scales.xDomain[1] - scales.xDomain[0]) / 64;
      await layer.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowRight');
      await waitAttr(page, LAB, 'data-points', '5');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-x') ?? null);
      await expect
        .poll(async () => Number(await focused()) - middle, { message: 'the new point, focused, moved one step' })
        .toBeGreaterThan(step / 2);
      // The address follows the drawn state after the frame that shows it.
      const moved = String(Number(await focused()));
      await expect.poll(() => new URL(page.url()).searchParams.get('points')).toContain(moved);
      await page.keyboard.press('Delete');
      await waitAttr(page, LAB, 'data-points', '4');
      expect(await focused(), 'the next point has focus').not.toBeNull();

      // Drag the point (1, 1) to about (1.5, 2.5).
      scales = await publishedScales(page.locator(`${LAB} svg.fl-front[data-x-domain]`));
      const box = (await page.locator(`${LAB} [data-point][data-x="1"][data-y="1"] circle`).first().boundingBox())!;
      const to = toClient(scales, 1.5, 2.5);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let k = 1; k <= 8; k++)
        await page.mouse.move(
          box.x + box.width / 2 + ((to.x - box.x - box.width / 2) * k) / 8,
          box.y + box.height / 2 + ((to.y - box.y - box.height / 2) * k) / 8,
        );
      await page.mouse.up();
      await page.waitForFunction((sel) => !document.querySelector(`${sel} [data-point][data-x="1"][data-y="1"]`), LAB);
      const dragged = await layerPoints(page, LAB);
      expect(dragged).toHaveLength(4);
      expect(near(dragged, 1.5, 2.5, 0.15)).toBe(true);
      // The address carries exactly the points shown.
      await expect.poll(() => urlPoints(page)).toEqual(dragged);

      // Paste: good lines used, every bad one named by its line number, the text left in the box.
      const text = 'x,y\n0.5,1\nfoo,3\n4\n0.5,1\n1.5,NaN\n2.5,1.2\n3.5,0.4\n4.5,1.5\n5.5,0.9\n';
      await paste(page, LAB, text);
      await waitAttr(page, LAB, 'data-points', '5');
      const bad = await page
        .locator(`${LAB} [data-role="bad-lines"] li`)
        .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-line')), e.textContent]));
      expect(bad).toEqual([
        [3, 'Line 3: “foo” is not a number.'],
        [4, 'Line 4: only one value; a point needs two, x and y.'],
        [5, 'Line 5: the same point as line 2, so it was left out.'],
        [6, 'Line 6: “NaN” is not a finite number.'],
      ]);
      expect(await page.locator(`${LAB} [data-role="paste-points"] textarea`).inputValue()).toBe(text);
      await expect
        .poll(() => urlPoints(page))
        .toEqual([
          [0.5, 1],
          [2.5, 1.2],
          [3.5, 0.4],
          [4.5, 1.5],
          [5.5, 0.9],
        ]);

      // Training uses exactly these points: data-weights' error, recomputed on them, is the reported one.
      expect(await lab.train(page)).toBe('done');
      const w = JSON.parse((await lab.attr(page, 'data-weights'))!) as Weights;
      const pts = urlPoints(page);
      const mse = pts.reduce((s, [x, y]) => s + (predict(w, x!) - y!) ** 2, 0) / pts.length;
      expect(w.finalMse).toBeCloseTo(mse, 6);
      expect(await page.locator(`${LAB} .lab__status`).innerText()).toContain('over all 5 training points');
      expect(await lab.attr(page, 'data-test-mse')).toBeNull();

      await lab.click(page, 'clear-points');
      await waitAttr(page, LAB, 'data-points', null);
      await expect.poll(() => new URL(page.url()).searchParams.has('points')).toBe(false);
      expect(await page.locator(`${LAB} .lab__plot title`).first().textContent()).not.toContain('your');

      // Import a run file with 350 points (more than a link holds) and its weights: all are in place.
      const points = Array.from({ length: 350 }, (_, i) => ({ x: i / 56, y: Math.sin(i / 56) }));
      const weights = { w1: [1, -1, 0.5], b1: [-2, 3, 0], w2: [0.5, 0.25, -1], b2: 0.125 };
      const file = { settings: { activation: 'tanh', hidden: '3', seed: '4' }, points, ...weights };
      const importer = page.locator(`${LAB} [data-role="import-run"] input[type="file"]`);
      await importer.evaluate((input) => ((input.closest('details') as HTMLDetailsElement).open = true));
      const choose = (name: string, text: string) =>
        importer.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await choose('run.json', JSON.stringify(file));
      await waitAttr(page, LAB, 'data-points', '350');
      const report = page.locator(`${LAB} [data-role="import-report"]`);
      expect(await report.getAttribute('data-outcome')).toBe('read');
      expect(await report.innerText()).toContain('It brings 350 points of your own.');
      expect(JSON.parse((await lab.attr(page, 'data-weights-shown'))!)).toEqual(weights);
      expect(await page.locator(`${LAB} [data-role="points-not-in-link"]`).count()).toBe(1);
      await expect.poll(() => new URL(page.url()).searchParams.get('activation')).toBe('tanh');
      expect(new URL(page.url()).searchParams.has('points')).toBe(false);
      // A file that is not a run changes nothing and says why.
      await choose('notes.json', '{"hello": 1}');
      await expect.poll(() => report.getAttribute('data-outcome')).toBe('refused');
      expect(await report.innerText()).toContain('not a run saved by the Fit Lab');
      expect(await importer.getAttribute('aria-invalid')).toBe('true');
      expect(await lab.attr(page, 'data-points')).toBe('350');
    }));

  it('zh-cn: the Going further example holds points out, draws them hollow, and its test loss rises; a 10 MB paste', () =>
    FURTHER.open('/zh-cn/further/', async (page) => {
      const sel = FURTHER.selector;
      const heldOut = page.locator(`${sel} path[data-role="held-out"]`);
      const heldOutAtFirst = Number(await heldOut.getAttribute('data-count'));
      expect(heldOutAtFirst).toBeGreaterThan(0);
      expect(await page.locator(`${sel} .lab__plot`).innerText()).toContain('留出的点（不参与训练）');
      expect(await FURTHER.train(page, 170_000)).toBe('done');
      const testMse = Number(await FURTHER.attr(page, 'data-test-mse'));
      expect(Number.isFinite(testMse) && testMse > 0).toBe(true);
      expect(await page.locator(`${sel} path[data-role="test-loss"]`).getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
      expect(await page.locator(`${sel} [data-role="loss-legend"]`).textContent()).toContain('测试损失（留出的点）');
      // The test curve's table: it falls at first, then ends well above its lowest point (overfitting).
      await page.locator(`${sel} [data-role="test-loss-table"] > summary`).click();
      // The rows are drawn once the panel reports itself open (its toggle event), not within the click.
      await page.locator(`${sel} [data-role="test-loss-table"] tbody tr`).first().waitFor();
      const values = await page
        .locator(`${sel} [data-role="test-loss-table"] tbody tr`)
        .evaluateAll((rows) => rows.map((r) => Number(r.lastElementChild!.textContent!.replace('−', '-'))));
      expect(values.length).toBeGreaterThan(5);
      const lowest = Math.min(...values);
      expect(values[0]!).toBeGreaterThan(lowest);
      expect(values[values.length - 1]!).toBeGreaterThan(lowest * 1.2);
      expect(values[values.length - 1]!).toBeCloseTo(testMse, 3);

      // A 10 MB paste is refused at once, in Chinese, and the lab goes on working.
      await page.locator(`${sel} [data-role="own-points"] > summary`).click();
      const box = page.locator(`${sel} [data-role="paste-points"] textarea`);
      await box.fill('0,0');
      const started = Date.now();
      const kept = await box.evaluate((el: HTMLTextAreaElement) => {
        const data = new DataTransfer();
        data.setData('text/plain', '1,2\n'.repeat(2_621_440));
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        return el.value;
      });
      expect(kept).toBe('0,0');
      await expect
        .poll(() => page.locator(`${sel} [data-role="paste-report"]`).innerText())
        .toContain('粘贴的文字超过 100000 个字符');
      expect(Date.now() - started).toBeLessThan(5_000);
      await paste(page, sel, '1,1\n2,2\n3,1');
      await waitAttr(page, sel, 'data-points', '3');
      expect(await page.locator(`${sel} [data-role="paste-report"]`).innerText()).toContain('读取并使用了 3 个点。');
      // The same text typed or dropped in is refused by "Use these points", again in Chinese.
      await box.evaluate((el: HTMLTextAreaElement) => {
        el.value = '1,2\n'.repeat(30_000);
      });
      await page.locator(`${sel} [data-action="use-points"]`).click();
      await expect
        .poll(() => page.locator(`${sel} [data-role="paste-report"]`).innerText())
        .toContain('粘贴的文字超过 100000 个字符');
      expect(await FURTHER.attr(page, 'data-points')).toBe('3');
      // Back to the example's own points, noise and held-out share.
      await page.locator(`${sel} [data-action="preset-points"]`).click();
      await waitAttr(page, sel, 'data-points', '15');
      await expect.poll(async () => Number(await heldOut.getAttribute('data-count'))).toBe(heldOutAtFirst);
    }));

  it('en: garbage in the address, NaN, duplicates and far-off points are named; the lab still trains', () =>
    lab.open(
      '/en/experiment/?points=garbage;1,NaN&noise=1e308&holdout=2&activation=relu&epochs=50&speed=instant',
      async (page) => {
        const refused = await lab.refusedText(page);
        expect(refused).toContain('Your points (points): “garbage” is not a point written x,y');
        expect(refused).toMatch(/Noise σ \(noise\)/);
        expect(refused).toMatch(/Held-out share \(holdout\)/);
        expect(await lab.attr(page, 'data-points')).toBeNull();
        await page.locator(`${LAB} [data-role="own-points"] > summary`).click();
        await paste(page, LAB, 'NaN,1\n1,1\n1,1\n500,2\n-50,3\n50,-2\n0,1e5');
        await waitAttr(page, LAB, 'data-points', '3');
        const reasons = await page
          .locator(`${LAB} [data-role="bad-lines"] li`)
          .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-line')), e.getAttribute('data-reason')]));
        expect(reasons).toEqual([
          [1, 'notFinite'],
          [3, 'duplicate'],
          [4, 'xOutOfRange'],
          [7, 'yOutOfRange'],
        ]);
        // Points far outside [0, 2π] are drawn inside the plot, and editable there.
        await lab.click(page, 'edit-points');
        const inside = await page.locator(`${LAB} [data-role="points-layer"]`).evaluate((svg) => {
          const w = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
          const h = Number(svg.getAttribute('viewBox')!.split(' ')[3]);
          return [...svg.querySelectorAll('[data-point] circle:last-child')].map((c) => {
            const cx = Number(c.getAttribute('cx'));
            const cy = Number(c.getAttribute('cy'));
            return cx >= 0 && cx <= w && cy >= 0 && cy <= h;
          });
        });
        expect(inside).toEqual([true, true, true]);
        // A noise field refuses 1e308 with a message; the lab trains on the pasted points.
        await page
          .locator(`${LAB} details.lab__panel:has(input[id$="-noise"])`)
          .evaluate((d: HTMLDetailsElement) => (d.open = true));
        const noise = page.locator(`${LAB} input[id$="-noise"]`);
        await noise.fill('1e308');
        await noise.press('Tab');
        await expect.poll(() => page.locator(`${LAB} .lab__field-error`).first().innerText()).toMatch(/^Not used: /);
        expect(await lab.train(page)).toBe('done');
        expect(Number.isFinite(JSON.parse((await lab.attr(page, 'data-weights'))!).finalMse)).toBe(true);
      },
    ));
});
