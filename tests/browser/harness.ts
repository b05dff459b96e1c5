/**
 * Shared harness for every browser test. The site is built once and served by tests/browser/global-setup.ts.
 *
 *   import { baseUrl, subBaseUrl, launchBrowser, useBrowser, openPage } from './harness';
 *
 *   baseUrl(): string       URL of the site built with base `/`, ending in `/` (e.g. `http://127.0.0.1:40123/`).
 *   subBaseUrl(): string    URL of the copy built with `BASE=/sub/`, ending in `/sub/`.
 *   launchBrowser(): Promise<Browser>
 *                           Debian's Chromium (or CHROME_PATH), headless, through playwright-core.
 *   useBrowser(): () => Browser
 *                           Call once at a test file's top level: gets the test worker's browser in `beforeAll`
 *                           (launched by the first file the worker runs, shared by the next ones) and returns a
 *                           getter for it (`openPage(browser(), …)`).
 *   openPage(browser, path, opts?): Promise<OpenedPage>
 *                           Opens `path` in a tab as fresh as a new context's and waits for `load`. `path` is relative
 *                           to the site's base (`'en/'`, `'/en/experiment/'` and `'zh-cn/'` all work; an absolute http
 *                           URL is used as is). opts: { javaScriptEnabled?, locale?, colorScheme?, viewport?,
 *                           site?: 'main'|'sub', initScript?, prepare?(context) }: `initScript` runs in every
 *                           document of the tab before its own scripts; `prepare` runs on a new context before the
 *                           first request (routes, permissions, init scripts that take arguments).
 *                           Returns { page, context, response, url, consoleErrors, failedRequests, foreignRequests,
 *                           requests, close(), visit(path) }:
 *                             consoleErrors    console.error messages and uncaught page errors,
 *                             failedRequests   requests that failed to load (except net::ERR_ABORTED, which is
 *                                              what navigating away does), and responses with status >= 400,
 *                             foreignRequests  every request to an origin other than the site's own
 *                                              (data: and blob: URLs are not network requests and are ignored),
 *                             requests         every URL requested (the page's and its workers'), in order.
 *                           The arrays keep filling while the page lives (e.g. after clicks); assert on them at the end.
 *                           `visit(path)` loads another path in the same page and context, for a series of plain
 *                           loads; the record it returns holds only what that load brings.
 *                           Tabs are reused (tab-pool.ts): a new tab costs Chromium ~0.7 CPU-s more than reusing one,
 *                           more than a short page's own load. `close()` gives the tab back reset to a new context's
 *                           state; a tab given anything a reset cannot undo is closed instead.
 *   useTab(browser, opts?): (path) => Promise<OpenedPage>
 *                           Call in a describe block of plain loads: the first path opens a tab (openPage), later
 *                           ones visit() it, and the tab is closed after the block.
 *   expectClean(opened)     Asserts all three arrays are empty, with the offending entries in the message.
 */
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { SUB_BASE } from './constants';
import { takeTab, type TabProfile } from './tab-pool';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export { SUB_BASE };

export function baseUrl(): string {
  return inject('baseUrl');
}

export function subBaseUrl(): string {
  return inject('subBaseUrl');
}

export { CHROMIUM_PATH };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/**
 * The Chromium of this test worker, shared by the files it runs (the browser projects run with `isolate: false`): a
 * launch and its first tab cost ~1.7 CPU-s. Playwright closes it when the worker exits.
 */
let workerBrowser: Promise<Browser> | undefined;

export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await (workerBrowser ??= launchBrowser());
    // A file that brought the browser down (a crash) does not take the next file with it.
    if (!browser.isConnected()) browser = await (workerBrowser = launchBrowser());
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll');
    return browser;
  };
}

export interface OpenPageOptions extends TabProfile {
  /** Which build to open: the root-based one (default) or the `BASE=/sub/` one. */
  site?: 'main' | 'sub';
  /** Runs on a new context before anything is requested: routes, permissions, init scripts with arguments. */
  prepare?: (context: BrowserContext) => Promise<void>;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** The main document's response (null only if navigation produced none). */
  response: Response | null;
  /** The URL that was opened. */
  url: string;
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  requests: string[];
  close(): Promise<void>;
  /** Load another path in this page; the record it returns holds only what that load brings. */
  visit(path: string): Promise<OpenedPage>;
}

/** Resolve a site path against a base URL that ends with `/`; a leading `/` means "the base", not the origin. */
export function siteUrl(path: string, base: string = baseUrl()): string {
  if (/^https?:\/\//.test(path)) return path;
  return new URL(path.replace(/^\/+/, ''), base).href;
}

export async function openPage(browser: Browser, path: string, opts: OpenPageOptions = {}): Promise<OpenedPage> {
  const base = opts.site === 'sub' ? subBaseUrl() : baseUrl();
  const siteOrigin = new URL(base).origin;
  const tab = await takeTab(browser, opts, { origins: [baseUrl(), subBaseUrl()], fresh: opts.prepare !== undefined });
  const { page, context } = tab;
  // What the current load brings; visit() starts a new one.
  const log = {
    consoleErrors: [] as string[],
    failedRequests: [] as string[],
    foreignRequests: [] as string[],
    requests: [] as string[],
  };

  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(`${message.text()} (at ${message.location().url})`);
  });
  page.on('pageerror', (error) => log.consoleErrors.push(`uncaught: ${error.message}`));
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    log.requests.push(url);
    if (new URL(url).origin !== siteOrigin) log.foreignRequests.push(url);
  });
  context.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Leaving a page (a link, the language switcher) aborts its pending loads; that is not a broken resource.
    // A missing file still shows up below as an HTTP status >= 400.
    if (reason === 'net::ERR_ABORTED') return;
    log.failedRequests.push(`${request.url()} (${reason})`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) log.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });

  await opts.prepare?.(context);
  const load = async (target: string): Promise<OpenedPage> => {
    log.consoleErrors = [];
    log.failedRequests = [];
    log.foreignRequests = [];
    log.requests = [];
    const url = siteUrl(target, base);
    const response = await page.goto(url, { waitUntil: 'load' });
    return { page, context, response, url, ...log, close: tab.giveBack, visit: load };
  };
  return load(path);
}

export function useTab(browser: () => Browser, opts: OpenPageOptions = {}): (path: string) => Promise<OpenedPage> {
  let tab: OpenedPage | undefined;
  afterAll(() => tab?.close());
  return async (path) => (tab = await (tab ? tab.visit(path) : openPage(browser(), path, opts)));
}

export function expectClean(
  opened: Pick<OpenedPage, 'url' | 'consoleErrors' | 'failedRequests' | 'foreignRequests'>,
): void {
  expect(opened.consoleErrors, `console errors on ${opened.url}`).toEqual([]);
  expect(opened.failedRequests, `failed requests on ${opened.url}`).toEqual([]);
  expect(opened.foreignRequests, `foreign requests on ${opened.url}`).toEqual([]);
}
