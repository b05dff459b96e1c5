/**
 * The deep demo ("vanishing gradients, live") in a real browser: trains to done in both languages with per-layer
 * gradients drawn and tabulated, its settings round-trip through the address bar, bad address values are named
 * in the page's language while it still trains, and it works from the keyboard alone. Every wait is for a state
 * (`data-status`, `data-hydrated`), never for a fixed time.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './harness';
import { labOn } from './lab-helpers';

const LAB = '[data-demo="deep-lab"]';
const lab = labOn(LAB, useBrowser());
/** Deep runs train several stacks at once: they get longer to end than the one-network labs. */
const settled = (page: Page) => lab.settled(page, 150_000);

interface PanelReadout {
  activation: string;
  lines: number[];
  first: number;
  last: number;
  dead: number;
  rows: number;
  tabled: number[];
}

/** What each activation's panel shows: the layers drawn, the gradient sizes it reports and tabulates. */
function panels(page: Page): Promise<PanelReadout[]> {
  return page.locator(LAB).evaluate((lab) =>
    [...lab.querySelectorAll('.deep-panel')].map((p) => ({
      activation: p.getAttribute('data-activation')!,
      lines: [...p.querySelectorAll('[data-role="layer-gradient"]')].map((l) => Number(l.getAttribute('data-layer'))),
      first: Number(p.getAttribute('data-grad-first')),
      last: Number(p.getAttribute('data-grad-last')),
      dead: Number(p.getAttribute('data-dead')),
      rows: p.querySelectorAll('[data-role="preact-row"]').length,
      tabled: [...p.querySelectorAll('td[data-role="grad"]')].map((td) => Number(td.textContent!.replace('−', '-'))),
    })),
  );
}

