/**
 * Hostile input. Every URL parameter the Fit Lab reads, and every text input of every demo, is fed a list of bad
 * values. Each time: no console error, no dialog, nothing injected into the page (no new `<script>`, no inline
 * event handler, no markup made from the value); a refused value gets a message in the page's language; and the
 * Fit Lab still trains to the end afterwards.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { RANGES } from '../../src/core/settings/fit-lab';
import { expectClean, openPage, useBrowser } from './harness';
import { classify } from './page-checks';
import { DOC_PATHS, FIT_LAB, hydrateAll, hydratedFitLab, waitForStatus } from './quality';

const BAD_VALUES = ['', 'NaN', '-1', '1e309', '0x10', 'x'.repeat(10_000), '<script>alert(1)</script>', '١٢٣', '🙂'];
/** Values no numeric field or expression may accept. */
const NEVER_VALID = new Set(['NaN', '1e309', 'x'.repeat(10_000), '<script>alert(1)</script>', '🙂']);
/** Every parameter src/core/settings/fit-lab.ts reads from the address bar. */
const URL_PARAMS = [...Object.keys(RANGES), 'activation', 'target', 'speed', 'alpha', 'beta'];
const CJK = /[\u3400-\u9fff]/;

const browser = useBrowser();

const label = (value: string) =>
  value.length > 40 ? `${value.slice(0, 12)}…(${value.length} chars)` : JSON.stringify(value);

interface PageSigns {
  scripts: number;
  handlers: number;
  injectedMarkup: boolean;
}

function signs(page: Page): Promise<PageSigns> {
  return page.evaluate(() => ({
    scripts: document.scripts.length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover], [onfocus]').length,
    injectedMarkup: /<script>alert\(1\)<\/script>/.test(document.documentElement.innerHTML),
  }));
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/**
 * Train to the end at the `fast` speed: what matters here is that the run ends, not the pace a reader watches it
 * at (`normal` waits 8 ms between epochs).
 */
async function trainsToTheEnd(lab: Locator): Promise<void> {
  const speeds = await lab.locator('select[id$="-speed"]').evaluateAll((selects) =>
    selects.map((select) => {
      (select as HTMLSelectElement).value = 'fast';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return (select as HTMLSelectElement).value;
    }),
  );
  expect(speeds, 'the lab has a speed control, now at fast').toEqual(['fast']);
  await lab.locator('[data-action="train"]').click();
  expect(await waitForStatus(lab, ['done', 'diverged', 'error'])).toBe('done');
}

const LONG = 'x'.repeat(10_000);

/** The page as served with no parameters: what "nothing injected" compares against. */
const baselines = new Map<string, PageSigns>();
async function baselineOf(path: string): Promise<PageSigns> {
  const known = baselines.get(path);
  if (known) return known;
  const clean = await openPage(browser(), path);
  try {
    await hydratedFitLab(clean.page);
    const measured = await signs(clean.page);
    baselines.set(path, measured);
    return measured;
  } finally {
    await clean.close();
  }
}

/**
 * One address per bad value with every parameter set to it; the 10,000-character value goes in one parameter at
 * a time (ten of them would exceed what servers accept in a request line, ~16 kB here).
 */
const URL_CASES: { name: string; query: string; train: boolean }[] = [
  ...BAD_VALUES.filter((value) => value !== LONG).map((value) => ({
    name: `every parameter = ${label(value)}`,
    query: URL_PARAMS.map((param) => `${param}=${encodeURIComponent(value)}`).join('&'),
    // Training after a refusal is what matters, not after every one of them: a few cases keep the suite short.
    train: ['NaN', '1e309', '<script>alert(1)</script>', '🙂'].includes(value),
  })),
  ...URL_PARAMS.map((param, index) => ({
    name: `${param} = ${label(LONG)}`,
    query: `${param}=${LONG}`,
    train: index === 0,
  })),
];

