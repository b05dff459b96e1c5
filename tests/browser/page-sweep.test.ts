/**
 * One sweep over every page: each page is loaded once with scripts off and once with scripts on, and every
 * page-level check runs on that load.
 *
 * Scripts off (a reader without JavaScript): answers 200; prose, formulas (`.katex`, laid out) and, for every
 * figure and island, a static figure that is not an empty box (a drawn `svg`, or the placeholder's words); no
 * console error, failed or foreign request. The islands' static heights are kept for the scripts-on load.
 *
 * Scripts on, served as a host honouring the built `_headers` would (its CSP on top of the page's own `<meta>`, so
 * both policies are enforced; see global-setup.ts), with CSP violations recorded from before any script runs:
 * - a titled page in its edition's `lang`, no raw TeX left in the prose, formulas rendered;
 * - budgets: a page with no demo has no island and requests no island code, no tfjs and no `.wasm`, scrolled to the
 *   end and idle; a demo page whose demos all sit below the first screen requests no tfjs or `.wasm` before the
 *   reader scrolls;
 * - every island hydrates; the cumulative layout shift (buffered `layout-shift` entries without recent input)
 *   stays ≤ 0.1 while the reader scrolls through, and each island keeps the height it had as static HTML (±2 px);
 * - no foreign request and no `securitypolicyviolation`;
 * - every internal link and asset stays under the base and answers 200;
 * - axe-core finds 0 violations in the light theme, in the dark theme (the `prefers-color-scheme` and Starlight's own
 *   theme picker agree in both; only colours change, so axe's colour rules check the whole page again and every rule
 *   checks what else the switch changed), and, light again, at 360 px wide on pages with a demo (which must not
 *   scroll sideways there, islands hydrated);
 * - no console error or failed request; and last, the language switcher leads to the twin page.
 * The root chooser (which redirects), the 404 page and the Fit Lab's embeds (no header, sidebar or language switcher,
 * and framable by any site) get the checks that apply to them.
 *
 * Per-feature behaviour (search, the root's language choice, the 404 page's wording, sub-path builds, each demo's
 * own tests) lives in the other files.
 */
import axe from 'axe-core';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { docPages, hasMath, type DocPage } from '../support/docs-pages';
import { baseUrl, expectClean, openPage, siteUrl, useBrowser, useTab, type OpenedPage } from './harness';
import {
  changedSinceWatch,
  classify,
  cspViolations,
  figuresOf,
  htmlOf,
  islandOnlyClosure,
  layoutShift,
  measureIslands,
  pageRefs,
  proseText,
  recordCspViolations,
  refProblems,
  sourceOf,
  statusCache,
  themeClosure,
  watchChanges,
} from './page-checks';
import {
  axeViolations,
  bounded,
  chooseTheme,
  DOC_PATHS,
  hydrateAll,
  isTfjsSource,
  scrollThrough,
  whenIdle,
} from './quality';

/** The Fit Lab alone, for other sites' frames: a page of its own, not a prose page. */
const EMBEDS = ['en/embed/fit-lab/', 'zh-cn/embed/fit-lab/'];

const pages = docPages();
/** The reader's threshold for "good" cumulative layout shift (web.dev's Core Web Vitals). */
const CLS_BUDGET = 0.1;
const DESKTOP = { width: 1280, height: 720 };
/** A small phone: demo pages are checked at this width too (axe, and no sideways scrolling). */
const PHONE = { width: 360, height: 740 };
/** A sweep of a demo page hydrates every island and runs axe three times. */
const SWEEP_TIMEOUT = 300_000;

