/** The harness itself: it must notice the problems the other browser tests rely on it to catch. */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectClean, openPage, useBrowser } from './harness';
import { bounded } from './quality';

const browser = useBrowser();

test('a clean page passes expectClean', async () => {
  const opened = await openPage(browser(), '/en/');
  expect(opened.response?.status()).toBe(200);
  expectClean(opened);
  await opened.close();
});

test('missing files, page errors and other origins are all recorded', async () => {
  const opened = await openPage(browser(), '/en/');
  try {
    await opened.page.evaluate(async () => {
      await fetch('/no-such-file.js').catch(() => undefined);
      setTimeout(() => {
        throw new Error('deliberate failure');
      });
      const image = document.createElement('img');
      image.src = 'http://127.0.0.2:9/pixel.png';
      document.body.append(image);
    });
    await expect.poll(() => opened.failedRequests.some((entry) => entry.includes('/no-such-file.js'))).toBe(true);
    await expect.poll(() => opened.consoleErrors.some((entry) => entry.includes('deliberate failure'))).toBe(true);
    // Under the site's Content-Security-Policy the image is refused (a console error); without one it is a request.
    await expect
      .poll(
        () =>
          opened.foreignRequests.some((url) => url.includes('127.0.0.2')) ||
          opened.consoleErrors.some((entry) => entry.includes('127.0.0.2')),
      )
      .toBe(true);
    expect(() => expectClean(opened)).toThrow();
  } finally {
    await opened.close();
  }
});

test('a page evaluation that never finishes fails at its deadline, naming the step and what the page was doing', async () => {
  const opened = await openPage(browser(), '/en/glossary/');
  try {
    const { page } = opened;
    const never = page.evaluate(() => new Promise<void>(() => undefined));
    await expect(bounded(page, 'a step that never ends', never, 1_000)).rejects.toThrow(
      /^a step that never ends: not finished after 1 s; its main thread answers and it draws frames$/,
    );
    // A script that never yields: the page itself cannot answer. It waits on a synchronous request that is never
    // answered rather than spinning, which would hold a core for the ~8 s until the tab is closed.
    await page.route('**/never-answered', () => undefined);
    void page
      .evaluate(() => {
        const request = new XMLHttpRequest();
        request.open('GET', '/never-answered', false);
        request.send();
      })
      .catch(() => undefined);
    await expect(
      bounded(
        page,
        'a busy page',
        page.evaluate(() => 1),
        1_000,
      ),
    ).rejects.toThrow(/main thread does not answer/);
  } finally {
    await opened.close();
  }
});

/** What a test could leave behind in a tab, read from a page of the site. */
const leftovers = (page: Page) =>
  page.evaluate(async () => ({
    local: { ...localStorage },
    session: { ...sessionStorage },
    cookie: document.cookie,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    forcedColors: matchMedia('(forced-colors: active)').matches,
    print: matchMedia('print').matches,
    size: [innerWidth, innerHeight],
    hovered: document.querySelectorAll(':hover').length,
    routed: (await fetch('/en/glossary/')).status,
    clipboard: (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName })).state,
  }));

test('a reset clears the storage of each origin the tab showed, the sub-path site as well', async () => {
  const first = await openPage(browser(), 'en/glossary/', { site: 'sub' });
  const { page } = first;
  await page.evaluate(() => {
    localStorage.setItem('left', 'behind');
    sessionStorage.setItem('left', 'behind');
  });
  // Starlight keeps its sidebar's state in session storage as the page goes (on `pagehide`, during the reset).
  await first.close();
  const second = await openPage(browser(), 'en/glossary/', { site: 'sub' });
  try {
    expect(second.page, 'the same tab, reused').toBe(page);
    expect(await second.page.evaluate(() => [localStorage.getItem('left'), Object.keys(sessionStorage)])).toEqual([
      null,
      [],
    ]);
    expectClean(second);
  } finally {
    await second.close();
  }
});

test('a closed tab is reused as a new context would be, and not at all after what a reset cannot undo', async () => {
  const first = await openPage(browser(), '/en/');
  const { page, context } = first;
  const oldListener: string[] = [];
  page.on('console', (message) => oldListener.push(message.text()));
  await context.route('**/en/glossary/', (route) => route.abort('failed'));
  await page.evaluate(() => {
    localStorage.setItem('left', 'behind');
    sessionStorage.setItem('left', 'behind');
    document.cookie = 'left=behind; path=/';
  });
  await context.grantPermissions(['clipboard-read']);
  await page.locator('main h1').first().hover();
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce', forcedColors: 'active', media: 'print' });
  await page.setViewportSize({ width: 400, height: 500 });
  await first.close();

  const second = await openPage(browser(), '/en/glossary/');
  expect(second.page, 'the same tab, reused').toBe(page);
  // `prepare` always gets a new context.
  const fresh = await openPage(browser(), '/en/glossary/', { prepare: async () => undefined });
  try {
    expect(fresh.page).not.toBe(page);
    const expected = await leftovers(fresh.page);
    expect(expected).toMatchObject({ cookie: '', dark: false, size: [1280, 720], hovered: 0, routed: 200 });
    expect(await leftovers(second.page)).toEqual(expected);
  } finally {
    await fresh.close();
  }
  await second.page.evaluate(() => console.log('said in the next test'));
  await expect.poll(() => second.requests.filter((url) => url.endsWith('/en/glossary/')).length).toBe(2);
  expect(oldListener, "the last test's listeners are gone").toEqual([]);
  expectClean(second);

  await second.context.addInitScript(() => undefined);
  await second.close();
  const third = await openPage(browser(), '/en/glossary/');
  try {
    expect(third.page, 'a tab given an init script is closed, not reused').not.toBe(page);
    expect(page.isClosed()).toBe(true);
  } finally {
    await third.close();
  }
});
