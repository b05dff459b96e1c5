/**
 * Responsiveness: while any demo trains, the main thread has no task over 50 ms.
 *
 * `longtask` entries (PerformanceObserver) measure wall-clock time, and on a shared two-core machine a 12 ms task
 * can take 100 ms of wall time while other processes hold the CPU. So each task's CPU time is read from Chrome's
 * trace of the renderer's main thread (lab-helpers.ts, `expectNoHeavyTask`), and a task fails the test when the page itself worked on it for over 50 ms;
 * the `longtask` entries seen from the moment the demo reported `training` are printed alongside. Covers every
 * Fit Lab on the site (a plain run, and the side-by-side run where a lab offers it), the many-seeds live panel
 * (a few seeds, then cancelled), and the heaviest demos of Going further (the deep demo's four stacks, 32 units in
 * the universal lab).
 *
 * A demo is measured once per configuration (demo-configs.ts: its island's code and props less the words of the
 * page's language). The twin of an English page's lab in the Chinese edition has the same configuration, so it runs
 * the same code on the same numbers and only its words differ; the editions take turns page by page, so both are
 * measured.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { byTurns, demoConfigs } from './demo-configs';
import { expectClean, openPage, siteUrl, useBrowser } from './harness';
import { expectNoHeavyTask } from './lab-helpers';
import {
  DOC_PATHS,
  FIT_LAB,
  hydratedFitLab,
  longTasks,
  markedTime,
  markWhen,
  recordLongTasks,
  traceMainThread,
  waitForStatus,
} from './quality';

const browser = useBrowser();

/** The `.wasm` files the page asks for from now on (wasm serves only jobs of 500 networks or more). */
function wasmRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\.wasm(\?|$)/.test(request.url())) urls.push(request.url());
  });
  return urls;
}

/** The pages that train, found in the built HTML (never a hard-coded list): the Fit Labs and live seed panels. */
const served = await Promise.all(
  DOC_PATHS.map(async (path) => ({ path, html: await (await fetch(siteUrl(path))).text() })),
);

/**
 * The pages to open and, on each, the indexes of the demos of `kind` to measure: each configuration once, the
 * editions taking turns from one page (slug) to the next.
 */
function plan(kind: string): { path: string; indexes: number[]; total: number }[] {
  const seen = new Set<string>();
  return byTurns(served.map(({ path }) => path))
    .map((path) => {
      const configs = demoConfigs(served.find((page) => page.path === path)?.html ?? '', kind);
      const indexes = configs.flatMap((config, index) => (seen.has(config) ? [] : (seen.add(config), [index])));
      return { path, indexes, total: configs.length };
    })
    .filter((page) => page.indexes.length > 0);
}

const LAB_PLAN = plan('fit-lab');
const LIVE_PANEL_PLAN = plan('many-seeds-live');

test('the demos that train are found, and every configuration of them is measured', () => {
  const labPages = served.filter(({ html }) => html.includes('data-demo="fit-lab"')).map(({ path }) => path);
  expect(labPages).toEqual(expect.arrayContaining(['en/experiment/', 'zh-cn/experiment/']));
  const livePages = served.filter(({ html }) => html.includes('data-demo="many-seeds-live"')).map(({ path }) => path);
  expect(livePages).toEqual(expect.arrayContaining(['en/many-seeds/', 'zh-cn/many-seeds/']));
  for (const [kind, planned] of [
    ['fit-lab', LAB_PLAN],
    ['many-seeds-live', LIVE_PANEL_PLAN],
  ] as const) {
    const everyConfig = new Set(served.flatMap(({ html }) => demoConfigs(html, kind)));
    const measured = planned.flatMap(({ path, indexes }) =>
      indexes.map((index) => demoConfigs(served.find((page) => page.path === path)?.html ?? '', kind)[index]),
    );
    expect(new Set(measured), `every ${kind} configuration`).toEqual(everyConfig);
    expect(measured.length, `each ${kind} configuration once`).toBe(everyConfig.size);
    // From two configurations on, the editions take turns; a single one is measured in one edition.
    const editions = new Set(planned.map(({ path }) => path.split('/')[0]));
    if (everyConfig.size > 1) expect(editions, `${kind}: both editions take part`).toEqual(new Set(['en', 'zh-cn']));
    else expect(editions.size, `${kind}: its one configuration, in one edition`).toBe(1);
  }
});

