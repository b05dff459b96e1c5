/**
 * Page budgets, checked on the built site as served:
 *
 * - **The theme's own JavaScript** is what a page with no demo loads: Starlight's scripts (theme picker, search,
 *   table of contents, code-block helpers) and Astro's page script. Concretely, a prose page (built HTML with no
 *   `data-demo` root) passes when it has no `astro-island` and no island loader, and none of the JS it requests —
 *   scrolled to the end and idle — belongs to an island (the import closure of any island's component and renderer
 *   on the site, less what the theme's scripts import themselves) or carries tfjs.
 * - **A demo page loads no tfjs until the demo nears the viewport**: opened at the top, a page whose demos all sit
 *   below the first screen requests no tfjs chunk, worker or `.wasm` before the reader scrolls.
 * - **Everything a demo page downloads before its first trained frame ≤ 250 kB gzip**: every JavaScript and
 *   WebAssembly file the page (worker included) requested, from the first request until a demo reports its first
 *   snapshot after Train (`data-epoch` back to 0, then ≥ 1; for the seed panels, the first finished seed), each
 *   body gzipped; the theme's scripts, the islands, the training worker and the binary its backend fetches all
 *   count, whichever backend that is. Each trainable demo on the page is measured from a fresh visit; a page whose
 *   demos do not train counts what a full scroll through it downloads. The file list is printed. The main-thread
 *   fallback's chunks load only when the worker fails, so they are not in it.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, expectClean, openPage, siteUrl, useBrowser } from './harness';
import { DOC_PATHS, hydrateAll, isTfjsSource, scrollThrough, whenIdle } from './quality';

const FIRST_FRAME_BUDGET = 250_000; // bytes of gzip: JS and wasm downloaded before the first trained frame

const browser = useBrowser();

const htmlCache = new Map<string, string>();
async function htmlOf(path: string): Promise<string> {
  const cached = htmlCache.get(path);
  if (cached !== undefined) return cached;
  const html = await (await fetch(siteUrl(path))).text();
  htmlCache.set(path, html);
  return html;
}

const sourceCache = new Map<string, string | null>();
async function sourceOf(url: string): Promise<string | null> {
  if (sourceCache.has(url)) return sourceCache.get(url) ?? null;
  const response = await fetch(url);
  const text = response.ok ? await response.text() : null;
  sourceCache.set(url, text);
  return text;
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

/** Quoted `.js` paths inside a chunk: static and dynamic imports, Vite's preload lists, worker URLs. */
function referencedScripts(source: string, from: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/["'`]((?:\.{1,2}\/|\/)?(?:[\w@.-]+\/)*[\w@.-]+\.m?js)["'`]/g)) {
    const ref = match[1] ?? '';
    // `_astro/x.js` (no ./ or /) is how Vite's preload map names files: relative to the site base.
    const url = /^(\.|\/)/.test(ref) ? new URL(ref, from) : new URL(ref, baseUrl());
    if (url.origin === new URL(baseUrl()).origin) found.add(url.href);
  }
  return [...found];
}

/** Every JS file reachable from `entries`, with its source (files that do not exist are left out). */
async function closure(entries: string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    const source = await sourceOf(url);
    if (source === null) continue;
    seen.set(url, source);
    queue.push(...referencedScripts(source, url));
  }
  return seen;
}

/** The module scripts a page's HTML starts (`<script type="module" src>`). */
function entryScripts(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => new URL(match[1] ?? '', pageUrl).href);
}

/** Each island's component and renderer modules. */
function islandEntries(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<astro-island[^>]*?\b(?:component-url|renderer-url)="([^"]+)"/g)]
    .concat([...html.matchAll(/<astro-island[^>]*?\brenderer-url="([^"]+)"/g)])
    .map((match) => new URL(match[1] ?? '', pageUrl).href);
}

async function classify(): Promise<{ prose: string[]; demo: string[] }> {
  const prose: string[] = [];
  const demo: string[] = [];
  for (const path of DOC_PATHS) ((await htmlOf(path)).includes('data-demo=') ? demo : prose).push(path);
  return { prose, demo };
}