describe.each([
  ['en/experiment/', 'en'],
  ['zh-cn/experiment/', 'zh-cn'],
] as const)('URL parameters on %s', (path, edition) => {
  const cases = edition === 'en' ? URL_CASES : URL_CASES.filter((c) => /NaN|script/.test(c.name));
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, { query, train }) => {
    const baseline = await baselineOf(path);

    const opened = await openPage(browser(), `${path}?${query}`);
    try {
      const { page } = opened;
      const dialogs = watchDialogs(page);
      const synced = await page.locator(FIT_LAB).evaluateAll((labs) =>
        Math.max(
          0,
          labs.findIndex((lab) => lab.getAttribute('data-sync-url') === 'true'),
        ),
      );
      const lab = await hydratedFitLab(page, synced);
      if (!/^(\w+=&?)+$/.test(query)) {
        const notice = lab.locator('[data-role="refused"]');
        await notice.waitFor({ state: 'visible' });
        const items = await notice.locator('li').allInnerTexts();
        expect(items.length, 'one line per refused parameter').toBeGreaterThan(0);
        for (const item of items) {
          expect(item.trim()).not.toBe('');
          expect(item.length, 'a refused value is shown shortened').toBeLessThan(400);
          if (edition === 'zh-cn') expect(item, 'refusal in Chinese').toMatch(CJK);
        }
      }
      if (train) await trainsToTheEnd(lab);
      expect(await signs(page)).toEqual(baseline);
      expect(dialogs).toEqual([]);
      expect(opened.consoleErrors.map((line) => line.slice(0, 300))).toEqual([]);
      expect(opened.failedRequests.map((line) => line.slice(0, 300))).toEqual([]);
      expect(opened.foreignRequests).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

/** Open every panel and reveal optional inputs (the custom target expression) so that every input can be reached. */
async function revealInputs(demo: Locator): Promise<void> {
  await demo.evaluate((root) =>
    root.querySelectorAll('details').forEach((details) => ((details as HTMLDetailsElement).open = true)),
  );
  const targets = demo.locator('select[id$="-target"]');
  for (let i = 0; i < (await targets.count()); i++) await targets.nth(i).selectOption('custom');
}

/**
 * Type `value` into `input` as a reader pasting it would (a number input refuses programmatic typing of text, but
 * takes a paste), press Enter, leave the field, and report whether it was refused and with what words. Null when
 * the input is hidden or disabled at that moment. Four round trips to the page per value.
 */
async function feed(page: Page, input: Locator, value: string): Promise<{ refused: boolean; message: string } | null> {
  const ready = await input.evaluate((element) => {
    const field = element as HTMLInputElement;
    if (field.disabled || !field.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return false;
    field.focus();
    field.select();
    return true;
  });
  if (!ready) return null;
  // Typing nothing over a selection leaves it: the empty value is a cleared field.
  if (value === '') await page.keyboard.press('Delete');
  else await page.keyboard.insertText(value);
  await page.keyboard.press('Enter');
  return input.evaluate((element) => {
    (element as HTMLInputElement).blur();
    const invalid = element.getAttribute('aria-invalid') === 'true';
    const described = (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' ');
    const demo = element.closest('[data-demo]');
    const alerts = [...(demo?.querySelectorAll('[role="alert"]') ?? [])]
      .map((alert) => alert.textContent ?? '')
      .join(' ');
    return { refused: invalid, message: `${described} ${alerts}`.trim() };
  });
}

/** The pages with a demo, from the built HTML (never a hard-coded list). */
const DEMO_PATHS = (await classify(DOC_PATHS)).demo;

test('the pages with demos are found, so the checks below cover them', () => {
  expect(DEMO_PATHS).toEqual(expect.arrayContaining(['en/experiment/', 'zh-cn/experiment/', 'en/further/']));
});

describe.each(DEMO_PATHS.map((path) => [path] as const))('inputs of the demos on %s', (path) => {
  test('take every bad value without an error or an injection, and the demos still work', async () => {
    const opened = await openPage(browser(), path);
    try {
      const { page } = opened;
      const dialogs = watchDialogs(page);
      await hydrateAll(page);
      const baseline = await signs(page);
      const demos = page.locator('[data-demo]');
      const problems: string[] = [];
      let fed = 0;
      for (let d = 0; d < (await demos.count()); d++) {
        const demo = demos.nth(d);
        await demo.scrollIntoViewIfNeeded();
        await revealInputs(demo);
        const inputs = demo.locator(
          'input[type="text"], input[type="number"], input[type="search"], input:not([type]), textarea',
        );
        const names = await inputs.evaluateAll((fields) =>
          fields.map((field, i) => `${field.closest('[data-demo]')?.getAttribute('data-demo')} #${field.id || i}`),
        );
        for (const [i, name] of names.entries()) {
          const input = inputs.nth(i);
          for (const value of BAD_VALUES) {
            const outcome = await feed(page, input, value);
            if (outcome === null) break; // hidden or disabled: not for readers to type into
            fed += 1;
            if (NEVER_VALID.has(value)) {
              if (!outcome.refused)
                problems.push(`${name} = ${label(value)}: accepted, or refused without aria-invalid`);
              else if (!outcome.message) problems.push(`${name} = ${label(value)}: refused without a message`);
              else if (path.startsWith('zh-cn/') && !CJK.test(outcome.message))
                problems.push(`${name} = ${label(value)}: message not in Chinese: ${outcome.message.slice(0, 80)}`);
            }
          }
        }
      }
      expect(fed, 'inputs fed').toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(await signs(page)).toEqual(baseline);
      expect(dialogs).toEqual([]);
      // Afterwards every Fit Lab on the page still trains.
      const labs = await page.locator(FIT_LAB).count();
      for (let index = 0; index < labs; index++) {
        const lab = await hydratedFitLab(page, index);
        await lab.locator('[data-action="reset"]').click();
        await trainsToTheEnd(lab);
      }
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });
});
