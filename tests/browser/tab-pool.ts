/**
 * Reused browser tabs for `openPage` (harness.ts). A new context and tab cost Chromium about 0.7 CPU-s more than a
 * reused tab: a renderer process started and warmed up, a network and storage context set up. That is more than most
 * pages' own load, and the suite opens some 150 tabs. So a tab a test has closed waits, in its browser (one per test
 * worker, harness.ts), for the next test that asks for the same profile, reset to what a new context would be:
 * - its listeners and routes removed, its document replaced by an empty one on each of the site's origins it showed;
 * - cookies, permissions, the HTTP cache and every storage of the site's origins cleared (`Storage.clearDataForOrigin`
 *   with every type: local and session storage, IndexedDB, Cache Storage, service workers);
 * - colour scheme, reduced motion, forced colours, media type and viewport back to the profile's; the mouse outside
 *   the page, so nothing is hovered.
 * What a reset cannot undo (init scripts and bindings, extra headers, a CDP session, a second page, a page that no
 * longer answers, `prepare` on the context) closes the tab instead.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/** What a tab is opened with; tabs are reused only for the same profile. */
export interface TabProfile {
  javaScriptEnabled?: boolean;
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Runs in every document of the tab before its own scripts (it stays with the tab, so it is part of the profile). */
  initScript?: () => void;
}

export interface Tab {
  page: Page;
  context: BrowserContext;
  /** Close the tab for the test: reset and kept for the next one, or closed. */
  giveBack(): Promise<void>;
}

interface PooledTab {
  key: string;
  page: Page;
  context: BrowserContext;
  cdp: CDPSession;
  /** Playwright's own listeners, which must stay (without them, closing a stuck page waits forever). */
  ownListeners: Map<Emitter, Set<unknown>>;
  /** Something was done to it that a reset cannot undo. */
  spoiled: boolean;
  /** Origins its frames have shown a document of since its last reset: only those can have written storage. */
  visited: Set<string>;
}

/** Playwright's own defaults, which a new context starts from. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };
/** Idle tabs kept per browser (a test rarely holds more than two at once; files differ in profile). */
const MAX_IDLE = 3;
/** A reset that takes longer than this means a stuck page: the tab is closed instead. */
const RESET_DEADLINE_MS = 10_000;
/** How long a page may take to answer before it counts as stuck (a healthy one answers in milliseconds). */
const ANSWER_DEADLINE_MS = 2_000;

/** Methods whose effect outlives a reset. */
const IRREVERSIBLE: Record<'context' | 'page', readonly string[]> = {
  context: [
    'addInitScript',
    'exposeBinding',
    'exposeFunction',
    'newCDPSession',
    'newPage',
    'routeFromHAR',
    'routeWebSocket',
    'setDefaultNavigationTimeout',
    'setDefaultTimeout',
    'setExtraHTTPHeaders',
    'setGeolocation',
    'setHTTPCredentials',
    'setOffline',
  ],
  page: [
    'addInitScript',
    'exposeBinding',
    'exposeFunction',
    'routeFromHAR',
    'routeWebSocket',
    'setDefaultNavigationTimeout',
    'setDefaultTimeout',
    'setExtraHTTPHeaders',
  ],
};
const IRREVERSIBLE_CLOCK = ['install', 'pauseAt', 'setFixedTime', 'setSystemTime'];

const idleTabs = new WeakMap<Browser, PooledTab[]>();

const profileKey = (profile: TabProfile) =>
  JSON.stringify([
    profile.javaScriptEnabled ?? true,
    profile.locale ?? null,
    profile.colorScheme ?? 'light',
    profile.viewport ?? DEFAULT_VIEWPORT,
    profile.initScript?.toString() ?? null,
  ]);

/** What Playwright's page and context offer of Node's EventEmitter. */
interface Emitter {
  eventNames(): (string | symbol)[];
  listeners(name: string | symbol): unknown[];
  off(name: string | symbol, listener: (...args: never[]) => unknown): unknown;
}

const allListeners = (emitter: Emitter) => new Set(emitter.eventNames().flatMap((name) => emitter.listeners(name)));

/** Remove every listener added to `emitter` since `own` was taken. */
function removeAddedListeners(emitter: Emitter, own: Set<unknown>): void {
  for (const name of emitter.eventNames()) {
    for (const listener of emitter.listeners(name)) {
      if (!own.has(listener)) emitter.off(name, listener as (...args: never[]) => unknown);
    }
  }
}

