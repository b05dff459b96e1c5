/**
 * Challenges and embeds, end to end, in few page loads:
 * - English: a challenge from the address locks the Fit Lab (a conflicting locked value is refused by name and the
 *   challenge wins), a run is scored (data-solved, a verdict in words), "Copy embed code" gives the snippet for these
 *   settings, and the challenges page then marks that challenge solved from the reader's browser;
 * - Chinese, on the embed, with storage and the clipboard refused: it scores a solved and an unsolved run in Chinese,
 *   says the solution is not remembered, offers the snippet selected in a read-only field, and leaving the
 *   challenge frees every setting;
 * - a page on another site frames the embed (the lab alone, trained there, a challenge solved), while the
 *   experiment page refuses to be framed; the embed takes hostile challenge ids (empty, unknown, 10,000 characters)
 *   with a message in its language and stays usable.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { expectClean, openPage, siteUrl, useBrowser } from './harness';
import { axeViolations, FIT_LAB, hydratedFitLab, waitForStatus } from './quality';

const browser = useBrowser();
const CJK = /[\u3400-\u9fff]/;
const RUN_TIMEOUT = 240_000;

const attr = (lab: Locator, name: string) => lab.getAttribute(name);

/** Train and wait for the end of the run (in `frame` when the lab is in one). */
async function train(lab: Locator, frame?: Frame): Promise<void> {
  await lab.locator('[data-action="train"]').click();
  if (!frame) return void expect(await waitForStatus(lab, ['done', 'diverged', 'error'])).toBe('done');
  await frame.waitForFunction(
    (el) => ['done', 'diverged', 'error'].includes(el?.getAttribute('data-status') ?? ''),
    await lab.elementHandle(),
    { timeout: 120_000 },
  );
  expect(await lab.getAttribute('data-status')).toBe('done');
}

/** Open the lab's Export panel and press "Copy embed code". */
async function copyEmbed(lab: Locator): Promise<void> {
  const summary = lab.locator('details.lab__panel > summary', { hasText: /Export|导出/ });
  await summary.click();
  await lab.locator('[data-action="copy-embed"]').click();
  await lab.locator('[data-role="embed-status"]').filter({ hasText: /\S/ }).waitFor();
}