/** The theme's own JS: everything reachable from the entry scripts of the prose pages. */
async function themeClosure(prose: string[]): Promise<Map<string, string>> {
  const entries = new Set<string>();
  for (const path of prose) for (const url of entryScripts(await htmlOf(path), siteUrl(path))) entries.add(url);
  return closure([...entries]);
}

/** What the islands of the whole site need, less what the theme already brings. */
async function islandOnlyClosure(paths: string[], theme: Map<string, string>): Promise<Map<string, string>> {
  const entries = new Set<string>();
  for (const path of paths) for (const url of islandEntries(await htmlOf(path), siteUrl(path))) entries.add(url);
  const all = await closure([...entries]);
  for (const url of theme.keys()) all.delete(url);
  return all;
}

describe('prose pages ship only the theme’s own JavaScript', () => {
  test('the theme’s own set contains no island code and no tfjs', async () => {
    const { prose } = await classify();
    expect(prose.length).toBeGreaterThan(0);
    const theme = await themeClosure(prose);
    const lines = [...theme].map(([url, source]) => `${shortName(url)}  ${kB(gzipSize(source))}`);
    console.log(`[budgets] theme's own JS (${theme.size} files, ${kB([...theme.values()].reduce((s, src) => s + gzipSize(src), 0))} gzip):\n  ${lines.join('\n  ')}`);
    for (const [url, source] of theme) expect(isTfjsSource(source), `${url} carries tfjs`).toBe(false);
  });

  test.each(DOC_PATHS.map((path) => [path] as const))('%s, if it has no demo, loads nothing else', async (path) => {
    const { prose, demo } = await classify();
    if (!prose.includes(path)) {
      expect(demo).toContain(path);
      return; // a demo page: covered below
    }
    const html = await htmlOf(path);
    expect(html, 'an island on a page with no demo').not.toMatch(/<astro-island|customElements\.define\(\s*["']astro-island/);
    const islandOnly = await islandOnlyClosure(DOC_PATHS, await themeClosure(prose));
    const opened = await openPage(browser(), path);
    const requested: string[] = [];
    opened.context.on('request', (request) => {
      if (/\.m?js(\?|$)|\.wasm(\?|$)/.test(request.url())) requested.push(request.url().replace(/\?.*$/, ''));
    });
    try {
      await opened.page.reload({ waitUntil: 'load' });
      await scrollThrough(opened.page);
      await whenIdle(opened.page);
      const extra = requested.filter((url) => islandOnly.has(url) || url.endsWith('.wasm'));
      expect(extra, `island or tfjs files loaded by ${path}`).toEqual([]);
      for (const url of new Set(requested)) {
        expect(isTfjsSource((await sourceOf(url)) ?? ''), `${url} carries tfjs`).toBe(false);
      }
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('demo pages', () => {
  test('the Fit Lab’s pages are demo pages', async () => {
    const { demo } = await classify();
    expect(demo).toEqual(expect.arrayContaining(['en/experiment/', 'zh-cn/experiment/']));
  });

  test.each(DOC_PATHS.map((path) => [path] as const))('%s loads no tfjs before a demo nears the viewport', async (path) => {
    if (!(await classify()).demo.includes(path)) return;
    const opened = await openPage(browser(), path, { viewport: { width: 1280, height: 720 } });
    const requested: string[] = [];
    opened.context.on('request', (request) => requested.push(request.url().replace(/\?.*$/, '')));
    try {
      // Record from the very first request: load the page again with the listener in place.
      await opened.page.reload({ waitUntil: 'load' });
      await whenIdle(opened.page);
      const nearest = await opened.page.evaluate(() =>
        Math.min(...[...document.querySelectorAll('[data-demo]')].map((demo) => demo.getBoundingClientRect().top + scrollY)),
      );
      const viewport = opened.page.viewportSize()?.height ?? 720;
      if (nearest > viewport * 1.25) {
        const early = [];
        for (const url of new Set(requested)) {
          if (url.endsWith('.wasm') || (/\.m?js$/.test(url) && isTfjsSource((await sourceOf(url)) ?? ''))) early.push(url);
        }
        expect(early, `tfjs fetched before scrolling (first demo at ${Math.round(nearest)} px)`).toEqual([]);
      } else {
        console.log(`[budgets] ${path}: a demo starts ${Math.round(nearest)} px down, within the first screen`);
      }
      await hydrateAll(opened.page);
      expectClean(opened);
    } finally {
      await opened.close();
    }
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
 * Open `path` in a fresh context (empty cache) and record every JS and wasm request of the page and its worker
 * until `until` resolves; returns them with their gzip sizes.
 */
async function downloadsUntil(path: string, until: (page: Page) => Promise<void>): Promise<Download[]> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
  const requested: string[] = [];
  const failed: string[] = [];
  let recording = true;
  context.on('request', (request) => {
    if (recording && JS_OR_WASM.test(request.url())) requested.push(request.url());
  });
  context.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  try {
    const page = await context.newPage();
    await page.goto(siteUrl(path), { waitUntil: 'load' });
    await until(page);
    recording = false;
    expect(failed, `failed requests on ${path}`).toEqual([]);
  } finally {
    await context.close();
  }
  const unique = [...new Set(requested)];
  return Promise.all(unique.map(async (url) => ({ url, gzip: await servedGzipSize(url) })));
}

/** Scroll to the demo, wait until it is interactive, start it, and wait for its first trained frame. */
async function firstTrainedFrame(page: Page, demo: Trainable): Promise<void> {
  const root = page.locator(demo.selector).first();
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction(([element, name]) => (element as Element | null)?.getAttribute(name as string) === 'true', [await root.elementHandle(), demo.ready] as const, {
    timeout: 60_000,
  });
  // Watch the attribute from before the click, so a reset and the first frame cannot both slip by unseen.
  await root.evaluate((node, frame) => {
    const store = window as unknown as { __firstFrame?: boolean };
    store.__firstFrame = false;
    let reset = frame === 'done';
    const check = () => {
      const value = Number(node.getAttribute(frame === 'epoch' ? 'data-epoch' : 'data-done'));
      if (value === 0) reset = true;
      else if (reset && value >= 1) store.__firstFrame = true;
    };
    new MutationObserver(check).observe(node, { attributes: true, attributeFilter: ['data-epoch', 'data-done'] });
  }, demo.frame);
  await root.locator(`[data-action="${demo.action}"]`).first().click();
  await page.waitForFunction(() => (window as unknown as { __firstFrame?: boolean }).__firstFrame === true, null, { timeout: 150_000 });
}

function report(what: string, downloads: Download[]): number {
  const total = downloads.reduce((sum, d) => sum + d.gzip, 0);
  const rows = [...downloads].sort((a, b) => b.gzip - a.gzip).map((d) => `${shortName(d.url)}  ${kB(d.gzip)}`);
  console.log(`[budgets] ${what}: ${kB(total)} gzip of JS and wasm in ${downloads.length} files\n  ${rows.join('\n  ')}`);
  return total;
}

describe(`demo pages download ≤ ${FIRST_FRAME_BUDGET / 1000} kB gzip of JS and wasm before their first trained frame`, () => {
  test.each(DOC_PATHS.map((path) => [path] as const))('%s', async (path) => {
    const html = await htmlOf(path);
    if (!html.includes('data-demo=')) return; // a prose page: covered above
    const trainable = TRAINABLE.filter((demo) => html.includes(demo.selector.slice(1, -1)));
    if (trainable.length === 0) {
      const downloads = await downloadsUntil(path, async (page) => {
        await hydrateAll(page);
        await scrollThrough(page);
        await whenIdle(page);
      });
      expect(downloads.length).toBeGreaterThan(0);
      expect(report(`${path}, scrolled through (no demo here trains)`, downloads)).toBeLessThanOrEqual(FIRST_FRAME_BUDGET);
      return;
    }
    for (const demo of trainable) {
      const downloads = await downloadsUntil(path, (page) => firstTrainedFrame(page, demo));
      const total = report(`${path}, until ${demo.selector} shows its first trained frame`, downloads);
      // It trained: the worker and its tfjs came down.
      expect(downloads.some((d) => /worker/i.test(shortName(d.url))), 'the training worker was fetched').toBe(true);
      // Soft, so that every demo of the page is measured and listed.
      expect.soft(total, `gzip bytes of JS and wasm ${path} downloads before ${demo.selector} shows a trained frame`).toBeLessThanOrEqual(FIRST_FRAME_BUDGET);
    }
  });
});
