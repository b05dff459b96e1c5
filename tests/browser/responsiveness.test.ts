/**
 * Responsiveness: while any demo trains, the main thread has no task over 50 ms (Chromium's `longtask` entries are
 * exactly the tasks over 50 ms). Counted from the moment the demo reports it is training (`data-status="training"`;
 * starting the worker before that is loading, not training). Covers every Fit Lab on every page that has one (a plain run, and the side-by-side
 * run where a lab offers it) and the many-seeds live panel (a few seeds, then cancelled).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectClean, launchBrowser, openPage, siteUrl } from './harness';
import { DOC_PATHS, FIT_LAB, hydratedFitLab, longTasks, markedTime, markWhen, recordLongTasks, waitForStatus } from './quality';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function labCount(path: string): Promise<number> {
  const html = await (await fetch(siteUrl(path))).text();
  return html.split('data-demo="fit-lab"').length - 1;
}

describe.each(DOC_PATHS.map((path) => [path] as const))('%s', (path) => {
  test('no long task while its Fit Labs train', async () => {
    const labs = await labCount(path);
    if (labs === 0) return; // nothing trains on this page
    const opened = await openPage(browser, path);
    try {
      const { page } = opened;
      for (let index = 0; index < labs; index++) {
        const lab = await hydratedFitLab(page, index);
        await recordLongTasks(page);
        await markWhen(lab, 'data-status', 'training');
        await lab.locator('[data-action="train"]').click();
        await waitForStatus(lab, ['done', 'diverged']);
        const since = await markedTime(page, 'data-status', 'training');
        expect(since, 'the lab reported training').toBeGreaterThan(0);
        expect.soft(await longTasks(page, since), `long tasks (ms) while lab ${index} on ${path} trained`).toEqual([]);

        const sideBySide = lab.locator('[data-action="side-by-side"]');
        if ((await sideBySide.count()) > 0) {
          const panel = lab.locator('[data-role="side-by-side"]');
          await panel.evaluate((details) => ((details as HTMLDetailsElement).open = true));
          await recordLongTasks(page);
          await markWhen(panel, 'data-phase', 'running');
          await sideBySide.click();
          await page.waitForFunction((element) => /^(done|error)$/.test(element?.getAttribute('data-phase') ?? ''), await panel.elementHandle(), {
            timeout: 180_000,
          });
          expect(await panel.getAttribute('data-phase')).toBe('done');
          const running = await markedTime(page, 'data-phase', 'running');
          expect.soft(await longTasks(page, running), `long tasks (ms) while lab ${index} on ${path} trained side by side`).toEqual([]);
        }
      }
      expect(await page.locator(FIT_LAB).count()).toBe(labs);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

describe.each(DOC_PATHS.map((path) => [path] as const))('%s', (path) => {
  test('no long task while the many-seeds live panel trains', async () => {
    const html = await (await fetch(siteUrl(path))).text();
    if (!html.includes('data-demo="many-seeds-live"')) return; // no live panel on this page
    const opened = await openPage(browser, path);
    try {
      const { page } = opened;
      const panel = page.locator('[data-demo="many-seeds-live"]').first();
      await panel.scrollIntoViewIfNeeded();
      await page.waitForFunction((element) => element?.getAttribute('data-ready') === 'true', await panel.elementHandle(), { timeout: 60_000 });
      await recordLongTasks(page);
      await markWhen(panel, 'data-status', 'training');
      await panel.locator('[data-action="start"]').click();
      // A handful of finished seeds is enough to see the main thread under training load.
      await page.waitForFunction(
        (element) => {
          const status = element?.getAttribute('data-status') ?? '';
          const done = Number(element?.getAttribute('data-done') ?? 0);
          const total = Number(element?.getAttribute('data-total') ?? 0);
          return /^(done|error|cancelled)$/.test(status) || done >= Math.min(5, Math.max(1, total));
        },
        await panel.elementHandle(),
        { timeout: 180_000 },
      );
      const tasks = await longTasks(page, await markedTime(page, 'data-status', 'training'));
      if ((await panel.getAttribute('data-status')) === 'training') {
        await panel.locator('[data-action="cancel"]').click();
        await page.waitForFunction((element) => element?.getAttribute('data-status') !== 'training', await panel.elementHandle());
      }
      expect(await panel.getAttribute('data-status')).not.toBe('error');
      expect(tasks, `long tasks (ms) while the live panel on ${path} trained`).toEqual([]);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});
