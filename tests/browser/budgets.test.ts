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
 * - **All JS a demo needs, tfjs included, ≤ 150 kB gzip**: the import closure (static imports, dynamic imports,
 *   worker URLs) of the page's islands, less the theme's own, gzipped file by file; the chunk list is printed.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { baseUrl, expectClean, openPage, siteUrl, useBrowser } from './harness';
import { DOC_PATHS, hydrateAll, isTfjsSource, scrollThrough, whenIdle } from './quality';

const DEMO_JS_BUDGET = 150_000; // bytes of gzip, all JS a demo needs

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

  test.each(DOC_PATHS.map((path) => [path] as const))(
    `%s: all JS its demos need, tfjs included, is ≤ ${DEMO_JS_BUDGET / 1000} kB gzip`,
    async (path) => {
      const { prose, demo } = await classify();
      if (!demo.includes(path)) return;
      const theme = await themeClosure(prose);
      const own = await islandOnlyClosure([path], theme);
      const rows = [...own]
        .map(([url, source]) => ({ name: shortName(url), gzip: gzipSize(source), tfjs: isTfjsSource(source) }))
        .sort((a, b) => b.gzip - a.gzip);
      const total = rows.reduce((sum, row) => sum + row.gzip, 0);
      const themeTotal = [...theme.values()].reduce((sum, source) => sum + gzipSize(source), 0);
      console.log(
        `[budgets] ${path}: demo JS ${kB(total)} gzip in ${rows.length} files (page total with the theme's ${kB(themeTotal)}: ${kB(total + themeTotal)})\n  ` +
          rows.map((row) => `${row.name}  ${kB(row.gzip)}${row.tfjs ? '  (tfjs)' : ''}`).join('\n  '),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(total, `gzip bytes of the JS the demos on ${path} need`).toBeLessThanOrEqual(DEMO_JS_BUDGET);
    },
  );
});
