/**
 * Manners, on the built site:
 * - a training figure pauses while the tab is hidden or it is scrolled out of sight, and carries on after (the
 *   hero; the Fit Lab, the deep and universal labs; the jobs of the initialisation demo and the many-seeds live
 *   panel); the hero waits to be seen before it trains;
 * - with reduced motion nothing transitions or animates, and the hero shows the trained network without drawing
 *   the way there;
 * - printed, pages keep prose and figures and drop navigation, search, pickers and controls; links stay readable;
 * - every page names a preview image (og:image, with title, description and Twitter's card) that the build made;
 * - without JavaScript the many-seeds live panel says it needs it and its controls are disabled; hydration enables
 *   them.
 * A hidden tab is played by the test: `document.visibilityState` is overridden and `visibilitychange` dispatched,
 * at the moment a figure reports 'training' (an init script acts on the attribute as it changes, so no run can end
 * before the test looks away).
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dictionary } from '../../src/i18n';
import { HERO_CONFIG } from '../../src/labs/hero/view';
import { expectClean, openPage, siteUrl, subBaseUrl, useBrowser } from './harness';
import { labOn } from './lab-helpers';
import { DOC_PATHS } from './quality';

const browser = useBrowser();
const HERO = '[data-demo="hero"]';
const DESKTOP = { width: 1280, height: 800 };
/** Run lengths for the deep and universal labs' pause test (their defaults are 200 and 1000 epochs). */
const DEEP_EPOCHS = 60;
const UNIVERSAL_EPOCHS = 200;

type Away = 'hide' | 'scroll-away';
interface TestControls {
  setHidden(hidden: boolean): void;
  /** Once `demo` reports `status`, look away (hide the tab, or scroll it out of the viewport). */
  when(demo: string, status: string, action: Away): void;
  /** Every data-status and data-epoch each demo took, in order. */
  statuses: Record<string, string[]>;
  epochs: Record<string, string[]>;
}

/** Installed before the page's own scripts: see the file's comment. Test-only; nothing the site ships. */
const TEST_CONTROLS = () => {
  let hidden = false;
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  const setHidden = (h: boolean) => {
    hidden = h;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  const scrollAway = (element: Element) => {
    const box = element.getBoundingClientRect();
    const above = box.top + scrollY - innerHeight - 100;
    scrollTo(0, above >= 0 ? above : box.bottom + scrollY + 100);
  };
  const pending: Array<{ demo: string; status: string; action: 'hide' | 'scroll-away' }> = [];
  const controls = {
    setHidden,
    when: (demo: string, status: string, action: 'hide' | 'scroll-away') => pending.push({ demo, status, action }),
    statuses: {} as Record<string, string[]>,
    epochs: {} as Record<string, string[]>,
  };
  (window as unknown as { __test: typeof controls }).__test = controls;
  new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target as Element;
      const demo = element.getAttribute('data-demo');
      if (!demo) continue;
      const value = element.getAttribute(record.attributeName!) ?? '';
      const log = record.attributeName === 'data-status' ? controls.statuses : controls.epochs;
      (log[demo] ??= []).push(value);
      if (record.attributeName !== 'data-status') continue;
      const due = pending.findIndex((p) => p.demo === demo && p.status === value);
      if (due < 0) continue;
      const action = pending.splice(due, 1)[0]?.action;
      if (action === 'hide') setHidden(true);
      else if (action === 'scroll-away') scrollAway(element);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status', 'data-epoch'] });
};

const controls = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as { __test: TestControls }).__test;
    return { statuses: c.statuses, epochs: c.epochs };
  });
const when = (page: Page, demo: string, status: string, action: Away) =>
  page.evaluate(([d, s, a]) => (window as unknown as { __test: TestControls }).__test.when(d, s, a as Away), [
    demo,
    status,
    action,
  ] as const);
const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((h) => (window as unknown as { __test: TestControls }).__test.setHidden(h), hidden);
const waitStatus = (page: Page, selector: string, status: string, timeout = 120_000) =>
  page.waitForSelector(`${selector}[data-status="${status}"]`, { timeout });

/** The element lies wholly outside the viewport. */
const offscreen = (root: Locator) =>
  root.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom <= 0 || box.top >= innerHeight;
  });