const browser = useBrowser();
const statusOf = statusCache();
const twinOf = (path: string) =>
  path.startsWith('en/') ? path.replace(/^en\//, 'zh-cn/') : path.replace(/^zh-cn\//, 'en/');

/** What only islands bring (the site's island code less the theme's own), worked out once. */
let islandOnlyCode: Promise<Map<string, string>> | undefined;

/** Static heights of each page's islands, from its scripts-off load (same viewport). */
const staticIslands = new Map<string, number[]>();

async function staticIslandHeights(path: string): Promise<number[]> {
  const known = staticIslands.get(path);
  if (known) return known;
  // Run on its own (a filtered run): measure a scripts-off copy now.
  const copy = await openPage(browser(), path, { javaScriptEnabled: false, viewport: DESKTOP });
  try {
    return await measureIslands(copy.page);
  } finally {
    await copy.close();
  }
}

/** CSP violations recorded from the first script on (every requested URL is in the opened page's `requests`). */
const SWEEP_OPTIONS = { viewport: DESKTOP, colorScheme: 'light', initScript: recordCspViolations } as const;

/** What the page has requested so far, without query strings. */
const requestedFiles = (opened: OpenedPage) => opened.requests.map((url) => url.replace(/\?.*$/, ''));

async function expectAxeClean(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
}

/** axe's rules that read colours (its `cat.color` rules that run by default; the AAA contrast rule does not). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * After a full pass (`watchChanges` called right after it), a theme switch changes colours: axe's colour rules run
 * over the whole page again, and every rule over whatever else changed (elements added, altered or newly shown).
 * If anything shown before is hidden now (its absence can change a neighbour's name, or the heading outline), the
 * whole page gets every rule again.
 */
async function expectAxeCleanAfterThemeSwitch(page: Page, what: string): Promise<void> {
  const changed = await changedSinceWatch(page);
  if (changed.hidden > 0) return expectAxeClean(page, `${what}, where the theme hid ${changed.hidden} elements`);
  expect(await axeViolations(page, { rules: COLOUR_RULES }), `axe's colour rules on ${what}`).toEqual([]);
  expect(
    await axeViolations(page, { within: changed.roots }),
    `axe on the ${changed.count} parts of ${what} the theme changed`,
  ).toEqual([]);
}

/** Both themes: the context's `prefers-color-scheme` and Starlight's picker set alike. */
async function wearTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await bounded(page, `wearing the ${theme} theme`, page.emulateMedia({ colorScheme: theme }));
  await chooseTheme(page, theme);
}

const hostHeaderPolicy = (opened: OpenedPage) =>
  expect(opened.response?.headers()['content-security-policy'], 'the _headers policy is served').toContain(
    "frame-ancestors 'self'",
  );

test('the sweep covers every page of both editions', () => {
  expect(pages.length).toBeGreaterThan(0);
  expect(DOC_PATHS).toEqual(pages.map((page) => page.path));
  for (const edition of ['en', 'zh-cn']) expect(pages.some((page) => page.edition === edition)).toBe(true);
});

test('the theme pass runs every colour rule axe has, but the AAA contrast rule that is not run by default', () => {
  const colour = axe.getRules(['cat.color']).map((rule) => rule.ruleId);
  expect(colour.filter((id) => id !== 'color-contrast-enhanced').sort()).toEqual([...COLOUR_RULES].sort());
});

describe('scripts off', () => {
  // One tab for the pass: with scripts off a page runs nothing and stores nothing, so each load is a plain visit.
  const load = useTab(browser, { javaScriptEnabled: false, viewport: DESKTOP });

  test.each(pages.map((page) => [page.path, page] as const))(
    '%s reads without JavaScript: prose, formulas and a non-empty static figure for every figure',
    async (path, docPage: DocPage) => {
      const opened = await load(path);
      const { page } = opened;
      expect(opened.response?.status()).toBe(200);
      const prose = await page.locator('main .sl-markdown-content').first().innerText();
      // Chinese says as much in fewer characters.
      expect(prose.length, 'article text').toBeGreaterThan(docPage.edition === 'en' ? 400 : 150);
      if (hasMath(docPage.file)) {
        const formulas = page.locator('main .katex');
        expect(await formulas.count()).toBeGreaterThan(0);
        // Laid out by KaTeX's CSS, not left as raw TeX.
        const height = await formulas.first().evaluate((element) => element.getBoundingClientRect().height);
        expect(height).toBeGreaterThan(0);
      }
      const figures = await figuresOf(page);
      const empty = figures.filter((figure) => figure.height < 24 || (figure.drawnShapes === 0 && figure.text === 0));
      expect(empty, 'figures that show nothing without JavaScript').toEqual([]);
      staticIslands.set(path, await measureIslands(page));
      expectClean(opened);
    },
  );
});

