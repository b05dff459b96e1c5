/**
 * Page budgets, checked on the built site as served:
 *
 * - **The theme's own JavaScript** is what a page with no demo loads: Starlight's scripts (theme picker, search,
 *   table of contents, code-block helpers) and Astro's page script, none of them carrying tfjs. That each page with
 *   no demo (built HTML with no `data-demo` root) loads only those — no `astro-island`, no island loader, nothing
 *   from the import closure of any island's component and renderer less what the theme's scripts import — and
 *   that a demo page loads no tfjs until its demo nears the viewport, is checked in the page sweep (page-sweep.test.ts)
 *   on the same load as the other page-level checks.
 * - **Everything a demo page downloads before its first trained frame ≤ 250 kB gzip**: every JavaScript and
 *   WebAssembly file the page (worker included) requested, from the first request until a demo reports its first
 *   snapshot after Train (`data-epoch` back to 0, then ≥ 1; for the seed panels, the first finished seed), each
 *   body gzipped; the theme's scripts, the islands, the training worker and the binary its backend fetches all
 *   count, whichever backend that is. Each trainable demo on the page is measured from a fresh visit; a page whose
 *   demos do not train counts what a full scroll through it downloads. The file list is printed. The main-thread
 *   fallback's chunks load only when the worker fails, so they are not in it. Each page configuration is measured
 *   once (demo-configs.ts): a page's twin in the other edition with the same entry scripts, islands and props less
 *   words requests the same files; the editions take turns, so both are measured.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './harness';
import { byTurns, pageConfig } from './demo-configs';
import { classify, htmlOf, themeClosure } from './page-checks';
import { DOC_PATHS, hydrateAll, isTfjsSource, scrollThrough, whenIdle } from './quality';

const FIRST_FRAME_BUDGET = 250_000; // bytes of gzip: JS and wasm downloaded before the first trained frame

const browser = useBrowser();
/** The pages with a demo, from the built HTML; pages with none are checked in the page sweep. */
const DEMO_PATHS = (await classify(DOC_PATHS)).demo;
/** Each demo page configuration once (its twin with the same configuration requests the same files). */
const MEASURED_PATHS: string[] = [];
{
  const seen = new Set<string>();
  for (const path of byTurns(DEMO_PATHS)) {
    const config = pageConfig(await htmlOf(path));
    if (!seen.has(config)) MEASURED_PATHS.push(path);
    seen.add(config);
  }
}

const gzipSize = (text: string) => gzipSync(Buffer.from(text, 'utf8')).length;

