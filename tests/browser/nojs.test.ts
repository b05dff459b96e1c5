/**
 * Reading without JavaScript, and no jump when it takes over:
 * - with scripts off, every page shows its prose, its formulas (`.katex`) and, for every figure and island, a
 *   static figure that is not an empty box (a drawn `svg`, or the placeholder's words);
 * - with scripts on, the cumulative layout shift (buffered `layout-shift` entries without recent input) stays
 *   ≤ 0.1 while the reader scrolls through the page and every island hydrates;
 * - each island occupies the same box hydrated as it does as static HTML.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { docPages, hasMath } from '../support/docs-pages';
import { expectClean, openPage, useBrowser } from './harness';
import { hydrateAll, scrollThrough } from './quality';

const pages = docPages();
/** The reader's threshold for "good" cumulative layout shift (web.dev's Core Web Vitals). */
const CLS_BUDGET = 0.1;

const browser = useBrowser();

interface FigureReport {
  what: string;
  height: number;
  drawnShapes: number;
  text: number;
}

/** Every figure, demo root and island in the article, with what it shows. */
function figuresOf(page: Page): Promise<FigureReport[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return [];
    const boxes = new Set<Element>([...main.querySelectorAll('figure, [data-demo], astro-island, .interactive-figure')]);
    return [...boxes].map((element) => {
      // Astro islands are `display: contents`: their box is the union of their children's.
      const rects = (element.tagName === 'ASTRO-ISLAND' ? [...element.children] : [element]).map((child) =>
        child.getBoundingClientRect(),
      );
      const top = Math.min(...rects.map((rect) => rect.top));
      const bottom = Math.max(...rects.map((rect) => rect.bottom));
      const drawnShapes = [...element.querySelectorAll('svg')]
        .filter((svg) => svg.getBoundingClientRect().width > 0 && svg.getBoundingClientRect().height > 0)
        .reduce((sum, svg) => sum + svg.querySelectorAll('path, line, circle, rect, polyline, polygon, text').length, 0);
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

describe.each(pages.map((page) => [page.path, page] as const))('%s', (path, docPage) => {
  test('reads without JavaScript: prose, formulas and a non-empty static figure for every figure', async () => {
    const opened = await openPage(browser(), path, { javaScriptEnabled: false });
    try {
      const { page } = opened;
      expect(opened.response?.status()).toBe(200);
      const prose = await page.locator('main .sl-markdown-content').first().innerText();
      // Chinese says as much in fewer characters.
      expect(prose.length, 'article text').toBeGreaterThan(docPage.edition === 'en' ? 400 : 150);
      if (hasMath(docPage.file)) {
        const formulas = page.locator('main .katex');
        expect(await formulas.count()).toBeGreaterThan(0);
        // Laid out by KaTeX's CSS, not left as raw TeX.
        expect(await formulas.first().evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(0);
      }
      const empty = (await figuresOf(page)).filter((figure) => figure.height < 24 || (figure.drawnShapes === 0 && figure.text === 0));
      expect(empty, 'figures that show nothing without JavaScript').toEqual([]);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test(`with JavaScript, the layout shifts by at most ${CLS_BUDGET} while the page hydrates`, async () => {
    const opened = await openPage(browser(), path);
    try {
      const { page } = opened;
      const staticBoxes = await islandHeights(page, false);
      await hydrateAll(page);
      await scrollThrough(page);
      const shift = await page.evaluate(
        () =>
          new Promise<{ total: number; sources: string[] }>((resolve) => {
            const observer = new PerformanceObserver(() => undefined);
            observer.observe({ type: 'layout-shift', buffered: true });
            // A buffered observer is handed the page's whole history of entries.
            requestAnimationFrame(() => {
              const entries = observer.takeRecords() as (PerformanceEntry & {
                value: number;
                hadRecentInput: boolean;
                sources?: { node?: Node | null }[];
              })[];
              observer.disconnect();
              const counted = entries.filter((entry) => !entry.hadRecentInput);
              resolve({
                total: counted.reduce((sum, entry) => sum + entry.value, 0),
                sources: counted.flatMap((entry) =>
                  (entry.sources ?? []).map((source) => {
                    const node = source.node;
                    return `${entry.value.toFixed(4)} ${node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : String(node?.nodeName)}`;
                  }),
                ),
              });
            });
          }),
      );
      expect(shift.total, `cumulative layout shift on ${path}; sources: ${shift.sources.join(', ')}`).toBeLessThanOrEqual(CLS_BUDGET);
      const hydratedBoxes = await islandHeights(page, true);
      expect(hydratedBoxes.length).toBe(staticBoxes.length);
      staticBoxes.forEach((before, index) => {
        const after = hydratedBoxes[index] ?? 0;
        expect(Math.abs(after - before), `island ${index} on ${path}: ${before}px static, ${after}px hydrated`).toBeLessThanOrEqual(2);
      });
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

/**
 * Heights of the islands' boxes. Before hydration the page's islands are measured as served (those already in the
 * first viewport may hydrate at once, so the static heights come from a copy of the page with scripts off).
 */
async function islandHeights(page: Page, hydrated: boolean): Promise<number[]> {
  if (!hydrated) {
    const context = await page.context().browser()?.newContext({ javaScriptEnabled: false, viewport: page.viewportSize() });
    if (!context) throw new Error('no browser');
    try {
      const copy = await context.newPage();
      await copy.goto(page.url(), { waitUntil: 'load' });
      return await measureIslands(copy);
    } finally {
      await context.close();
    }
  }
  return measureIslands(page);
}

function measureIslands(page: Page): Promise<number[]> {
  return page.locator('main astro-island').evaluateAll((islands) =>
    islands
      // Nested islands are measured as part of their outer island.
      .filter((island) => !island.parentElement?.closest('astro-island'))
      .map((island) => {
        const rects = [...island.children].map((child) => child.getBoundingClientRect());
        return rects.length ? Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top)) : 0;
      }),
  );
}