describe('training pauses while the reader cannot see it', () => {
  test('the hero waits to be seen, pauses while the tab is hidden and while scrolled away, and resumes', async () => {
    // Opened at the prose below the hero: nothing may train before the reader scrolls up to it.
    const opened = await openPage(browser(), 'en/#what-a-neuron-computes', {
      viewport: DESKTOP,
      initScript: TEST_CONTROLS,
    });
    try {
      const { page } = opened;
      const hero = page.locator(HERO);
      expect(await offscreen(hero), 'the hero starts out of sight').toBe(true);
      expect(await hero.getAttribute('data-status')).toBe('idle');

      await when(page, 'hero', 'training', 'hide');
      await page.evaluate(() => scrollTo(0, 0));
      await waitStatus(page, HERO, 'paused');
      const pausedAt = Number(await hero.getAttribute('data-epoch'));
      expect(pausedAt).toBeLessThan(HERO_CONFIG.epochs);
      expect(await hero.locator('.hero-lab__status').innerText()).toContain(String(pausedAt));
      await setHidden(page, false);
      await waitStatus(page, HERO, 'done');

      await when(page, 'hero', 'training', 'scroll-away');
      await hero.locator('[data-action="replay"]').click();
      await waitStatus(page, HERO, 'paused');
      expect(await offscreen(hero)).toBe(true);
      expect(Number(await hero.getAttribute('data-epoch'))).toBeLessThan(HERO_CONFIG.epochs);
      await page.evaluate(() => scrollTo(0, 0));
      await waitStatus(page, HERO, 'done');
      expect(await hero.getAttribute('data-epoch')).toBe(String(HERO_CONFIG.epochs));

      const { statuses } = await controls(page);
      expect(statuses.hero?.filter((s) => s === 'paused')).toHaveLength(2);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('the deep lab pauses while the tab is hidden, the universal lab while scrolled away; both resume', async () => {
    const deep = labOn('[data-demo="deep-lab"]', browser);
    const universal = labOn('[data-demo="universal-lab"]', browser);
    // Short runs (the labs' own settings): pausing and resuming do not depend on a run's length, and the epoch
    // each pause stops at shows that it came mid-run.
    const opened = await openPage(browser(), `en/further/?depochs=${DEEP_EPOCHS}&uepochs=${UNIVERSAL_EPOCHS}`, {
      viewport: DESKTOP,
      initScript: TEST_CONTROLS,
    });
    try {
      const { page } = opened;
      await deep.hydrated(page);
      await when(page, 'deep-lab', 'training', 'hide');
      await deep.click(page, 'train');
      await deep.waitStatus(page, ['paused']);
      expect(Number(await deep.attr(page, 'data-epoch')), 'deep lab paused at epoch').toBeLessThan(DEEP_EPOCHS);
      await setHidden(page, false);
      expect(await deep.settled(page)).toBe('done');
      expect(await deep.attr(page, 'data-epoch')).toBe(String(DEEP_EPOCHS));

      const root = await universal.hydrated(page);
      await when(page, 'universal-lab', 'training', 'scroll-away');
      await universal.click(page, 'train');
      await universal.waitStatus(page, ['paused']);
      expect(await offscreen(root)).toBe(true);
      expect(Number(await universal.attr(page, 'data-epoch')), 'universal lab paused at epoch').toBeLessThan(
        UNIVERSAL_EPOCHS,
      );
      await root.scrollIntoViewIfNeeded();
      expect(await universal.settled(page)).toBe('done');
      expect(await universal.attr(page, 'data-epoch')).toBe(String(UNIVERSAL_EPOCHS));

      // The initialisation demo's job (seeds trained in the worker) is held while the tab is hidden.
      const init = labOn('[data-demo="init-lab"]', browser, { ready: 'data-ready' });
      const initRoot = await init.hydrated(page);
      await initRoot.locator('input[name="init-seeds"]').fill('50');
      await when(page, 'init-lab', 'training', 'hide');
      await init.click(page, 'measure');
      await init.waitStatus(page, ['paused']);
      expect(await initRoot.locator('[role="status"]').first().innerText()).toMatch(/Paused while the demo is out/);
      await setHidden(page, false);
      expect(await init.settled(page)).toBe('done');
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('the many-seeds live panel holds its job while scrolled away and finishes it when seen again', async () => {
    const live = labOn('[data-demo="many-seeds-live"]', browser, { ready: 'data-ready' });
    const opened = await openPage(browser(), 'zh-cn/many-seeds/', {
      viewport: DESKTOP,
      initScript: TEST_CONTROLS,
    });
    try {
      const { page } = opened;
      const root = await live.hydrated(page);
      // A short job: holding it does not depend on its length; what was done at the pause shows it came mid-job.
      await root.locator('input[name="count"]').fill('10');
      await when(page, 'many-seeds-live', 'training', 'scroll-away');
      await live.click(page, 'start');
      await live.waitStatus(page, ['paused']);
      expect(Number(await root.getAttribute('data-done')), 'runs done at the pause').toBeLessThan(
        Number(await root.getAttribute('data-total')),
      );
      expect(await offscreen(root)).toBe(true);
      expect(await root.locator('[role="status"]').last().innerText()).toContain('已暂停');
      await root.scrollIntoViewIfNeeded();
      expect(await live.settled(page)).toBe('done');
      expect(Number(await root.getAttribute('data-done'))).toBe(Number(await root.getAttribute('data-total')));
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  test('the Fit Lab pauses while the tab is hidden and resumes', async () => {
    const lab = labOn('#fl-fitlab-linear', browser);
    const opened = await openPage(browser(), 'en/experiment/', {
      viewport: DESKTOP,
      initScript: TEST_CONTROLS,
    });
    try {
      const { page } = opened;
      await lab.hydrated(page);
      await when(page, 'fit-lab', 'training', 'hide');
      await lab.click(page, 'train');
      await lab.waitStatus(page, ['paused']);
      await setHidden(page, false);
      expect(await lab.settled(page)).toBe('done');
      expect((await controls(page)).statuses['fit-lab']).toContain('paused');
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});

test('reduced motion: no transition or animation anywhere; the hero shows its trained network without moving; print keeps prose and figures only', async () => {
  const opened = await openPage(browser(), 'en/', {
    viewport: DESKTOP,
    prepare: async (context) => {
      await context.addInitScript(TEST_CONTROLS);
      await context.pages()[0]!.emulateMedia({ reducedMotion: 'reduce' });
    },
  });
  try {
    const { page } = opened;
    const hero = page.locator(HERO);
    await waitStatus(page, HERO, 'done');
    expect(await hero.getAttribute('data-source')).toBe('live');
    const { epochs, statuses } = await controls(page);
    // It trained (loading → training → done) yet showed no epoch on the way: the recorded network stays up until the
    // trained one replaces it.
    expect(statuses.hero).toEqual(expect.arrayContaining(['loading', 'training', 'done']));
    expect((epochs.hero ?? []).filter((epoch) => epoch !== String(HERO_CONFIG.epochs))).toEqual([]);
    expect(await hero.getAttribute('data-epoch')).toBe(String(HERO_CONFIG.epochs));

    const moving = await page.evaluate(() => {
      const still = (s: CSSStyleDeclaration) =>
        /^0s(, 0s)*$/.test(s.transitionDuration) && /^none(, none)*$/.test(s.animationName);
      const found: string[] = [];
      for (const element of document.querySelectorAll('*'))
        for (const pseudo of [null, '::before', '::after'])
          if (!still(getComputedStyle(element, pseudo)))
            found.push(`${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ''}`);
      return found;
    });
    expect(moving, 'elements that still transition or animate').toEqual([]);

    // Printed: the hero's figure stays; its links, the header (search, theme and language pickers) and every
    // control go.
    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    expect(await hero.locator('svg.fl-back').isVisible()).toBe(true);
    for (const selector of [
      'header.header',
      'site-search',
      'starlight-theme-select',
      'starlight-lang-select',
      '.hero__links',
    ])
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    const controlsShown = await page
      .locator('main :is(button, input, select, textarea, progress)')
      .evaluateAll((elements) =>
        elements.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)),
      );
    expect(controlsShown, 'controls on paper').toEqual([]);
    const link = page.locator('.sl-markdown-content p a[href]').first();
    const [decoration, colour, textColour] = await link.evaluate((a) => [
      getComputedStyle(a).textDecorationLine,
      getComputedStyle(a).color,
      getComputedStyle(a.parentElement!).color,
    ]);
    expect(decoration).toContain('underline');
    expect(colour, 'a link prints in the text colour').toBe(textColour);
    expectClean(opened);
  } finally {
    await opened.close();
  }
});

describe('every page names its preview image, and the build made it', () => {
  const metaOf = (html: string, key: string) =>
    new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? null;

  /** Width and height from a PNG's IHDR chunk. */
  const pngSize = (bytes: Uint8Array) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  };

  test('og:image, og:title, og:description and the Twitter card on every page; each image is a 1200 × 630 PNG', async () => {
    const images = new Map<string, Uint8Array>();
    for (const path of DOC_PATHS) {
      const html = await (await fetch(siteUrl(path))).text();
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      expect(title.startsWith(metaOf(html, 'og:title') ?? '\u0000'), `og:title of ${path}`).toBe(true);
      expect(metaOf(html, 'og:description')?.length, `og:description of ${path}`).toBeGreaterThan(20);
      expect(metaOf(html, 'twitter:card'), path).toBe('summary_large_image');
      expect(metaOf(html, 'og:image:alt')?.length, `og:image:alt of ${path}`).toBeGreaterThan(10);
      const image = metaOf(html, 'og:image');
      expect(image, `og:image of ${path}`).toMatch(/^https?:\/\/[^/]+\/og\/.+\.png$/);
      expect(metaOf(html, 'twitter:image')).toBe(image);
      // Served by the test server (og:image itself names the configured site's origin).
      const served = siteUrl(new URL(image!).pathname);
      const response = await fetch(served);
      expect(response.status, served).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(pngSize(bytes), served).toEqual({ width: 1200, height: 630 });
      images.set(path, bytes);
    }
    // Drawn from each page's own figure: the landing page's is not the experiment page's.
    expect(Buffer.from(images.get('en/')!).equals(Buffer.from(images.get('en/experiment/')!))).toBe(false);
  });

  test('under BASE=/sub/ the preview image lives under the base too', async () => {
    const html = await (await fetch(new URL('en/', subBaseUrl()).href)).text();
    const path = new URL(metaOf(html, 'og:image')!).pathname;
    expect(path).toBe('/sub/og/en.png');
    const response = await fetch(new URL(path, subBaseUrl()).href);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/png']);
  });
});

describe('the many-seeds live panel without JavaScript', () => {
  test.each(['en', 'zh-cn'] as const)(
    '%s: says it needs JavaScript, every control disabled; printed, no navigation or control is left',
    async (lang) => {
      const opened = await openPage(browser(), `${lang}/many-seeds/`, { javaScriptEnabled: false, viewport: DESKTOP });
      try {
        const { page } = opened;
        const panel = page.locator('[data-demo="many-seeds-live"]');
        const note = page.locator('[data-role="needs-js"]');
        expect(await note.isVisible()).toBe(true);
        expect((await note.innerText()).trim()).toBe(dictionary(lang).seeds.live.needsJs);
        const states = await panel
          .locator('input, select, button')
          .evaluateAll((elements) => elements.map((e) => e.matches(':disabled')));
        expect(states.length).toBeGreaterThan(3);
        expect(states.every(Boolean), 'every control disabled').toBe(true);

        await page.emulateMedia({ media: 'print' });
        for (const selector of ['header.header', '.sidebar-pane', 'site-search', 'starlight-theme-select'])
          expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
        expect(await panel.locator('button, input, select').first().isVisible()).toBe(false);
        expect(await page.locator('[data-demo="seed-histograms"] svg').first().isVisible()).toBe(true);
        expectClean(opened);
      } finally {
        await opened.close();
      }
    },
  );

  test('with JavaScript, hydration enables the controls and no note shows', async () => {
    const opened = await openPage(browser(), 'en/many-seeds/', { viewport: DESKTOP });
    try {
      const { page } = opened;
      const panel = page.locator('[data-demo="many-seeds-live"]');
      await panel.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-demo="many-seeds-live"][data-ready="true"]', { timeout: 60_000 });
      expect(await panel.locator('[data-action="start"]').isEnabled()).toBe(true);
      expect(await panel.locator('input[type="checkbox"]').first().isEnabled()).toBe(true);
      expect(await page.locator('[data-role="needs-js"]').count()).toBe(0);
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});
