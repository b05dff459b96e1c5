/**
 * Page-level checks that page-sweep.test.ts runs on one load of each page, and the pieces budgets.test.ts and
 * offline.test.ts share with it:
 *
 *   hostHeaderRules()      the built `_headers`, read as a host would (the test server honours it).
 *   recordCspViolations, cspViolations(page)
 *                          `securitypolicyviolation` events from before any of the page's scripts run (open the page
 *                          with `initScript: recordCspViolations`).
 *   figuresOf(page), measureIslands(page), layoutShift(page)
 *                          what each figure shows, each island's height, the page's cumulative layout shift.
 *   proseText(page), pageRefs(page)
 *                          the article's text without code, and every a/link/script/img reference of the page.
 *   sourceOf(url), closure(entries), themeClosure(prose), islandOnlyClosure(paths, theme)
 *                          the site's JavaScript as served: the theme's own set, and what only islands bring.
 *   watchChanges(page), changedSinceWatch(page)
 *                          what a page changed (added, altered, newly shown or hidden) since a moment, so a later
 *                          accessibility pass can look again at only that.
 */
import type { JSHandle, Page } from 'playwright-core';
import { parseHeadersFile } from '../../scripts/serve.mjs';
import { baseUrl, siteUrl } from './harness';
import { bounded, FRAME_DEADLINE_MS, noFrame } from './quality';

/** The `_headers` the build wrote (src/integrations/csp.ts), read as a host would (the test server honours it). */
export async function hostHeaderRules(): Promise<ReturnType<typeof parseHeadersFile>> {
  return parseHeadersFile(await (await fetch(siteUrl('_headers'))).text());
}

/** An init script (`openPage(…, { initScript })`): records CSP violations in each document, from before its scripts. */
export function recordCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
}

export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(recorder missing)']);

export interface FigureReport {
  what: string;
  height: number;
  drawnShapes: number;
  text: number;
}

/** Every figure, demo root and island in the article, with what it shows. */
export function figuresOf(page: Page): Promise<FigureReport[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return [];
    const boxes = new Set<Element>([
      ...main.querySelectorAll('figure, [data-demo], astro-island, .interactive-figure'),
    ]);
    return [...boxes].map((element) => {
      // Astro islands are `display: contents`: their box is the union of their children's.
      const rects = (element.tagName === 'ASTRO-ISLAND' ? [...element.children] : [element]).map((child) =>
        child.getBoundingClientRect(),
      );
      const top = Math.min(...rects.map((rect) => rect.top));
      const bottom = Math.max(...rects.map((rect) => rect.bottom));
      const drawnShapes = [...element.querySelectorAll('svg')]
        .filter((svg) => svg.getBoundingClientRect().width > 0 && svg.getBoundingClientRect().height > 0)
        .reduce(
          (sum, svg) => sum + svg.querySelectorAll('path, line, circle, rect, polyline, polygon, text').length,
          0,
        );
      const label = element.getAttribute('data-demo') ?? element.className.toString().split(' ')[0] ?? '';
      return {
        what: `${element.tagName.toLowerCase()}${label ? `.${label}` : ''}`,
        height: rects.length ? bottom - top : 0,
        drawnShapes,
        text: (element as HTMLElement).innerText.trim().length,
      };
    });
  });
}

/** Heights of the page's outermost islands (nested islands are measured as part of their outer island). */
export function measureIslands(page: Page): Promise<number[]> {
  return page.locator('main astro-island').evaluateAll((islands) =>
    islands
      .filter((island) => !island.parentElement?.closest('astro-island'))
      .map((island) => {
        const rects = [...island.children].map((child) => child.getBoundingClientRect());
        return rects.length ? Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top)) : 0;
      }),
  );
}