describe('a challenge in the Fit Lab', () => {
  test(
    'English: locked, told about the refused value, scored solved, embed code copied; the list marks it solved',
    async () => {
      const opened = await openPage(browser(), 'en/experiment/?challenge=two-relus&seed=18&lr=0.5&speed=instant', {
        prepare: (context) =>
          context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl('')).origin }),
      });
      try {
        const { page } = opened;
        const lab = await hydratedFitLab(page);
        await page.waitForFunction(
          (el) => el?.getAttribute('data-challenge') === 'two-relus',
          await lab.elementHandle(),
        );
        expect(await attr(lab, 'data-solved')).toBeNull();
        // The challenge wins over the address's learning rate, and says so.
        await expect(lab.locator('[data-role="refused"]').innerText()).resolves.toMatch(
          /lr.*0\.5.*not used.*challenge.*0\.04/s,
        );
        const uid = (await attr(lab, 'id'))!;
        for (const locked of ['activation', 'hidden', 'lr', 'epochs', 'batch', 'target'])
          expect(await lab.locator(`#${uid}-${locked}`).isDisabled(), locked).toBe(true);
        expect(await lab.locator(`#${uid}-seed`).isDisabled()).toBe(false);
        expect(await lab.locator(`#${uid}-seed`).inputValue()).toBe('18');
        // Nothing that would give the answer away: no weights by hand, no other activations' runs.
        expect(await lab.locator('summary', { hasText: /by hand|Compare every activation/ }).count()).toBe(0);
        const banner = lab.locator('[data-role="challenge"]');
        await expect(banner.innerText()).resolves.toMatch(
          /Two ReLUs.*below 0\.01.*Locked: .*ReLU.*You may change: Seed/s,
        );
        expect(await banner.locator('[data-role="challenge-verdict"]').innerText()).toMatch(/Press Train/);

        await train(lab);
        expect(await attr(lab, 'data-solved')).toBe('true');
        expect(await banner.locator('[data-role="challenge-verdict"]').innerText()).toMatch(/Solved!.*below 0\.01/);
        expect(page.url()).toContain('challenge=two-relus');
        expect(new URL(page.url()).searchParams.get('lr')).toBe('0.04');

        await copyEmbed(lab);
        expect(await lab.locator('[data-role="embed-status"]').innerText()).toMatch(/Embed code copied/);
        const snippet = await page.evaluate(() => navigator.clipboard.readText());
        const src = /^<iframe src="([^"]+)" title="[^"]+" loading="lazy"[^>]*><\/iframe>$/.exec(snippet)?.[1];
        expect(src, snippet).toBeTruthy();
        const embed = new URL(src!.replace(/&amp;/g, '&'));
        expect(embed.origin + embed.pathname).toBe(siteUrl('en/embed/fit-lab/'));
        expect(embed.searchParams.get('challenge')).toBe('two-relus');
        expect(embed.searchParams.get('seed')).toBe('18');

        // The list, on the same browser, knows it was solved (and only it).
        await page.goto(siteUrl('en/challenges/'));
        const list = page.locator('[data-demo="challenges"]');
        await list.scrollIntoViewIfNeeded();
        await page.waitForFunction(
          (el) => el?.querySelector('[data-challenge="two-relus"]')?.getAttribute('data-solved') === 'true',
          await list.elementHandle(),
        );
        const items = await list
          .locator('li[data-challenge]')
          .evaluateAll((els) => els.map((el) => [el.getAttribute('data-challenge'), el.getAttribute('data-solved')]));
        expect(items.length).toBeGreaterThanOrEqual(5);
        expect(items.filter(([, solved]) => solved === 'true')).toEqual([['two-relus', 'true']]);
        const item = list.locator('li[data-challenge="two-relus"]');
        expect(await item.locator('[data-role="solved-mark"] [data-current]').innerText()).toMatch(/Solved/);
        // Its link opens it on the experiment page's lab.
        const href = (await item.locator('[data-role="open-lab"]').getAttribute('href'))!;
        await page.goto(new URL(href, page.url()).href);
        const linked = await hydratedFitLab(page);
        await page.waitForFunction(
          (el) => el?.getAttribute('data-challenge') === 'two-relus',
          await linked.elementHandle(),
        );
        expectClean(opened);
      } finally {
        await opened.close();
      }
    },
    RUN_TIMEOUT,
  );

  test(
    'Chinese, storage and clipboard refused: solved and unsolved verdicts, not remembered, the snippet selected, leaving frees the lab',
    async () => {
      // On the embed: Starlight's own pages read storage without a guard, so there a refusal is not only the lab's.
      const opened = await openPage(browser(), 'zh-cn/embed/fit-lab/?challenge=two-relus&seed=7&speed=instant', {
        prepare: async (context) => {
          await context.addInitScript(() => {
            Object.defineProperty(window, 'localStorage', {
              get() {
                throw new DOMException('The operation is insecure.', 'SecurityError');
              },
            });
            if (navigator.clipboard)
              navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
          });
        },
      });
      try {
        const { page } = opened;
        const lab = await hydratedFitLab(page);
        await page.waitForFunction(
          (el) => el?.getAttribute('data-challenge') === 'two-relus',
          await lab.elementHandle(),
        );
        const banner = lab.locator('[data-role="challenge"]');
        expect(await banner.innerText()).toMatch(CJK);

        await train(lab);
        expect(await attr(lab, 'data-solved')).toBe('true');
        expect(await banner.locator('[data-role="challenge-verdict"]').innerText()).toMatch(/成功/);
        expect(await banner.locator('[data-role="challenge-not-remembered"]').innerText()).toMatch(CJK);

        // Another seed, from the free field: the verdict goes, and the next run is not solved.
        const uid = (await attr(lab, 'id'))!;
        await lab.locator(`#${uid}-seed`).fill('0');
        await lab.locator(`#${uid}-seed`).press('Enter');
        await page.waitForFunction((el) => !el?.hasAttribute('data-solved'), await lab.elementHandle());
        await train(lab);
        expect(await attr(lab, 'data-solved')).toBe('false');
        expect(await banner.locator('[data-role="challenge-verdict"]').innerText()).toMatch(/还没有.*0\.01/s);

        await copyEmbed(lab);
        expect(await lab.locator('[data-role="embed-status"]').innerText()).toMatch(CJK);
        const field = lab.locator('[data-role="embed-code"]');
        const code = await field.inputValue();
        expect(code).toContain(`src="${siteUrl('zh-cn/embed/fit-lab/')}?challenge=two-relus`);
        expect(await field.getAttribute('readonly')).not.toBeNull();
        // Focused and selected by an effect, after the frame that shows the field.
        await expect
          .poll(() =>
            field.evaluate((el: HTMLTextAreaElement) => [
              document.activeElement === el,
              el.selectionStart,
              el.selectionEnd,
            ]),
          )
          .toEqual([true, 0, code.length]);
        // The banner with its verdict, and the snippet's field, in both themes.
        for (const theme of ['light', 'dark'] as const) {
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          expect(await axeViolations(page), theme).toEqual([]);
        }

        await banner.locator('button').click();
        await page.waitForFunction((el) => !el?.hasAttribute('data-challenge'), await lab.elementHandle());
        expect(await lab.locator(`#${uid}-activation`).isDisabled()).toBe(false);
        // The address follows once the lab has drawn the change (the write is an effect of that render).
        await page.waitForFunction(() => !new URL(location.href).searchParams.has('challenge'));
        expectClean(opened);
      } finally {
        await opened.close();
      }
    },
    RUN_TIMEOUT,
  );
});

