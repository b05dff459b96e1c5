/**
 * Resource hygiene of the Fit Lab:
 * - 20 consecutive train → cancel (Reset while training) cycles leave the worker's `tf.memory().numTensors`
 *   exactly where it was after the first cycle, and the page's JS heap (measured after a forced GC through CDP's
 *   `HeapProfiler.collectGarbage` + `Runtime.getHeapUsage`) within noise;
 * - the training worker is terminated when the reader leaves the page (`pagehide`, which also covers pages kept
 *   in the back/forward cache) and when the page is navigated away from.
 *
 * The worker's tensor count is read inside the worker: tfjs-core keeps its engine on the global object
 * (`globalThis._tfengine`), so Playwright's worker handle can ask it directly.
 */
import { describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { expectClean, openPage, siteUrl, useBrowser } from './harness';
import { FIT_LAB, FIT_LAB_PAGE, hydratedFitLab, waitForStatus } from './quality';

const CYCLES = 20;
/** Heap noise allowance after GC: the larger of 1 MB and 10 % of the baseline. */
const heapNoise = (baseline: number) => Math.max(1_000_000, baseline * 0.1);

const browser = useBrowser();

async function trainingWorker(page: Page): Promise<Worker> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const worker = page.workers().find((candidate) => /worker/i.test(candidate.url())) ?? page.workers()[0];
    if (worker) return worker;
    if (Date.now() > deadline) throw new Error('no worker started');
    await page.waitForEvent('worker', { timeout: 30_000 });
  }
}

const workerTensors = (worker: Worker) =>
  worker.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine?: { memory(): { numTensors: number } } })._tfengine;
    return engine ? engine.memory().numTensors : -1;
  });

/** Index of the Fit Lab that reads its settings from the address bar. */
const syncedLabIndex = (page: Page) =>
  page.locator(FIT_LAB).evaluateAll((labs) => labs.findIndex((lab) => lab.getAttribute('data-sync-url') === 'true'));

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

async function trainThenCancel(page: Page, lab: ReturnType<Page['locator']>): Promise<void> {
  await lab.locator('[data-action="train"]').click();
  await waitForStatus(lab, ['training']);
  // Let at least one epoch happen before cancelling.
  await page.waitForFunction(
    (element) =>
      Number(element?.getAttribute('data-epoch') ?? 0) > 0 || element?.getAttribute('data-status') !== 'training',
    await lab.elementHandle(),
  );
  await lab.locator('[data-action="reset"]').click();
  await waitForStatus(lab, ['idle']);
}

/** Pause a training run; the run is long (2,000 slow epochs), so it is still training when Pause is pressed. */
async function pauseWhileTraining(lab: ReturnType<Page['locator']>): Promise<void> {
  await lab.locator('[data-action="pause"]').click();
  await waitForStatus(lab, ['paused']);
}

/** Open the Fit Lab, train one run to done, hand its page and worker to `body`, then check the page stayed clean. */
async function afterOneRun(body: (page: Page, worker: Worker) => Promise<void>): Promise<void> {
  const opened = await openPage(browser(), FIT_LAB_PAGE);
  try {
    const { page } = opened;
    const lab = await hydratedFitLab(page);
    await lab.locator('[data-action="train"]').click();
    await waitForStatus(lab, ['done']);
    await body(page, await trainingWorker(page));
    expectClean(opened);
  } finally {
    await opened.close();
  }
}

describe('Fit Lab resources', () => {
  test(`${CYCLES} train/cancel cycles leak no tensors and no heap`, async () => {
    // Slow and long, so a run is surely still going when the test pauses it; the cycles stop after one epoch.
    const opened = await openPage(browser(), `${FIT_LAB_PAGE}?speed=slow&epochs=2000`);
    try {
      const { page } = opened;
      const synced = await page.locator(`${FIT_LAB}[data-sync-url="true"]`).count();
      expect(synced, 'the lab that reads the address bar').toBe(1);
      const lab = await hydratedFitLab(page, await syncedLabIndex(page));
      await trainThenCancel(page, lab); // warm-up: the worker, tfjs and the plots exist from here on
      const worker = await trainingWorker(page);
      const tensorsBefore = await workerTensors(worker);
      expect(tensorsBefore, 'tfjs engine visible in the worker').not.toBe(-1);
      // The probe counts the trainer's own tensors: a paused run holds its weights and Adam's moments there.
      await lab.locator('[data-action="train"]').click();
      await waitForStatus(lab, ['training']);
      await pauseWhileTraining(lab);
      expect(await workerTensors(worker), 'worker tensors while a run is paused').toBeGreaterThan(tensorsBefore);
      await lab.locator('[data-action="reset"]').click();
      await waitForStatus(lab, ['idle']);
      expect(await workerTensors(worker), 'worker tensors after Reset').toBe(tensorsBefore);
      const heapBefore = await heapAfterGc(page);

      for (let cycle = 0; cycle < CYCLES; cycle++) await trainThenCancel(page, lab);

      expect(page.workers(), 'one worker, reused').toHaveLength(1);
      expect(await workerTensors(worker), 'worker tf.memory().numTensors').toBe(tensorsBefore);
      const heapAfter = await heapAfterGc(page);
      console.log(
        `[hygiene] JS heap after GC: ${(heapBefore / 1e6).toFixed(2)} MB before, ${(heapAfter / 1e6).toFixed(2)} MB after ${CYCLES} cycles; worker tensors ${tensorsBefore}`,
      );
      expect(heapAfter - heapBefore, 'JS heap growth (bytes)').toBeLessThanOrEqual(heapNoise(heapBefore));
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('the worker is terminated on pagehide', () =>
    afterOneRun(async (page, worker) => {
      const closed = new Promise<boolean>((resolve) => {
        worker.once('close', () => resolve(true));
        setTimeout(() => resolve(false), 10_000);
      });
      // What the browser fires when the reader leaves, including into the back/forward cache.
      await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
      expect(await closed, 'worker closed after pagehide').toBe(true);
    }));

  test('the worker is gone after navigating to another page', () =>
    afterOneRun(async (page, worker) => {
      const closed = worker.waitForEvent('close', { timeout: 30_000 }).then(() => true);
      await page.goto(siteUrl('en/'), { waitUntil: 'load' });
      expect(await closed).toBe(true);
    }));
});