describe('deep demo', () => {
  it('trains the default stacks to done (en): per-layer gradients drawn, sigmoid’s first layer ≪ last, ReLU units dead', () =>
    lab.open('en/further/', async (page) => {
      expect(await lab.attr(page, 'data-status')).toBe('idle');
      // Its main thread while training (no task over 50 ms of CPU) is measured in responsiveness.test.ts, alone.
      const started = Date.now();
      expect(await lab.train(page, 150_000)).toBe('done');
      console.log(`[deep] default run (4 × 6 layers × 8 units, 200 epochs) in ${Date.now() - started} ms wall`);
      expect(await lab.attr(page, 'data-epoch')).toBe('200');
      const shown = await panels(page);
      expect(shown.map((p) => p.activation)).toEqual(['sigmoid', 'tanh', 'relu', 'leaky_relu']);
      for (const p of shown) {
        expect(p.lines).toEqual([1, 2, 3, 4, 5, 6]);
        expect(p.rows).toBe(6);
        expect(p.tabled).toHaveLength(6);
        expect(p.tabled.every((g) => Number.isFinite(g) && g >= 0)).toBe(true);
        expect(p.first).toBeGreaterThan(0);
      }
      const sigmoid = shown.find((p) => p.activation === 'sigmoid')!;
      const relu = shown.find((p) => p.activation === 'relu')!;
      // At the start (the table's epoch-0 column) sigmoid's first layer gets ~1/1000 of the last layer's gradient.
      const start = await page
        .locator(`${LAB} .deep-panel[data-activation="sigmoid"] tbody tr`)
        .evaluateAll((rows) => rows.map((r) => Number(r.children[2]!.textContent!.replace('−', '-'))));
      expect(start[0]! / start[5]!).toBeLessThan(0.01);
      expect(sigmoid.first / sigmoid.last).toBeLessThan(1);
      expect(relu.dead).toBeGreaterThan(0);
      expect(await page.locator(`${LAB} .deeplab__status`).textContent()).toContain('Done');
      // A plain visit leaves the address alone.
      expect(new URL(page.url()).search).toBe('');
    }));

  it('trains settings from an address with the older unprefixed keys to done (zh-cn), in Chinese', () =>
    lab.open('zh-cn/further/?layers=3&width=4&depochs=15&dacts=sigmoid,relu', async (page) => {
      expect(await page.locator(`${LAB} [data-role="refused"]`).count()).toBe(0);
      // The old keys are rewritten to the current ones, in their places.
      await page.waitForFunction(() => new URL(location.href).search.startsWith('?dlayers=3&dwidth=4&'));
      expect(await lab.train(page, 150_000)).toBe('done');
      const shown = await panels(page);
      expect(shown.map((p) => p.activation)).toEqual(['sigmoid', 'relu']);
      for (const p of shown) expect(p.lines).toEqual([1, 2, 3]);
      expect(await page.locator(`${LAB} .deeplab__status`).textContent()).toContain('完成');
    }));

  it('writes changed settings into the address (keeping other keys), and reads them back', () =>
    lab.open('en/further/?other=kept', async (page) => {
      await page.selectOption(`${LAB} select[data-setting="dlayers"]`, '2');
      const width = page.locator(`${LAB} input[data-setting="dwidth"]`);
      await width.fill('5');
      await width.press('Tab');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('dwidth') === '5');
      const params = new URL(page.url()).searchParams;
      expect(params.get('dlayers')).toBe('2');
      expect(params.get('dacts')).toBe('sigmoid,tanh,relu,leaky_relu');
      expect(params.get('other')).toBe('kept');
      await page.reload();
      await lab.hydrated(page);
      expect(await page.locator(`${LAB} select[data-setting="dlayers"]`).inputValue()).toBe('2');
      expect(await width.inputValue()).toBe('5');
      expect((await panels(page)).every((p) => p.rows === 2)).toBe(true);
      // A refused input is named next to the field and not applied.
      await width.fill('99');
      await width.press('Tab');
      await expect.poll(() => page.locator(`${LAB} .deeplab__field-error`).count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('dwidth')).toBe('5');
    }));

  it.each([
    ['en', 'not a number', 'outside the allowed range'],
    ['zh-cn', '不是数字', '超出允许范围'],
  ])('names bad address values in %s and still trains with the defaults', async (lang, notNumber, outOfRange) => {
    const bad = new URLSearchParams({
      dlayers: 'abc',
      dwidth: '1e309',
      dacts: 'relu,<script>alert(1)</script>',
      dlr: '0x10',
      depochs: '10',
    });
    await lab.open(`${lang}/further/?${bad}`, async (page) => {
      const notice = page.locator(`${LAB} [data-role="refused"]`);
      await expect.poll(() => notice.locator('li').count()).toBe(4);
      const text = (await notice.textContent())!;
      expect(text).toContain(notNumber);
      expect(text).toContain(outOfRange);
      expect(text).toContain('<script>'); // shown as text, never as markup
      expect(
        await page.locator('script:not([src])').evaluateAll((s) => s.some((e) => e.textContent?.includes('alert(1)'))),
      ).toBe(false);
      expect(await page.locator(`${LAB} select[data-setting="dlayers"]`).inputValue()).toBe('6');
      expect(await lab.train(page, 150_000)).toBe('done');
      expect(await lab.attr(page, 'data-epoch')).toBe('10');
      expect((await panels(page)).map((p) => p.activation)).toEqual(['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    });
  });

  it.each([['en'], ['zh-cn']])(
    'trains on the page itself when the worker script cannot load (%s), and says so',
    async (lang) => {
      const blocked: string[] = [];
      await lab.open(
        `${lang}/further/?dlayers=3&dwidth=4&depochs=15`,
        async (page, opened) => {
          await opened.context.route(/\/_astro\/[^/]*worker[^/]*\.m?js(\?|$)/i, (route) => {
            blocked.push(route.request().url());
            return route.abort('failed');
          });
          await lab.hydrated(page);
          expect(await lab.train(page, 150_000)).toBe('done');
          expect(blocked.length).toBeGreaterThan(0);
          const notice = (await page.locator(`${LAB} [data-role="fallback"]`).textContent()) ?? '';
          expect(notice).toMatch(lang === 'zh-cn' ? /[\u3400-\u9fff]/ : /worker/);
          expect((await panels(page)).every((p) => p.lines.length === 3 && p.first > 0)).toBe(true);
          const unrelated = opened.consoleErrors.filter(
            (line) => !blocked.some((url) => line.includes(url)) && !/net::ERR_FAILED/.test(line),
          );
          expect(unrelated).toEqual([]);
        },
        { hydrate: false, clean: false },
      );
    },
  );

  it('works from the keyboard alone: settings, train, pause, resume', () =>
    lab.open('en/further/', async (page) => {
      await page.locator(`${LAB} select[data-setting="dlayers"]`).focus();
      await page.keyboard.press('ArrowUp'); // 6 → 5
      const tabTo = async (selector: string) => {
        for (let i = 0; i < 40; i++) {
          if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`Tab never reached ${selector}`);
      };
      await tabTo(`${LAB} input[data-setting="depochs"]`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('400');
      await tabTo(`${LAB} input[value="relu"]`);
      await page.keyboard.press('Space'); // untick ReLU
      await tabTo(`${LAB} [data-action="train"]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${LAB}[data-status="training"]`, { timeout: 60_000 });
      // Train is disabled while training: focus moves to Pause instead of dropping to the page, in the update that
      // reports the new status (so the reader's next key already reaches it).
      const focusedAction = () => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null);
      expect(await focusedAction()).toBe('pause');
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${LAB}[data-status="paused"]`);
      expect(await focusedAction()).toBe('train');
      expect(await page.locator(`${LAB} [data-action="train"]`).textContent()).toBe('Resume');
      await page.keyboard.press('Enter');
      expect(await settled(page)).toBe('done');
      await expect.poll(focusedAction).toBe('train');
      const params = new URL(page.url()).searchParams;
      expect(params.get('dlayers')).toBe('5');
      expect(params.get('depochs')).toBe('400');
      expect(params.get('dacts')).toBe('sigmoid,tanh,leaky_relu');
      expect((await panels(page)).map((p) => p.lines.length)).toEqual([5, 5, 5]);
    }));
});