describe.each(LAB_PLAN.map(({ path, indexes, total }) => [path, indexes, total] as const))(
  '%s',
  (path, indexes, total) => {
    test(`no long task while its Fit Labs train (${indexes.length === total ? 'all' : `${indexes.length} of ${total}`})`, async () => {
      const opened = await openPage(browser(), path);
      try {
        const { page } = opened;
        const wasm = wasmRequests(page);
        for (const index of indexes) {
          const lab = await hydratedFitLab(page, index);
          await recordLongTasks(page);
          await markWhen(lab, 'data-status', 'training');
          const tasks = await traceMainThread(page, async () => {
            await lab.locator('[data-action="train"]').click();
            await waitForStatus(lab, ['done', 'diverged']);
          });
          const since = await markedTime(page, 'data-status', 'training');
          expect(since, 'the lab reported training').toBeGreaterThan(0);
          expectNoHeavyTask(tasks, await longTasks(page, since), `lab ${index} on ${path} training`, { soft: true });

          const sideBySide = lab.locator('[data-action="side-by-side"]');
          if ((await sideBySide.count()) > 0) {
            const panel = lab.locator('[data-role="side-by-side"]');
            await panel.evaluate((details) => ((details as HTMLDetailsElement).open = true));
            await recordLongTasks(page);
            await markWhen(panel, 'data-phase', 'training');
            const tasks = await traceMainThread(page, async () => {
              await sideBySide.click();
              await page.waitForFunction(
                (element) => /^(done|error)$/.test(element?.getAttribute('data-phase') ?? ''),
                await panel.elementHandle(),
                {
                  timeout: 180_000,
                },
              );
            });
            expect(await panel.getAttribute('data-phase')).toBe('done');
            const running = await markedTime(page, 'data-phase', 'training');
            expectNoHeavyTask(tasks, await longTasks(page, running), `lab ${index} on ${path} training side by side`, {
              soft: true,
            });
          }
        }
        expect(await page.locator(FIT_LAB).count()).toBe(total);
        expect(wasm, 'a lone network (or a side-by-side run) trains on cpu: no .wasm is fetched').toEqual([]);
        expectClean(opened);
      } finally {
        await opened.close();
      }
    });
  },
);

describe.each(LIVE_PANEL_PLAN.map(({ path }) => [path] as const))('%s', (path) => {
  test('no long task while the many-seeds live panel trains', async () => {
    const opened = await openPage(browser(), path);
    try {
      const { page } = opened;
      const wasm = wasmRequests(page);
      const panel = page.locator('[data-demo="many-seeds-live"]').first();
      await panel.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (element) => element?.getAttribute('data-ready') === 'true',
        await panel.elementHandle(),
        { timeout: 60_000 },
      );
      await recordLongTasks(page);
      await markWhen(panel, 'data-status', 'training');
      const traced = await traceMainThread(page, async () => {
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
      });
      const observed = await longTasks(page, await markedTime(page, 'data-status', 'training'));
      // Cancel if still training. Read and click in one task of the page: the job may end at any moment, and a
      // Cancel button disabled by a finished job would leave a click waiting for it to be enabled again.
      const cancelled = await panel.evaluate((root) => {
        if (root.getAttribute('data-status') !== 'training') return false;
        root.querySelector<HTMLButtonElement>('[data-action="cancel"]')?.click();
        return true;
      });
      const final = await page.waitForFunction(
        (element) => {
          const status = element?.getAttribute('data-status') ?? '';
          return /^(done|cancelled|error)$/.test(status) ? status : null;
        },
        await panel.elementHandle(),
      );
      expect(await final.jsonValue(), `the job ends${cancelled ? ' when cancelled' : ''}`).toMatch(
        /^(done|cancelled)$/,
      );
      expectNoHeavyTask(traced, observed, `the live panel on ${path} training`, { soft: true });
      expect(wasm, "the panel's default job trains on cpu: no .wasm is fetched").toEqual([]);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

/** The heaviest demos of Going further, on one load (the editions' pages are the same code): four deep stacks of 6 × 8
 * units, then 32 sigmoid units in the universal lab, each trained to the end. */
const FURTHER = 'zh-cn/further/?uunits=32&uact=sigmoid&ushape=bump&uepochs=300';

test('no long task while the deep demo and a 32-unit universal lab train', async () => {
  const opened = await openPage(browser(), FURTHER);
  try {
    const { page } = opened;
    for (const [demo, what] of [
      ['deep-lab', 'the deep demo (4 stacks of 6 × 8, 200 epochs)'],
      ['universal-lab', 'the universal lab (32 sigmoid units, 300 epochs)'],
    ] as const) {
      const lab = page.locator(`[data-demo="${demo}"]`);
      await lab.scrollIntoViewIfNeeded();
      await page.waitForSelector(`[data-demo="${demo}"][data-hydrated="true"]`, { timeout: 60_000 });
      await recordLongTasks(page);
      await markWhen(lab, 'data-status', 'training');
      let status = '';
      const tasks = await traceMainThread(page, async () => {
        await lab.locator('[data-action="train"]').first().click();
        status = await waitForStatus(lab, ['done', 'diverged', 'error'], 150_000);
      });
      expect(status, what).toBe('done');
      const since = await markedTime(page, 'data-status', 'training');
      expectNoHeavyTask(tasks, await longTasks(page, since), `${what} on ${FURTHER}`, { soft: true });
    }
    expectClean(opened);
  } finally {
    await opened.close();
  }
});
