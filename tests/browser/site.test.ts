/**
 * The site as a reader meets it: every prose page in both editions, the root chooser, the 404 page, search, the
 * language switcher, and the whole site rebuilt under `BASE=/sub/` with every link and asset checked.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { docPages, hasMath, REQUIRED_SLUGS } from '../support/docs-pages';
import { baseUrl, expectClean, openPage, siteUrl, SUB_BASE, subBaseUrl, useBrowser } from './harness';

const pages = docPages();
const twinOf = (path: string) => (path.startsWith('en/') ? path.replace(/^en\//, 'zh-cn/') : path.replace(/^zh-cn\//, 'en/'));

const browser = useBrowser();

test('discovery finds the eight pages in both editions', () => {
  for (const edition of ['en', 'zh-cn'] as const) {
    const found = pages.filter((page) => page.edition === edition).map((page) => page.slug);
    expect(found).toEqual(expect.arrayContaining([...REQUIRED_SLUGS]));
  }
});

/** Visible text of the article, without code listings (which may legitimately show `$`). */
function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
    if (!main) return '';
    main.querySelectorAll('pre, code, .katex, script, style').forEach((node) => node.remove());
    return main.innerText;
  });
}

describe.each(pages.map((page) => [page.path, page] as const))('page %s', (path, docPage) => {
  test('loads with no console error, failed request or foreign request, and renders its formulas', async () => {
    const opened = await openPage(browser(), path);
    try {
      expect(opened.response?.status()).toBe(200);
      const { page } = opened;
      await expect(page.locator('main h1').first().textContent()).resolves.toMatch(/\S/);
      expect(await page.getAttribute('html', 'lang')).toBe(docPage.edition === 'en' ? 'en' : 'zh-CN');
      expect(await proseText(page), 'raw TeX delimiters left in the text').not.toMatch(/\$\$/);
      if (hasMath(docPage.file)) expect(await page.locator('main .katex').count()).toBeGreaterThan(0);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('the language switcher leads to the twin page', async () => {
    const opened = await openPage(browser(), path);
    try {
      const select = opened.page.locator('starlight-lang-select select').first();
      const target = siteUrl(twinOf(path));
      const value = await select.evaluate(
        (element, wanted) =>
          [...(element as HTMLSelectElement).options].find((option) => new URL(option.value, location.href).href === wanted)
            ?.value,
        target,
      );
      expect(value, `an option for ${target}`).toBeTruthy();
      await Promise.all([opened.page.waitForURL(target), select.selectOption(value ?? '')]);
      expect(opened.page.url()).toBe(target);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('search', () => {
  test.each([
    ['en/', 'ReLU'],
    ['zh-cn/', '激活函数'],
  ])('on %s, searching for %s finds a page', async (path, query) => {
    const opened = await openPage(browser(), path);
    try {
      const { page } = opened;
      await page.locator('site-search button[data-open-modal]').first().click();
      const input = page.locator('dialog[open] input.pagefind-ui__search-input');
      // Starlight builds Pagefind's UI in a requestIdleCallback without a deadline; on a loaded CI machine the
      // first idle period has come after more than 30 s. Bounded here at 90 s until the site gives it a deadline.
      await input.waitFor({ timeout: 90_000 });
      await input.fill(query);
      const first = page.locator('dialog[open] .pagefind-ui__result-link').first();
      await first.waitFor({ state: 'visible' });
      // Results stay in the reader's edition.
      expect(new URL((await first.getAttribute('href')) ?? '', page.url()).pathname).toMatch(new RegExp(`^/${path}`));
      expectClean(opened);
    } finally {
      await opened.close();
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
      const decoration = await page.locator('a[data-edition="en"]').evaluate((a) => getComputedStyle(a).textDecorationLine);
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
      const hrefs = await opened.page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
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
 * Every `a[href]`, `link[href]`, `script[src]` and `img[src]` of every page must stay under the base and answer 200.
 * Canonical/alternate links name the configured SITE (an absolute URL on another port in tests): their path is
 * checked on the served copy. Links to other websites in the prose (`a` only) are left alone.
 */
describe.each([
  ['/', 'main'],
  [SUB_BASE, 'sub'],
] as const)('built with base %s, every internal link and asset resolves', (base, site) => {
  const checked = new Map<string, number>();

  async function statusOf(url: string): Promise<number> {
    const known = checked.get(url);
    if (known !== undefined) return known;
    const response = await fetch(url, { redirect: 'manual' });
    await response.body?.cancel();
    checked.set(url, response.status);
    return response.status;
  }

  const entryPaths = ['', ...pages.map((page) => page.path)];
  test.each(entryPaths.map((path) => [path || '(root)', path] as const))('%s', async (_, path) => {
    // The root redirects when scripts run; its own links are what a reader without JS follows.
    const opened = await openPage(browser(), path, { site, javaScriptEnabled: path !== '' });
    try {
      const served = new URL(site === 'sub' ? subBaseUrl() : baseUrl());
      expect(opened.response?.status()).toBe(200);
      const refs = await opened.page.evaluate(() =>
        [
          ...[...document.querySelectorAll('a[href]')].map((e) => ({ kind: 'a', rel: '', ref: e.getAttribute('href') ?? '' })),
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
      expect(refs.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const { kind, rel, ref } of refs) {
        if (/^(mailto|tel|data):/.test(ref)) continue;
        const url = new URL(ref, opened.page.url());
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
      expect(problems).toEqual([]);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});