/** Cumulative layout shift so far (buffered `layout-shift` entries without recent input), with its sources. */
export async function layoutShift(page: Page): Promise<{ total: number; sources: string[] }> {
  const { drew, ...shift } = await bounded(
    page,
    'reading the layout shifts',
    page.evaluate(
      (deadline) =>
        new Promise<{ drew: boolean; total: number; sources: string[] }>((resolve) => {
          const observer = new PerformanceObserver(() => undefined);
          observer.observe({ type: 'layout-shift', buffered: true });
          // A buffered observer is handed the page's whole history of entries by the next frame.
          const read = (drew: boolean) => {
            const entries = observer.takeRecords() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources?: { node?: Node | null }[];
            })[];
            observer.disconnect();
            const counted = entries.filter((entry) => !entry.hadRecentInput);
            resolve({
              drew,
              total: counted.reduce((sum, entry) => sum + entry.value, 0),
              sources: counted.flatMap((entry) =>
                (entry.sources ?? []).map((source) => {
                  const node = source.node;
                  const name =
                    node instanceof Element
                      ? `${node.tagName.toLowerCase()}.${node.className}`
                      : String(node?.nodeName);
                  return `${entry.value.toFixed(4)} ${name}`;
                }),
              ),
            });
          };
          const late = setTimeout(() => read(false), deadline);
          requestAnimationFrame(() => {
            clearTimeout(late);
            read(true);
          });
        }),
      FRAME_DEADLINE_MS,
    ),
  );
  if (!drew) noFrame(page, 'reading the layout shifts');
  return shift;
}

/** Visible text of the article, without code listings (which may legitimately show `$`). */
export function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
    if (!main) return '';
    main.querySelectorAll('pre, code, .katex, script, style').forEach((node) => node.remove());
    return main.innerText;
  });
}

export interface PageRef {
  kind: string;
  rel: string;
  ref: string;
}

/** Every `a[href]`, `link[href]`, `script[src]` and `img[src]` of the page, fragments left out. */
export function pageRefs(page: Page): Promise<PageRef[]> {
  return page.evaluate(() =>
    [
      ...[...document.querySelectorAll('a[href]')].map((e) => ({
        kind: 'a',
        rel: '',
        ref: e.getAttribute('href') ?? '',
      })),
      ...[...document.querySelectorAll('link[href]')].map((e) => ({
        kind: 'link',
        rel: e.getAttribute('rel') ?? '',
        ref: e.getAttribute('href') ?? '',
      })),
      ...[...document.querySelectorAll('script[src], img[src]')].map((e) => ({
        kind: e.tagName.toLowerCase(),
        rel: '',
        ref: e.getAttribute('src') ?? '',
      })),
    ].filter((item) => item.ref !== '' && !item.ref.startsWith('#')),
  );
}

/**
 * Problems with a page's references: anything outside `base`, assets from another origin, anything that does not
 * answer 200. Canonical/alternate links name the configured SITE (another port in tests): their path is checked on
 * the served copy. Links to other websites in the prose (`a` only) are left alone.
 */
export async function refProblems(
  refs: PageRef[],
  pageUrl: string,
  served: URL,
  base: string,
  statusOf: (url: string) => Promise<number>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const { kind, rel, ref } of refs) {
    if (/^(mailto|tel|data):/.test(ref)) continue;
    const url = new URL(ref, pageUrl);
    const metadata = kind === 'link' && /\b(canonical|alternate)\b/.test(rel) && url.origin !== served.origin;
    if (url.origin !== served.origin && !metadata) {
      if (kind !== 'a') problems.push(`${kind} ${ref}: asset from another origin`);
      continue;
    }
    if (!url.pathname.startsWith(base)) problems.push(`${kind} ${ref}: outside ${base}`);
    url.protocol = served.protocol;
    url.host = served.host;
    url.hash = '';
    const status = await statusOf(url.href);
    if (status !== 200) problems.push(`${kind} ${ref}: HTTP ${status}`);
  }
  return problems;
}

/** How long the test server may take to answer one request (it answers in milliseconds) before a fetch fails. */
const FETCH_DEADLINE_MS = 30_000;

/** HTTP status of a URL, asked once per run. */
export function statusCache(): (url: string) => Promise<number> {
  const checked = new Map<string, number>();
  return async (url) => {
    const known = checked.get(url);
    if (known !== undefined) return known;
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(FETCH_DEADLINE_MS) });
    await response.body?.cancel();
    checked.set(url, response.status);
    return response.status;
  };
}

const htmlCache = new Map<string, string>();
/** The built HTML of a page, as served. */
export async function htmlOf(path: string): Promise<string> {
  const cached = htmlCache.get(path);
  if (cached !== undefined) return cached;
  const html = await (await fetch(siteUrl(path), { signal: AbortSignal.timeout(FETCH_DEADLINE_MS) })).text();
  htmlCache.set(path, html);
  return html;
}

