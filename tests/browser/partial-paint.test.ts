/**
 * A page that arrives in two parts stays put. Starlight's table of contents comes before the main pane in the
 * page's HTML but is placed after it (flex order), so a browser that paints while only the table of contents has
 * arrived (a slow network, a busy machine: the page sweep met it under load) must already place it where it will
 * stay. Here the site is served through a relay that holds each page back for a moment just before its main pane,
 * and the layout shifts of the whole load are counted.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, useBrowser } from './harness';

const browser = useBrowser();
/** How long the relay holds a page back before its main pane: long enough for a paint of the first part. */
const HOLD_MS = 1200;
const MAIN_PANE = '<div class="main-pane';

let relay: Server;
let relayUrl = '';

beforeAll(async () => {
  relay = createServer((request, response) => {
    void (async () => {
      const upstream = await fetch(new URL(request.url ?? '/', baseUrl()));
      const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
      response.writeHead(upstream.status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      if (!type.startsWith('text/html')) return response.end(Buffer.from(await upstream.arrayBuffer()));
      const html = await upstream.text();
      const cut = html.indexOf(MAIN_PANE);
      if (cut < 0) return response.end(html);
      response.write(html.slice(0, cut));
      setTimeout(() => response.end(html.slice(cut)), HOLD_MS);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no port');
  relayUrl = `http://127.0.0.1:${address.port}${new URL(baseUrl()).pathname}`;
});

afterAll(() => new Promise<void>((resolve) => relay.close(() => resolve())));

describe('a page that arrives in two parts', () => {
  // A page with a wide lab (its own table-of-contents width) and a prose page.
  test.each(['zh-cn/dead-relu/', 'en/code/'])(
    '%s: the table of contents is painted where it stays, with no layout shift',
    async (path) => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const shifts: number[] = [];
          (window as unknown as { __shifts: number[] }).__shifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const loaded = page.goto(relayUrl + path, { waitUntil: 'load' });
        // While the page is held back: its table of contents is there, its main pane is not.
        const early = await page.waitForFunction(
          () =>
            document.querySelector('.right-sidebar') && !document.querySelector('.main-pane')
              ? document.querySelector('.right-sidebar')!.getBoundingClientRect().left
              : null,
          undefined,
          { polling: 50 },
        );
        const earlyLeft = (await early.jsonValue()) as number;
        await loaded;
        const finalLeft = await page.evaluate(
          () => document.querySelector('.right-sidebar')!.getBoundingClientRect().left,
        );
        expect(earlyLeft, 'the table of contents, before and after the main pane arrived').toBe(finalLeft);
        expect(finalLeft, 'the table of contents is on the right').toBeGreaterThan(640);
        const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
        expect(
          shifts.reduce((sum, value) => sum + value, 0),
          'layout shift of the load',
        ).toBeLessThan(0.01);
      } finally {
        await context.close();
      }
    },
  );
});
