/**
 * The site as a reader meets it: search, the root chooser, the 404 page, and the whole site rebuilt under
 * `BASE=/sub/` with every link and asset checked. Each prose page's own load (clean, formulas, its links, the
 * language switcher) is checked in the page sweep, page-sweep.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { docPages, REQUIRED_SLUGS } from '../support/docs-pages';
import { en } from '../../src/i18n/en';
import { zhCn } from '../../src/i18n/zh-cn';
import { baseUrl, expectClean, openPage, siteUrl, SUB_BASE, subBaseUrl, useBrowser, useTab } from './harness';
import { pageRefs, refProblems, statusCache } from './page-checks';

const pages = docPages();

const browser = useBrowser();

test('discovery finds the eight pages in both editions', () => {
  for (const edition of ['en', 'zh-cn'] as const) {
    const found = pages.filter((page) => page.edition === edition).map((page) => page.slug);
    expect(found).toEqual(expect.arrayContaining([...REQUIRED_SLUGS]));
  }
});

describe('search', () => {
  /** The results line Pagefind should show, from the page's own dictionary: "[COUNT] results for [SEARCH_TERM]". */
  const resultsLine = (template: string, query: string) =>
    new RegExp(
      `^${template
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace('\\[COUNT\\]', '\\d+')
        .replace('\\[SEARCH_TERM\\]', query)}$`,
    );

  test.each([
    ['en/', 'ReLU', en.search.many_results],
    ['zh-cn/', '激活函数', zhCn.search.many_results],
  ])('on %s, searching for %s finds a page and says so in the page’s language', async (path, query, template) => {
    const opened = await openPage(browser(), path);
    try {
      const { page } = opened;
      await page.locator('site-search button[data-open-modal]').first().click();
      const input = page.locator('dialog[open] input.pagefind-ui__search-input');
      await input.waitFor();
      await input.fill(query);
      const first = page.locator('dialog[open] .pagefind-ui__result-link').first();
      await first.waitFor({ state: 'visible' });
      // Results stay in the reader's edition.
      expect(new URL((await first.getAttribute('href')) ?? '', page.url()).pathname).toMatch(new RegExp(`^/${path}`));
      const message = page.locator('dialog[open] .pagefind-ui__message');
      await expect.poll(async () => (await message.textContent())?.trim()).toMatch(resultsLine(template, query));
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('opens ready to type on a page whose main thread never goes idle', async () => {
    // A page busy hydrating and training may have no idle period for a long time; search must not wait for one.
    const context = await browser().newContext();
    try {
      await context.addInitScript(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const end = performance.now() + 20;
          while (performance.now() < end);
          channel.port2.postMessage(0);
        };
        channel.port2.postMessage(0);
      });
      const page = await context.newPage();
      await page.goto(siteUrl('en/'), { waitUntil: 'load' });
      await page.locator('site-search button[data-open-modal]').first().click();
      const input = page.locator('dialog[open] input.pagefind-ui__search-input');
      await input.waitFor();
      const focused = await input.evaluate((element) => element === document.activeElement);
      expect(focused, 'the search field has focus').toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('the root page', () => {
  test.each([
    ['en-US', 'en/'],
    ['en-GB', 'en/'],
    ['zh-CN', 'zh-cn/'],
    ['zh-TW', 'zh-cn/'],
    ['fr-FR', 'en/'],
  ])('with browser language %s it opens %s', async (locale, edition) => {
    const opened = await openPage(browser(), '/', { locale });
    try {
      await opened.page.waitForURL(siteUrl(edition));
      await opened.page.locator('main h1').first().waitFor();
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('without JavaScript it is a titled page linking to both editions, each in its own language', async () => {
    const opened = await openPage(browser(), '/', { javaScriptEnabled: false, locale: 'zh-CN' });
    try {
      const { page } = opened;
      expect(opened.response?.status()).toBe(200);
      expect(page.url()).toBe(siteUrl('/'));
      expect(await page.title()).toMatch(/Activations, Intuitively/);
      for (const [edition, lang] of [
        ['en/', 'en'],
        ['zh-cn/', 'zh-CN'],
      ] as const) {
        const link = page.locator(`a[href="${new URL(siteUrl(edition)).pathname}"]`);
        await expect(link.count()).resolves.toBe(1);
        expect(await link.evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe(lang);
        expect((await link.innerText()).trim()).not.toBe('');
      }
      // Its script is a bundled file, never inline, so a strict `script-src 'self'` policy lets it run.
      expect(await page.locator('script:not([src])').count()).toBe(0);
      expect(await page.locator('script[src]').count()).toBeGreaterThan(0);
      // Styled: the links look like buttons, not default blue underlined text.
      const decoration = await page
        .locator('a[data-edition="en"]')
        .evaluate((a) => getComputedStyle(a).textDecorationLine);
      expect(decoration).toBe('none');
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('unknown addresses', () => {
  /** The 404 itself is the one expected failure; everything it loads must succeed. */
  function expectOnlyTheMissingPage(opened: Awaited<ReturnType<typeof openPage>>): void {
    const missing = (entry: string) => entry.startsWith(opened.url) && /404/.test(entry);
    expect(opened.failedRequests.filter((entry) => !missing(entry))).toEqual([]);
    expect(opened.consoleErrors.filter((entry) => !/status of 404/.test(entry))).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
  }

  test.each([
    ['no/such/page/', 'en'],
    ['en/no-such-page/', 'en'],
    ['zh-cn/no-such-page/', 'zh-CN'],
  ])('%s answers 404 with the styled page, the reader’s language first', async (path, firstLang) => {
    const opened = await openPage(browser(), path, { locale: 'en-US' });
    try {
      const { page } = opened;
      expect(opened.response?.status()).toBe(404);
      expect(await page.locator('main h1').innerText()).toContain('Page not found');
      // Styled with the site's theme, not a bare page.
      await expect(page.locator('link[rel="stylesheet"]').count()).resolves.toBeGreaterThan(0);
      const sections = page.locator('[data-not-found] > section');
      await expect(sections.count()).resolves.toBe(2);
      expect(await sections.first().getAttribute('lang')).toBe(firstLang);
      for (const edition of ['en/', 'zh-cn/']) {
        await expect(page.locator(`main a[href="/${edition}"]`).count()).resolves.toBeGreaterThan(0);
      }
      expectOnlyTheMissingPage(opened);
    } finally {
      await opened.close();
    }
  });

  test('a Chinese-preferring reader on an unprefixed unknown path sees Chinese first', async () => {
    const opened = await openPage(browser(), 'nope/', { locale: 'zh-CN' });
    try {
      expect(opened.response?.status()).toBe(404);
      expect(await opened.page.locator('[data-not-found] > section').first().getAttribute('lang')).toBe('zh-CN');
      expectOnlyTheMissingPage(opened);
    } finally {
      await opened.close();
    }
  });

  test('without JavaScript the 404 page still says it in both languages', async () => {
    const opened = await openPage(browser(), 'zh-cn/missing/', { javaScriptEnabled: false });
    try {
      expect(opened.response?.status()).toBe(404);
      const text = await opened.page.locator('main').innerText();
      expect(text).toContain('Page not found');
      expect(text).toContain('找不到页面');
      expectOnlyTheMissingPage(opened);
    } finally {
      await opened.close();
    }
  });

  test('under BASE=/sub/ the 404 page links home under /sub/', async () => {
    const opened = await openPage(browser(), 'zh-cn/missing/', { site: 'sub' });
    try {
      expect(opened.response?.status()).toBe(404);
      const hrefs = await opened.page
        .locator('main a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining([`${SUB_BASE}en/`, `${SUB_BASE}zh-cn/`]));
      expectOnlyTheMissingPage(opened);
    } finally {
      await opened.close();
    }
  });
});

test('the favicon is served as SVG', async () => {
  const response = await fetch(siteUrl('favicon.svg'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/image\/svg\+xml/);
});

/**
 * Every `a[href]`, `link[href]`, `script[src]` and `img[src]` must stay under the base and answer 200: for every page
 * of the `BASE=/sub/` build, and for the root chooser of both builds as a reader without JS follows it (the prose
 * pages of the root build are checked in the page sweep).
 */
describe.each([
  ['/', 'main', ['']],
  [SUB_BASE, 'sub', ['', ...pages.map((page) => page.path)]],
] as const)('built with base %s, every internal link and asset resolves', (base, site, entryPaths) => {
  const statusOf = statusCache();
  // The prose pages are plain loads in one tab; each is checked on its own load.
  const load = useTab(browser, { site });

  test.each(entryPaths.map((path) => [path || '(root)', path] as const))('%s', async (_, path) => {
    // The root redirects when scripts run; its own links are what a reader without JS follows.
    const root = path === '';
    const opened = await (root ? openPage(browser(), path, { site, javaScriptEnabled: false }) : load(path));
    try {
      const served = new URL(site === 'sub' ? subBaseUrl() : baseUrl());
      expect(opened.response?.status()).toBe(200);
      const refs = await pageRefs(opened.page);
      expect(refs.length).toBeGreaterThan(0);
      expect(await refProblems(refs, opened.page.url(), served, base, statusOf)).toEqual([]);
      expectClean(opened);
    } finally {
      if (root) await opened.close();
    }
  });
});