describe('scripts on', () => {
  test.each(pages.map((page) => [page.path, page] as const))(
    '%s: clean, within budget, under CSP, no layout jump, links resolve, accessible, switches language',
    async (path, docPage: DocPage) => {
      const { prose: prosePages, demo } = await classify(DOC_PATHS);
      const isDemoPage = demo.includes(path);
      const opened = await openPage(browser(), path, SWEEP_OPTIONS);
      try {
        const { page } = opened;
        expect(opened.response?.status()).toBe(200);
        hostHeaderPolicy(opened);

        // The page as a reader first sees it.
        await expect(page.locator('main h1').first().textContent()).resolves.toMatch(/\S/);
        expect(await page.getAttribute('html', 'lang')).toBe(docPage.edition === 'en' ? 'en' : 'zh-CN');
        expect(await proseText(page), 'raw TeX delimiters left in the text').not.toMatch(/\$\$/);
        if (hasMath(docPage.file)) expect(await page.locator('main .katex').count()).toBeGreaterThan(0);
        // A page with a wide lab says so in its <head>, so its layout is right from the first paint.
        const wide = (await page.locator('.lab--wide').count()) > 0;
        expect(await page.locator('head meta[name="lab-layout"][content="wide"]').count(), 'wide-lab meta').toBe(
          wide ? 1 : 0,
        );

        // Budget: no tfjs before a demo nears the viewport (nothing has scrolled yet).
        await whenIdle(page);
        if (isDemoPage) {
          const nearest = await page.evaluate(() =>
            Math.min(
              ...[...document.querySelectorAll('[data-demo]')].map(
                (root) => root.getBoundingClientRect().top + scrollY,
              ),
            ),
          );
          if (nearest > DESKTOP.height * 1.25) {
            const early = [];
            for (const url of new Set(requestedFiles(opened))) {
              if (url.endsWith('.wasm') || (/\.m?js$/.test(url) && isTfjsSource((await sourceOf(url)) ?? '')))
                early.push(url);
            }
            expect(early, `tfjs fetched before scrolling (first demo at ${Math.round(nearest)} px)`).toEqual([]);
          } else {
            console.log(`[pages] ${path}: a demo starts ${Math.round(nearest)} px down, within the first screen`);
          }
        }

        // Every island hydrates while the reader scrolls through, without a jump.
        const staticBoxes = await staticIslandHeights(path);
        await hydrateAll(page);
        await scrollThrough(page);
        const shift = await layoutShift(page);
        expect(shift.total, `cumulative layout shift; sources: ${shift.sources.join(', ')}`).toBeLessThanOrEqual(
          CLS_BUDGET,
        );
        const hydratedBoxes = await measureIslands(page);
        expect(hydratedBoxes.length, 'islands hydrated vs static').toBe(staticBoxes.length);
        staticBoxes.forEach((before, index) => {
          const after = hydratedBoxes[index] ?? 0;
          expect(
            Math.abs(after - before),
            `island ${index}: ${before}px static, ${after}px hydrated`,
          ).toBeLessThanOrEqual(2);
        });

        // Offline and private under both policies.
        expect(await cspViolations(page)).toEqual([]);
        expect(opened.foreignRequests).toEqual([]);

        // Budget: a page with no demo ships only the theme's own JavaScript.
        if (!isDemoPage) {
          expect(await htmlOf(path), 'an island on a page with no demo').not.toMatch(
            /<astro-island|customElements\.define\(\s*["']astro-island/,
          );
          await whenIdle(page);
          islandOnlyCode ??= themeClosure(prosePages).then((theme) => islandOnlyClosure(DOC_PATHS, theme));
          const islandOnly = await islandOnlyCode;
          const scripts = requestedFiles(opened).filter((url) => /\.(m?js|wasm)$/.test(url));
          const extra = scripts.filter((url) => islandOnly.has(url) || url.endsWith('.wasm'));
          expect(extra, 'island or tfjs files loaded').toEqual([]);
          for (const url of new Set(scripts)) {
            expect(isTfjsSource((await sourceOf(url)) ?? ''), `${url} carries tfjs`).toBe(false);
          }
        }

        // Every internal link and asset resolves, under the base.
        const refs = await pageRefs(page);
        expect(refs.length).toBeGreaterThan(0);
        expect(await refProblems(refs, page.url(), new URL(baseUrl()), '/', statusOf)).toEqual([]);

        // Accessible in both themes, and at phone width where a demo must reflow.
        await wearTheme(page, 'light');
        await expectAxeClean(page, `${path} (light)`);
        await watchChanges(page);
        await wearTheme(page, 'dark');
        await expectAxeCleanAfterThemeSwitch(page, `${path} (dark)`);
        if (isDemoPage) {
          // The phone width in the light theme, as the first pass.
          await wearTheme(page, 'light');
          await bounded(page, `${PHONE.width} px wide`, page.setViewportSize(PHONE));
          // Hydrated at the desktop width already (hydration happens once); the islands follow the width through
          // their resize observers, which have run once the page is idle.
          expect(await page.locator('astro-island[ssr]').count(), 'islands not hydrated').toBe(0);
          await whenIdle(page);
          const sideways = await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);
          expect(sideways, `${path} scrolls sideways at ${PHONE.width} px (px)`).toBeLessThanOrEqual(0);
          await expectAxeClean(page, `${path} at ${PHONE.width} px`);
          await bounded(page, 'back to the desktop width', page.setViewportSize(DESKTOP));
        }
        expectClean(opened);

        // Last, as it leaves the page: the language switcher leads to the twin page.
        const select = page.locator('starlight-lang-select select').first();
        const target = siteUrl(twinOf(path));
        const value = await select.evaluate(
          (element, wanted) =>
            [...(element as HTMLSelectElement).options].find(
              (option) => new URL(option.value, location.href).href === wanted,
            )?.value,
          target,
        );
        expect(value, `an option for ${target}`).toBeTruthy();
        // Arriving is the check; the twin page's own load is checked in its own test.
        await Promise.all([page.waitForURL(target, { waitUntil: 'commit' }), select.selectOption(value ?? '')]);
        expect(page.url()).toBe(target);
        expectClean(opened);
      } finally {
        await opened.close();
      }
    },
    SWEEP_TIMEOUT,
  );

  test('the root chooser redirects with no foreign request and no CSP violation on the way', async () => {
    const opened = await openPage(browser(), '', SWEEP_OPTIONS);
    try {
      hostHeaderPolicy(opened);
      expect(await cspViolations(opened.page)).toEqual([]);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('the 404 page: no foreign request, no CSP violation, no axe violation in either theme', async () => {
    const opened = await openPage(browser(), 'en/no-such-page/', SWEEP_OPTIONS);
    try {
      const { page } = opened;
      expect(opened.response?.status()).toBe(404);
      // Any unknown address answers with this page: it gets the headers every path gets, and its meta policy.
      expect(opened.response?.headers()['x-content-type-options']).toBe('nosniff');
      await scrollThrough(page);
      expect(await cspViolations(page)).toEqual([]);
      expect(opened.foreignRequests).toEqual([]);
      await wearTheme(page, 'light');
      await expectAxeClean(page, 'the 404 page (light)');
      await watchChanges(page);
      await wearTheme(page, 'dark');
      await expectAxeCleanAfterThemeSwitch(page, 'the 404 page (dark)');
    } finally {
      await opened.close();
    }
  });
});

describe('embeds', () => {
  test.each(EMBEDS)(
    '%s: the lab alone, drawn without JavaScript; with it: hydrated, clean, framable by any site, accessible',
    async (path) => {
      const off = await openPage(browser(), path, { javaScriptEnabled: false, viewport: DESKTOP });
      try {
        expect(off.response?.status()).toBe(200);
        const figures = await figuresOf(off.page);
        expect(figures.length).toBeGreaterThan(0);
        expect(figures.filter((f) => f.height < 24 || (f.drawnShapes === 0 && f.text === 0))).toEqual([]);
        expectClean(off);
      } finally {
        await off.close();
      }
      const opened = await openPage(browser(), path, SWEEP_OPTIONS);
      try {
        const { page } = opened;
        expect(opened.response?.status()).toBe(200);
        expect(opened.response?.headers()['content-security-policy']).toContain('frame-ancestors *');
        expect(opened.response?.headers()['x-frame-options']).toBeUndefined();
        expect(await page.getAttribute('html', 'lang')).toBe(path.startsWith('en/') ? 'en' : 'zh-CN');
        expect(await page.locator('header, nav, aside, starlight-toc, starlight-lang-select').count()).toBe(0);
        expect(await hydrateAll(page)).toBe(1);
        await scrollThrough(page);
        const shift = await layoutShift(page);
        expect(shift.total, `cumulative layout shift; sources: ${shift.sources.join(', ')}`).toBeLessThanOrEqual(
          CLS_BUDGET,
        );
        expect(await cspViolations(page)).toEqual([]);
        expect(await refProblems(await pageRefs(page), page.url(), new URL(baseUrl()), '/', statusOf)).toEqual([]);
        // The frame follows the reader's system theme (it cannot see the site's own choice).
        const wear = (theme: 'light' | 'dark') =>
          page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        await wear('light');
        await expectAxeClean(page, `${path} (light)`);
        await watchChanges(page);
        await wear('dark');
        await expectAxeCleanAfterThemeSwitch(page, `${path} (dark)`);
        expectClean(opened);
      } finally {
        await opened.close();
      }
    },
    SWEEP_TIMEOUT,
  );
});