const sourceCache = new Map<string, string | null>();
/** A served file's text (null if it does not answer 200). */
export async function sourceOf(url: string): Promise<string | null> {
  if (sourceCache.has(url)) return sourceCache.get(url) ?? null;
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_DEADLINE_MS) });
  const text = response.ok ? await response.text() : null;
  sourceCache.set(url, text);
  return text;
}

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
export async function closure(entries: string[]): Promise<Map<string, string>> {
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

/** Pages whose built HTML has a demo root, and the others. */
export async function classify(paths: string[]): Promise<{ prose: string[]; demo: string[] }> {
  const prose: string[] = [];
  const demo: string[] = [];
  for (const path of paths) ((await htmlOf(path)).includes('data-demo=') ? demo : prose).push(path);
  return { prose, demo };
}

/** The theme's own JS: everything reachable from the entry scripts of the prose pages. */
export async function themeClosure(prose: string[]): Promise<Map<string, string>> {
  const entries = new Set<string>();
  for (const path of prose) for (const url of entryScripts(await htmlOf(path), siteUrl(path))) entries.add(url);
  return closure([...entries]);
}

/** What the islands of the whole site need, less what the theme already brings. */
export async function islandOnlyClosure(paths: string[], theme: Map<string, string>): Promise<Map<string, string>> {
  const entries = new Set<string>();
  for (const path of paths) for (const url of islandEntries(await htmlOf(path), siteUrl(path))) entries.add(url);
  const all = await closure([...entries]);
  for (const url of theme.keys()) all.delete(url);
  return all;
}

/**
 * Start noting what changes on the page from now on: elements added or removed, attributes and text changed, and
 * which elements are shown now (the theme's own `data-theme` on the root is left out: it is the change a theme
 * pass checks). `changedSinceWatch(page)` reads it back, so a later accessibility pass can look again at only what
 * changed.
 */
export function watchChanges(page: Page): Promise<void> {
  return page.evaluate(() => {
    const shown = new Set(
      [...document.querySelectorAll('*')].filter((element) => element.checkVisibility({ visibilityProperty: true })),
    );
    const changed = new Set<Element>();
    const note = (records: MutationRecord[]) => {
      for (const record of records) {
        const root = record.target === document.documentElement;
        if (root && record.type === 'attributes' && record.attributeName === 'data-theme') continue;
        const element = record.target instanceof Element ? record.target : record.target.parentElement;
        if (element) changed.add(element);
      }
    };
    const observer = new MutationObserver(note);
    observer.observe(document, { subtree: true, attributes: true, childList: true, characterData: true });
    (window as unknown as { __watch: unknown }).__watch = { shown, changed, observer, note };
  });
}

export interface ChangedSinceWatch {
  /** The outermost elements that were changed, added, or shown since the watch began (all connected). */
  roots: JSHandle<Element[]>;
  count: number;
  /**
   * Elements shown when the watch began and hidden now, outside `aria-hidden` content (their absence can change
   * a neighbour's name, or the heading outline).
   */
  hidden: number;
}

/** What changed since `watchChanges(page)`; the watch goes on. */
export async function changedSinceWatch(page: Page): Promise<ChangedSinceWatch> {
  const found = await page.evaluateHandle(() => {
    const watch = (window as unknown as { __watch?: Watch }).__watch;
    interface Watch {
      shown: Set<Element>;
      changed: Set<Element>;
      observer: MutationObserver;
      note: (records: MutationRecord[]) => void;
    }
    if (!watch) throw new Error('watchChanges(page) was not called on this document');
    watch.note(watch.observer.takeRecords());
    const now = [...document.querySelectorAll('*')].filter((element) =>
      element.checkVisibility({ visibilityProperty: true }),
    );
    const picked = new Set([...watch.changed, ...now.filter((element) => !watch.shown.has(element))]);
    const visible = new Set(now);
    // Content under aria-hidden names nothing and outlines nothing: hiding it changes no other element's check.
    // A removed element is not counted: its parent, changed, is checked again in full.
    const hidden = [...watch.shown].filter(
      (element) => element.isConnected && !visible.has(element) && !element.closest('[aria-hidden="true"]'),
    ).length;
    const inPicked = (element: Element) => {
      for (let up = element.parentElement; up; up = up.parentElement) if (picked.has(up)) return true;
      return false;
    };
    const roots = [...picked].filter((element) => element.isConnected && !inPicked(element));
    return { roots, count: roots.length, hidden };
  });
  const roots = (await found.getProperty('roots')) as JSHandle<Element[]>;
  const [count, hidden] = await found.evaluate(({ count, hidden }) => [count, hidden]);
  return { roots, count: count ?? 0, hidden: hidden ?? 0 };
}
