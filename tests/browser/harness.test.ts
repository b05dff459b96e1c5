/** The harness itself: it must notice the problems the other browser tests rely on it to catch. */
import { expect, test } from 'vitest';
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
    // A script that never yields: the page itself cannot answer.
    void page
      .evaluate(() => {
        for (;;) {
          // spin
        }
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