const gzipCache = new Map<string, number>();
/** Gzip size of the file at `url` as the site serves it (bytes, so `.wasm` binaries count exactly). */
async function servedGzipSize(url: string): Promise<number> {
  const cached = gzipCache.get(url);
  if (cached !== undefined) return cached;
  const response = await fetch(url);
  expect(response.ok, `${url} is served`).toBe(true);
  const size = gzipSync(Buffer.from(await response.arrayBuffer())).length;
  gzipCache.set(url, size);
  return size;
}
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const shortName = (url: string) => new URL(url).pathname.replace(/^.*\//, '');

describe('prose pages ship only the theme’s own JavaScript', () => {
  test('the theme’s own set contains no island code and no tfjs', async () => {
    const { prose } = await classify(DOC_PATHS);
    expect(prose.length).toBeGreaterThan(0);
    const theme = await themeClosure(prose);
    const lines = [...theme].map(([url, source]) => `${shortName(url)}  ${kB(gzipSize(source))}`);
    console.log(
      `[budgets] theme's own JS (${theme.size} files, ${kB([...theme.values()].reduce((s, src) => s + gzipSize(src), 0))} gzip):\n  ${lines.join('\n  ')}`,
    );
    for (const [url, source] of theme) expect(isTfjsSource(source), `${url} carries tfjs`).toBe(false);
  });
});

describe('demo pages', () => {
  test('the Fit Lab’s pages are demo pages; each configuration is measured, in both editions', async () => {
    const { demo } = await classify(DOC_PATHS);
    expect(demo).toEqual(expect.arrayContaining(['en/experiment/', 'zh-cn/experiment/']));
    const configs = async (paths: string[]) =>
      new Set(await Promise.all(paths.map(async (p) => pageConfig(await htmlOf(p)))));
    expect(await configs(MEASURED_PATHS)).toEqual(await configs(demo));
    expect(new Set(MEASURED_PATHS.map((path) => path.split('/')[0]))).toEqual(new Set(['en', 'zh-cn']));
  });
});

/** A demo that trains, and how to see its first trained frame. */
interface Trainable {
  selector: string;
  /** Attribute that turns "true" once the island is interactive. */
  ready: string;
  action: string;
  /** `epoch`: data-epoch is reset to 0, then reaches ≥ 1; `done`: data-done reaches ≥ 1 (a seed job's first run). */
  frame: 'epoch' | 'done';
}

const TRAINABLE: Trainable[] = [
  { selector: '[data-demo="fit-lab"]', ready: 'data-hydrated', action: 'train', frame: 'epoch' },
  { selector: '[data-demo="universal-lab"]', ready: 'data-hydrated', action: 'train', frame: 'epoch' },
  { selector: '[data-demo="deep-lab"]', ready: 'data-hydrated', action: 'train', frame: 'epoch' },
  { selector: '[data-demo="many-seeds-live"]', ready: 'data-ready', action: 'start', frame: 'done' },
  { selector: '[data-demo="init-lab"]', ready: 'data-ready', action: 'measure', frame: 'done' },
];

const JS_OR_WASM = /\.(m?js|wasm)(\?|$)/;

interface Download {
  url: string;
  gzip: number;
}

/**
 * Open `path` in a tab as fresh as a new context (empty cache and storage; harness.ts) and record every JS and wasm
 * request of the page and its worker until `until` resolves; returns them with their gzip sizes.
 */
async function downloadsUntil(path: string, until: (page: Page) => Promise<void>): Promise<Download[]> {
  const opened = await openPage(browser(), path, { viewport: { width: 1280, height: 720 } });
  let requested: string[];
  try {
    await until(opened.page);
    requested = opened.requests.filter((url) => JS_OR_WASM.test(url));
    expect(opened.failedRequests, `failed requests on ${path}`).toEqual([]);
  } finally {
    await opened.close();
  }
  const unique = [...new Set(requested)];
  return Promise.all(unique.map(async (url) => ({ url, gzip: await servedGzipSize(url) })));
}

/** Scroll to the demo, wait until it is interactive, start it, and wait for its first trained frame. */
async function firstTrainedFrame(page: Page, demo: Trainable): Promise<void> {
  const root = page.locator(demo.selector).first();
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    ([element, name]) => (element as Element | null)?.getAttribute(name as string) === 'true',
    [await root.elementHandle(), demo.ready] as const,
    {
      timeout: 60_000,
    },
  );
  // Watch the attribute from before the click, so a reset and the first frame cannot both slip by unseen.
  await root.evaluate((node, frame) => {
    const store = window as unknown as { __firstFrame?: boolean };
    store.__firstFrame = false;
    // A demo that shows no recorded run already reads epoch 0: then its first report after Train is the frame.
    let reset = frame === 'done' || Number(node.getAttribute('data-epoch')) === 0;
    const check = () => {
      const value = Number(node.getAttribute(frame === 'epoch' ? 'data-epoch' : 'data-done'));
      if (value === 0) reset = true;
      else if (reset && value >= 1) store.__firstFrame = true;
    };
    new MutationObserver(check).observe(node, { attributes: true, attributeFilter: ['data-epoch', 'data-done'] });
  }, demo.frame);
  await root.locator(`[data-action="${demo.action}"]`).first().click();
  await page.waitForFunction(() => (window as unknown as { __firstFrame?: boolean }).__firstFrame === true, null, {
    timeout: 150_000,
  });
}

function report(what: string, downloads: Download[]): number {
  const total = downloads.reduce((sum, d) => sum + d.gzip, 0);
  const rows = [...downloads].sort((a, b) => b.gzip - a.gzip).map((d) => `${shortName(d.url)}  ${kB(d.gzip)}`);
  console.log(
    `[budgets] ${what}: ${kB(total)} gzip of JS and wasm in ${downloads.length} files\n  ${rows.join('\n  ')}`,
  );
  return total;
}

describe(`demo pages download ≤ ${FIRST_FRAME_BUDGET / 1000} kB gzip of JS and wasm before their first trained frame`, () => {
  test.each(MEASURED_PATHS.map((path) => [path] as const))('%s', async (path) => {
    const html = await htmlOf(path);
    const trainable = TRAINABLE.filter((demo) => html.includes(demo.selector.slice(1, -1)));
    if (trainable.length === 0) {
      const downloads = await downloadsUntil(path, async (page) => {
        await hydrateAll(page);
        await scrollThrough(page);
        await whenIdle(page);
      });
      expect(downloads.length).toBeGreaterThan(0);
      expect(report(`${path}, scrolled through (no demo here trains)`, downloads)).toBeLessThanOrEqual(
        FIRST_FRAME_BUDGET,
      );
      return;
    }
    for (const demo of trainable) {
      const downloads = await downloadsUntil(path, (page) => firstTrainedFrame(page, demo));
      const total = report(`${path}, until ${demo.selector} shows its first trained frame`, downloads);
      // It trained: the worker and its tfjs came down.
      expect(
        downloads.some((d) => /worker/i.test(shortName(d.url))),
        'the training worker was fetched',
      ).toBe(true);
      // Soft, so that every demo of the page is measured and listed.
      expect
        .soft(total, `gzip bytes of JS and wasm ${path} downloads before ${demo.selector} shows a trained frame`)
        .toBeLessThanOrEqual(FIRST_FRAME_BUDGET);
    }
  });
});
