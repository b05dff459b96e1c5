/**
 * Failure paths: when the training worker's script cannot be loaded, the Fit Lab must not hang in `loading`: it
 * says so in words, in the page's language, and trains on the main thread with a warning, so the reader still gets
 * a trained network. (A refused `.wasm` file only matters where wasm is used, for jobs of 500 networks or more:
 * many-seeds.test.ts; responsiveness.test.ts checks that no Fit Lab run asks for it.) On the main thread it trains with
 * the worker's own engine (tfjs, cpu backend) and stays responsive: no task over 50 ms of CPU in Chrome's trace
 * (see responsiveness.test.ts), also for the setting with the most optimizer steps per epoch (batch size 1), and
 * for the deep demo, whose first snapshot runs every kernel of its six-layer stacks on a cold engine.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './harness';
import { expectNoLongTasks } from './lab-helpers';
import { hydratedFitLab, isTfjsSource, recordLongTasks, waitForStatus } from './quality';

const CJK = /[\u3400-\u9fff]/;
/** Vite names worker chunks after their module (`fit-worker-….js`, `train.worker-….js`). */
const WORKER_SCRIPT = /\/_astro\/[^/]*worker[^/]*\.m?js(\?|$)/i;
const DEEP_LAB = '[data-demo="deep-lab"]';

const browser = useBrowser();

/** Scripts the page requested (worker scripts and refused ones included). */
function recordScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\.m?js(\?|$)/.test(request.url())) urls.push(request.url());
  });
  return urls;
}

/** Whether any script the page fetched on its own thread, besides `blocked` ones, carries tfjs. */
async function mainThreadLoadedTfjs(scripts: string[], blocked: string[]): Promise<boolean> {
  for (const url of new Set(scripts)) {
    if (blocked.includes(url)) continue;
    if (isTfjsSource(await (await fetch(url)).text())) return true;
  }
  return false;
}

/** The words the lab shows its reader: the live status line and any alert. */
const messagesOf = (lab: ReturnType<import('playwright-core').Page['locator']>) =>
  lab.evaluate((root) =>
    [...root.querySelectorAll('[role="status"], [role="alert"], [aria-live]')]
      .map((node) => (node.textContent ?? '').trim())
      .join(' | '),
  );

// The English lab trains at a reader's default pace. The Chinese one is there for its words, so it trains at the
// `instant` speed (no pause between epochs: its run takes a third of the time, and is a heavier load for the page).
describe.each([
  ['en/experiment/', 'en', 'default settings'],
  ['zh-cn/experiment/?speed=instant', 'zh-cn', 'instant speed'],
] as const)('on %s', (path, edition, settings) => {
  test('if the worker script cannot load, the lab says so in words and trains on the main thread with the engine, responsively', async () => {
    const opened = await openPage(browser(), path);
    try {
      const { page, context } = opened;
      const blocked: string[] = [];
      await context.route(WORKER_SCRIPT, (route) => {
        blocked.push(route.request().url());
        return route.abort('failed');
      });
      const scripts = recordScripts(page);
      const lab = await hydratedFitLab(page);
      let status = '';
      await expectNoLongTasks(page, `failure: ${path}, worker blocked, ${settings}`, async () => {
        await lab.locator('[data-action="train"]').click();
        // Not hanging: the lab reaches a final state on its own.
        status = await waitForStatus(lab, ['done', 'diverged', 'error'], 120_000);
      });
      expect(blocked.length, 'the worker script was requested (and refused)').toBeGreaterThan(0);
      const words = await messagesOf(lab);
      console.log(`[failure] ${path}, worker blocked: status ${status}; the lab says: ${words}`);
      expect(words).toMatch(/\S/);
      await expect
        .poll(() => lab.locator('[data-role="fallback"]').count(), { message: 'the fallback notice' })
        .toBeGreaterThan(0);
      if (edition === 'zh-cn') {
        expect(words, 'the explanation is in Chinese').toMatch(CJK);
        expect(words, 'no untranslated English sentence').not.toMatch(/[A-Za-z]{2,}(\s+[A-Za-z]{2,}){2,}/);
      }
      // The fallback trains all the same, with tfjs on the page's own thread.
      expect(status, `fallback after a failed worker (lab says: ${words})`).toBe('done');
      expect(await mainThreadLoadedTfjs(scripts, blocked), 'the main thread loaded the tfjs engine').toBe(true);
      const unrelated = opened.consoleErrors.filter(
        (line) => !blocked.some((url) => line.includes(url)) && !/net::ERR_FAILED/.test(line),
      );
      expect(unrelated).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

test('with the worker blocked, a run of single-point batches (100 steps an epoch) trains to the end with no main-thread task over 50 ms', async () => {
  const opened = await openPage(browser(), 'en/experiment/?batch=1&hidden=8&activation=relu&speed=instant&epochs=200');
  try {
    const { page, context } = opened;
    await context.route(WORKER_SCRIPT, (route) => route.abort('failed'));
    const lab = await hydratedFitLab(page);
    let status = '';
    const tasks = await expectNoLongTasks(page, 'failure: worker blocked, batch 1, 8 ReLUs, 200 epochs', async () => {
      await lab.locator('[data-action="train"]').click();
      status = await waitForStatus(lab, ['done', 'diverged', 'error'], 170_000);
    });
    expect(status, `lab says: ${await messagesOf(lab)}`).toBe('done');
    expect(await lab.getAttribute('data-epoch')).toBe('200');
    expect(await lab.locator('[data-role="fallback"]').count(), 'trained on the main thread').toBeGreaterThan(0);
    // 20,000 optimizer steps went through many short tasks, not a few long ones.
    expect(tasks.length).toBeGreaterThan(20);
  } finally {
    await opened.close();
  }
}, 180_000);

test('with the worker blocked, the deep demo (4 stacks of 6 × 8, 200 epochs) trains to the end with no main-thread task over 50 ms', async () => {
  const opened = await openPage(browser(), 'en/further/');
  try {
    const { page, context } = opened;
    await context.route(WORKER_SCRIPT, (route) => route.abort('failed'));
    const lab = page.locator(DEEP_LAB);
    await lab.scrollIntoViewIfNeeded();
    await page.waitForSelector(`${DEEP_LAB}[data-hydrated="true"]`, { timeout: 60_000 });
    await recordLongTasks(page);
    let status = '';
    const tasks = await expectNoLongTasks(page, 'failure: worker blocked, deep demo', async () => {
      await lab.locator('[data-action="train"]').click();
      status = await waitForStatus(lab, ['done', 'diverged', 'error'], 170_000);
    });
    expect(status, `lab says: ${await messagesOf(lab)}`).toBe('done');
    expect(await lab.getAttribute('data-epoch')).toBe('200');
    expect(await lab.locator('[data-role="fallback"]').count(), 'trained on the main thread').toBeGreaterThan(0);
    // 800 optimizer steps of four stacks and 41 snapshots went through many short tasks.
    expect(tasks.length).toBeGreaterThan(40);
  } finally {
    await opened.close();
  }
}, 180_000);
