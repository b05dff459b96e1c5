/**
 * Failure paths: when the training worker's script, or a `.wasm` file, cannot be loaded, the Fit Lab must not
 * hang in `loading`: it says so in words, in the page's language, and falls back (another backend, or training on
 * the main thread with a warning) so the reader still gets a trained network.
 */
import { describe, expect, test } from 'vitest';
import { openPage, useBrowser } from './harness';
import { FIT_LAB, hydratedFitLab, waitForStatus } from './quality';

const CJK = /[\u3400-\u9fff]/;
/** Vite names worker chunks after their module (`fit-worker-….js`, `train.worker-….js`). */
const WORKER_SCRIPT = /\/_astro\/[^/]*worker[^/]*\.m?js(\?|$)/i;
const WASM = /\.wasm(\?|$)/i;

const browser = useBrowser();

/** The words the lab shows its reader: the live status line and any alert. */
const messagesOf = (lab: ReturnType<import('playwright-core').Page['locator']>) =>
  lab.evaluate((root) =>
    [...root.querySelectorAll('[role="status"], [role="alert"], [aria-live]')].map((node) => (node.textContent ?? '').trim()).join(' | '),
  );

describe.each([
  ['en/experiment/', 'en'],
  ['zh-cn/experiment/', 'zh-cn'],
] as const)('on %s', (path, edition) => {
  test('if the worker script cannot load, the lab says so in words and still trains by a fallback', async () => {
    const opened = await openPage(browser(), path);
    try {
      const { page, context } = opened;
      const blocked: string[] = [];
      await context.route(WORKER_SCRIPT, (route) => {
        blocked.push(route.request().url());
        return route.abort('failed');
      });
      const lab = await hydratedFitLab(page);
      await lab.locator('[data-action="train"]').click();
      // Not hanging: the lab reaches a final state on its own.
      const status = await waitForStatus(lab, ['done', 'diverged', 'error'], 120_000);
      expect(blocked.length, 'the worker script was requested (and refused)').toBeGreaterThan(0);
      const words = await messagesOf(lab);
      console.log(`[failure] ${path}, worker blocked: status ${status}; the lab says: ${words}`);
      expect(words).toMatch(/\S/);
      if (edition === 'zh-cn') {
        expect(words, 'the explanation is in Chinese').toMatch(CJK);
        expect(words, 'no untranslated English sentence').not.toMatch(/[A-Za-z]{2,}(\s+[A-Za-z]{2,}){2,}/);
      }
      // The fallback trains all the same.
      expect(status, `fallback after a failed worker (lab says: ${words})`).toBe('done');
      const unrelated = opened.consoleErrors.filter((line) => !blocked.some((url) => line.includes(url)) && !/net::ERR_FAILED/.test(line));
      expect(unrelated).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

test('if .wasm files cannot load, every Fit Lab on the page still trains, and nothing breaks', async () => {
  const opened = await openPage(browser(), 'en/experiment/');
  try {
    const { page, context } = opened;
    const blocked: string[] = [];
    await context.route(WASM, (route) => {
      blocked.push(route.request().url());
      return route.abort('failed');
    });
    const labs = await page.locator(FIT_LAB).count();
    expect(labs).toBeGreaterThan(0);
    for (let index = 0; index < labs; index++) {
      const lab = await hydratedFitLab(page, index);
      await lab.locator('[data-action="train"]').click();
      const status = await waitForStatus(lab, ['done', 'diverged', 'error'], 120_000);
      expect(status, `lab ${index} (says: ${await messagesOf(lab)})`).toBe('done');
    }
    console.log(`[failure] .wasm requests refused while training: ${blocked.length}`);
    const unrelated = opened.consoleErrors.filter((line) => !blocked.some((url) => line.includes(url)) && !/net::ERR_FAILED/.test(line));
    expect(unrelated).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
  } finally {
    await opened.close();
  }
});
