/**
 * Accessibility beyond the page sweep (page-sweep.test.ts runs axe on every page in both themes, at phone width where a
 * demo must reflow, and on the 404 page): the root chooser as served without JS; the Fit Lab after a full run, in
 * both themes; keyboard-only use and visible focus of the Fit Lab; text alternatives for its figures.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectClean, openPage, siteUrl, useBrowser } from './harness';
import {
  axeViolations,
  chooseTheme,
  FIT_LAB,
  FIT_LAB_PAGE,
  hydrateAll,
  hydratedFitLab,
  waitForStatus,
} from './quality';

const browser = useBrowser();

const THEMES = ['light', 'dark'] as const;

describe('pages outside the docs', () => {
  test.each(THEMES.map((theme) => [theme] as const))(
    'the root chooser, as served without JS (%s), has no axe violations',
    async (theme) => {
      // With scripts on, the root redirects at once, and with scripts off nothing (axe included) can run. So the
      // page is checked as a reader without JS gets it: its HTML with the redirect script taken out.
      const context = await browser().newContext({ colorScheme: theme });
      try {
        await context.route(siteUrl(''), async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
          await route.fulfill({ response, body });
        });
        const page = await context.newPage();
        await page.goto(siteUrl(''), { waitUntil: 'load' });
        expect(page.url()).toBe(siteUrl(''));
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe('Fit Lab', () => {
  test('has no axe violations after a full run, in either theme', async () => {
    const opened = await openPage(browser(), FIT_LAB_PAGE, { colorScheme: 'light' });
    try {
      const { page } = opened;
      await chooseTheme(page, 'light');
      await hydrateAll(page);
      const lab = await hydratedFitLab(page);
      await lab.locator('[data-action="train"]').click();
      await waitForStatus(lab, ['done']);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await chooseTheme(page, theme);
        expect(await axeViolations(page), `axe on ${FIT_LAB_PAGE} after training (${theme})`).toEqual([]);
      }
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  /** Press Tab until `matches` holds for the focused element; returns what was focused on the way. */
  async function tabUntil(page: Page, matches: (element: Element) => boolean, limit = 400): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
    }
    throw new Error(`nothing matching ${matches.toString()} after ${limit} presses of Tab`);
  }

  test('keyboard alone reaches every control, shows focus, and trains to the end; the status is announced', async () => {
    const opened = await openPage(browser(), FIT_LAB_PAGE);
    try {
      const { page } = opened;
      const lab = await hydratedFitLab(page);
      await lab.evaluate((element) => element.setAttribute('data-qa-lab', ''));
      await page.evaluate(() => window.scrollTo(0, 0));
      const live = lab.locator('[aria-live], [role="status"]');
      expect(await live.count(), 'a live region for the status').toBeGreaterThan(0);
      const idleStatus = (await live.first().innerText()).trim();

      // Walk into the lab from the top of the page with Tab alone, then through all of it.
      await tabUntil(page, (element) => !!element.closest('[data-qa-lab]'));
      const visited: { control: string; focusRing: boolean }[] = [];
      const inLab = () => page.evaluate(() => !!document.activeElement?.closest('[data-qa-lab]'));
      // Two passes: the first opens the collapsed panels (which may add controls earlier in the order, such as
      // drag handles on the plot), the second walks the lab as it then is.
      for (let pass = 0; pass < 2; pass++) {
        if (pass === 1) {
          for (let presses = 0; presses < 300 && !(await inLab()); presses++) await page.keyboard.press('Shift+Tab');
          for (let presses = 0; presses < 300 && (await inLab()); presses++) await page.keyboard.press('Shift+Tab');
          await page.keyboard.press('Tab');
        }
        for (let presses = 0; presses < 300; presses++) {
          const step = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement;
            const style = getComputedStyle(element);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
            const name = element.getAttribute('data-action') ?? element.id ?? '';
            const closedSummary = element.tagName === 'SUMMARY' && !(element.parentElement as HTMLDetailsElement).open;
            return {
              control: `${element.tagName.toLowerCase()}#${name}:${(element.textContent ?? '').trim().slice(0, 24)}`,
              focusRing: element.matches(':focus-visible') && (outline || shadow),
              closedSummary,
            };
          });
          visited.push({ control: step.control, focusRing: step.focusRing });
          // A collapsed panel is opened from the keyboard, so its controls join the Tab order.
          if (step.closedSummary) await page.keyboard.press('Enter');
          await page.keyboard.press('Tab');
          if (!(await inLab())) break;
        }
      }
      expect
        .soft(
          visited.filter((step) => !step.focusRing),
          'controls without a visible focus ring',
        )
        .toEqual([]);

      // Every enabled, visible control of the lab was on that path.
      const reachable = await lab.evaluate((root) =>
        [
          ...root.querySelectorAll<HTMLElement>(
            'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])',
          ),
        ]
          .filter(
            (element) =>
              !(element as HTMLButtonElement).disabled &&
              element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) &&
              !element.closest('[inert]'),
          )
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}#${element.getAttribute('data-action') ?? element.id ?? ''}:${(element.textContent ?? '').trim().slice(0, 24)}`,
          ),
      );
      const visitedNames = new Set(visited.map((step) => step.control));
      expect
        .soft(
          reachable.filter((name) => !visitedNames.has(name)),
          'controls Tab never reached',
        )
        .toEqual([]);

      // Train with Enter, from the keyboard only.
      await page.keyboard.press('Shift+Tab');
      await tabUntil(
        page,
        (element) => element.getAttribute('data-action') === 'train' && !!element.closest('[data-qa-lab]'),
      );
      await page.keyboard.press('Enter');
      await waitForStatus(lab, ['done']);
      const doneStatus = (await live.first().innerText()).trim();
      expect(doneStatus).not.toBe('');
      expect(doneStatus, 'the announced status changes when training ends').not.toBe(idleStatus);
      expect(await lab.getAttribute('data-weights')).toBeTruthy();

      // Reset and train again with Space.
      await tabUntil(
        page,
        (element) => element.getAttribute('data-action') === 'reset' && !!element.closest('[data-qa-lab]'),
      );
      await page.keyboard.press('Space');
      await waitForStatus(lab, ['idle']);
      await tabUntil(
        page,
        (element) => element.getAttribute('data-action') === 'train' && !!element.closest('[data-qa-lab]'),
      );
      await page.keyboard.press('Space');
      await waitForStatus(lab, ['done']);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('every figure in the lab has a text alternative', async () => {
    const opened = await openPage(browser(), FIT_LAB_PAGE);
    try {
      const lab = await hydratedFitLab(opened.page);
      const unlabelled = await lab.evaluate((root) =>
        [...root.querySelectorAll('svg')]
          .filter((svg) => svg.getAttribute('aria-hidden') !== 'true' && !svg.closest('button'))
          .filter((svg) => {
            const named =
              svg.getAttribute('aria-label') ||
              svg.getAttribute('aria-labelledby') ||
              svg.querySelector('title')?.textContent;
            return !(svg.getAttribute('role') === 'img' && named);
          })
          .map((svg) => svg.outerHTML.slice(0, 120)),
      );
      expect(unlabelled).toEqual([]);
      expect(await opened.page.locator(FIT_LAB).count()).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });
});
