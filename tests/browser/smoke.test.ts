import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectClean, launchBrowser, openPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('harness smoke: /en/ loads cleanly', async () => {
  const opened = await openPage(browser, '/en/');
  expect(opened.response?.status()).toBe(200);
  expectClean(opened);
  await opened.close();
});