/** A page of another site (another origin on this machine, so the browser's local-network rules let it in). */
async function embedder(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('embeds', () => {
  test('the sitemap lists every doc page in both languages and no embed page (they say noindex)', async () => {
    const index = await (await fetch(siteUrl('sitemap-index.xml'))).text();
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(parts.length).toBeGreaterThan(0);
    const xml = (await Promise.all(parts.map(async (p) => (await fetch(new URL(p, siteUrl('')))).text()))).join('');
    const pages = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(pages.filter((p) => p.includes('/embed/'))).toEqual([]);
    for (const lang of ['en', 'zh-cn'])
      expect(pages.map((p) => p.replace(/^.*?\/(en|zh-cn)\//, '$1/'))).toEqual(
        expect.arrayContaining([`${lang}/`, `${lang}/experiment/`, `${lang}/challenges/`]),
      );
    const embed = await (await fetch(siteUrl('en/embed/fit-lab/'))).text();
    expect(embed).toMatch(/<meta name="robots" content="noindex"/);
  });

  test(
    'another site frames the embed, trains a challenge in it, and cannot frame the experiment page; hostile ids are named',
    async () => {
      const long = 'x'.repeat(10_000);
      const frames = {
        challenge: siteUrl('en/embed/fit-lab/?challenge=valley-one-neuron&activation=sine&speed=instant'),
        page: siteUrl('en/experiment/'),
        empty: siteUrl('en/embed/fit-lab/?challenge=&seed=3&speed=instant'),
        unknown: siteUrl('en/embed/fit-lab/?challenge=no-such-challenge'),
        long: siteUrl(`zh-cn/embed/fit-lab/?challenge=${long}`),
      };
      const host = await embedder(
        '<!doctype html><html lang="en"><title>A course page</title>' +
          Object.entries(frames)
            .map(
              ([name, src]) =>
                `<iframe name="${name}" src="${src.replace(/&/g, '&amp;')}" width="900" height="700"></iframe>`,
            )
            .join(''),
      );
      const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      const logged: string[] = [];
      try {
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => logged.push(m.text()));
        await page.goto(host.url, { waitUntil: 'load' });
        const frame = (name: string) => page.frames().find((f) => f.name() === name)!;

        // The experiment page refuses to be shown: its frame holds no page of the site.
        await expect.poll(() => frame('page').url()).toMatch(/^chrome-error:/);
        expect(logged.join('\n')).toMatch(/frame-ancestors 'self'/);

        const embedded = frame('challenge');
        expect(await embedded.locator('header, nav, aside, starlight-toc').count()).toBe(0);
        const lab = await hydratedIn(page, embedded, 'challenge');
        expect(await attr(lab, 'data-challenge')).toBe('valley-one-neuron');
        await train(lab, embedded);
        expect(await attr(lab, 'data-solved')).toBe('true');

        for (const [name, value] of [
          ['empty', ''],
          ['unknown', 'no-such-challenge'],
          ['long', long],
        ] as const) {
          const hostile = await hydratedIn(page, frame(name), name);
          expect(await attr(hostile, 'data-challenge'), name).toBeNull();
          const notice = await hostile.locator('[data-role="refused"]').innerText();
          expect(notice, name).toContain(value.slice(0, 40));
          expect(notice.length, name).toBeLessThan(400);
          if (name === 'long') expect(notice).toMatch(CJK);
          else expect(notice).toMatch(/names no challenge/);
          expect(await hostile.locator(`[id$="-activation"]`).isDisabled(), name).toBe(false);
        }
        // Usable: the empty id's lab trains its seed.
        const usable = await hydratedIn(page, frame('empty'), 'empty');
        expect(await usable.locator('[id$="-seed"]').inputValue()).toBe('3');
        await train(usable, frame('empty'));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await host.close();
      }
    },
    RUN_TIMEOUT,
  );
});

/** The Fit Lab in `frame`, brought into the host's view and hydrated. */
async function hydratedIn(page: Page, frame: Frame, name: string): Promise<Locator> {
  await page.locator(`iframe[name="${name}"]`).scrollIntoViewIfNeeded();
  const lab = frame.locator(FIT_LAB).first();
  await frame.waitForFunction((el) => el?.getAttribute('data-hydrated') === 'true', await lab.elementHandle(), {
    timeout: 60_000,
  });
  return lab;
}