/** Call `onUse` before each call of the named methods of `target`. */
function watchCalls(target: object, names: readonly string[], onUse: () => void): void {
  const methods = target as Record<string, unknown>;
  for (const name of names) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = (...args: unknown[]) => {
      onUse();
      return (original as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function newTab(browser: Browser, profile: TabProfile, key: string): Promise<PooledTab> {
  const context = await browser.newContext({
    javaScriptEnabled: profile.javaScriptEnabled ?? true,
    ...(profile.locale ? { locale: profile.locale } : {}),
    ...(profile.colorScheme ? { colorScheme: profile.colorScheme } : {}),
    ...(profile.viewport ? { viewport: profile.viewport } : {}),
  });
  if (profile.initScript) await context.addInitScript(profile.initScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const visited = new Set<string>();
  page.on('framenavigated', (frame) => {
    const { origin } = new URL(frame.url());
    if (origin !== 'null') visited.add(origin);
  });
  const ownListeners = new Map<Emitter, Set<unknown>>(
    [page, context].map((emitter) => [emitter as unknown as Emitter, allListeners(emitter as unknown as Emitter)]),
  );
  const tab = { key, page, context, cdp, ownListeners, spoiled: false, visited };
  const spoil = () => {
    tab.spoiled = true;
  };
  watchCalls(context, IRREVERSIBLE.context, spoil);
  watchCalls(page, IRREVERSIBLE.page, spoil);
  watchCalls(page.clock, IRREVERSIBLE_CLOCK, spoil);
  return tab;
}

/**
 * The empty page a reset passes through. It names an icon: without one Chromium asks its origin for /favicon.ico,
 * and that 404 could arrive late enough to reach the next test's console.
 */
const RESET_DOCUMENT = '<!doctype html><link rel="icon" href="data:,">';

/** Back to a new context's state (see the file's comment); throws if the page does not let itself be reset. */
async function reset(tab: PooledTab, profile: TabProfile, origins: readonly string[]): Promise<void> {
  const { page, context, cdp } = tab;
  await withDeadline(
    page.evaluate(() => 0),
    ANSWER_DEADLINE_MS,
    'the page answering',
  );
  for (const [emitter, own] of tab.ownListeners) removeAddedListeners(emitter, own);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  // The page is replaced by an empty document of each origin it showed (its workers and timers end with it). It may
  // write storage as it goes (Starlight keeps its sidebar state on `pagehide`), and the browser takes such writes in
  // later, so storage is cleared from that document, where they are in order, then everywhere. Only origins the tab
  // has shown can have written storage, so only those are passed through (at least the first, which replaces the
  // page); the others are cleared without a visit.
  const shown = origins.filter((origin) => tab.visited.has(origin));
  for (const origin of shown.length > 0 ? shown : origins.slice(0, 1)) {
    const empty = `${origin}/__tab-reset__`;
    await page.route(empty, (route) => route.fulfill({ contentType: 'text/html', body: RESET_DOCUMENT }));
    await page.goto(empty);
    await page.unroute(empty);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  }
  for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  tab.visited.clear();
  await cdp.send('Network.clearBrowserCache');
  await context.clearCookies();
  await context.clearPermissions();
  await page.emulateMedia({
    media: null,
    colorScheme: profile.colorScheme ?? 'light',
    reducedMotion: 'no-preference',
    forcedColors: 'none',
    contrast: 'no-preference',
  });
  await page.setViewportSize(profile.viewport ?? DEFAULT_VIEWPORT);
  await page.mouse.move(-1, -1);
}

/**
 * A tab with `profile`: an idle one reset after its last test, else a new one. `fresh` always opens a new one (for
 * a test that prepares the context itself) and closes it afterwards. `origins`: the site's, whose storage a reset
 * clears.
 */
export async function takeTab(
  browser: Browser,
  profile: TabProfile,
  { origins, fresh }: { origins: readonly string[]; fresh: boolean },
): Promise<Tab> {
  const key = profileKey(profile);
  const idle = idleTabs.get(browser) ?? [];
  idleTabs.set(browser, idle);
  const at = fresh ? -1 : idle.findIndex((tab) => tab.key === key);
  const tab = at >= 0 ? idle.splice(at, 1)[0]! : await newTab(browser, profile, key);
  tab.spoiled ||= fresh;
  let given = false;
  const giveBack = async () => {
    if (given) return;
    given = true;
    const keep = !tab.spoiled && !tab.page.isClosed() && tab.context.pages().length === 1;
    if (keep) {
      try {
        await withDeadline(
          reset(tab, profile, [...new Set(origins.map((url) => new URL(url).origin))]),
          RESET_DEADLINE_MS,
          'resetting the tab',
        );
        idle.push(tab);
        // The longest idle goes: the profile just used is the likelier to be asked for again.
        if (idle.length > MAX_IDLE) await idle.shift()?.context.close();
        return;
      } catch {
        // Not reusable after all: closed below, as a fresh tab would be.
      }
    }
    await tab.context.close();
  };
  return { page: tab.page, context: tab.context, giveBack };
}
