/**
 * Hostile input. The Fit Lab's address parameters and every text input of every demo are fed a list of hostile
 * values (tests/support/hostile-values.ts). Each time: no console error, no dialog, nothing injected into the page
 * (no new `<script>`, no inline event handler, no markup made from the value); a refused value gets a message in
 * the page's language; and the lab still trains to the end afterwards.
 *
 * What each value does to each Fit Lab parameter, and the words for it in both languages, is checked for the whole
 * parameter × value product in tests/unit/labs/fit-lab-refusals.test.ts, where no page load is needed. Here each
 * language's page is loaded with addresses that between them carry every hostile value and give every refusal
 * reason the lab has for them (worked out below with the lab's own parser). And every distinct input — a demo kind
 * and one of its fields — is fed every value once per language, on the first page that shows it; further copies
 * of the same demo (the same component and fields, on this page or another) are loaded and checked for errors,
 * not fed again.
 */
import { describe, expect, test } from 'vitest';
import type { ElementHandle, Locator, Page } from 'playwright-core';
import { parseSettings } from '../../src/core/settings/fit-lab';
import { FIT_LAB_URL_PARAMS, HOSTILE_VALUES, LONG_VALUE, NEVER_VALID } from '../support/hostile-values';
import { expectClean, openPage, useBrowser } from './harness';
import { classify, htmlOf } from './page-checks';
import { DOC_PATHS, FIT_LAB, hydrateAll, hydratedFitLab, waitForStatus } from './quality';

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

/** The refusal reason the lab's parser gives `value` in `param` alone (undefined: accepted). */
const reasonOf = (param: string, value: string) =>
  parseSettings(new URLSearchParams([[param, value]])).refused[0]?.reason as string | undefined;

/**
 * Addresses that set every parameter to a hostile value and between them carry every value and every reason a
 * parameter gives a value: each parameter takes the value that adds the most not yet covered (a new reason
 * counts double). The 10,000-character value goes in one parameter per address (more would exceed what servers
 * take in a request line, ~16 kB here).
 */
function coveringAddresses(): URLSearchParams[] {
  const pairs = FIT_LAB_URL_PARAMS.flatMap((param) =>
    HOSTILE_VALUES.map((value) => ({ param, value, reason: reasonOf(param, value) })),
  ).filter((pair) => pair.reason !== undefined);
  const reasonsLeft = new Set(pairs.map((pair) => pair.reason));
  const valuesLeft = new Set(pairs.map((pair) => pair.value));
  const addresses: URLSearchParams[] = [];
  while (reasonsLeft.size > 0 || valuesLeft.size > 0) {
    const query = new URLSearchParams();
    for (const param of FIT_LAB_URL_PARAMS) {
      const longUsed = query.toString().length > LONG_VALUE.length;
      const gain = (pair: (typeof pairs)[number]) =>
        (reasonsLeft.has(pair.reason) ? 2 : 0) + (valuesLeft.has(pair.value) ? 1 : 0);
      const best = pairs
        .filter((pair) => pair.param === param && !(longUsed && pair.value === LONG_VALUE))
        .reduce<(typeof pairs)[number] | undefined>(
          (top, pair) => (!top || gain(pair) > gain(top) ? pair : top),
          undefined,
        );
      if (!best) continue;
      query.set(param, best.value);
      reasonsLeft.delete(best.reason);
      valuesLeft.delete(best.value);
    }
    addresses.push(query);
  }
  return addresses;
}

const ADDRESSES = coveringAddresses();

test('the hostile addresses carry every value and give every refusal reason', () => {
  const reasons = (query: URLSearchParams) => parseSettings(query).refused.map((r) => r.reason as string);
  const everyReason = new Set(
    FIT_LAB_URL_PARAMS.flatMap((param) => HOSTILE_VALUES.map((value) => reasonOf(param, value) ?? [])).flat(),
  );
  expect(new Set(ADDRESSES.flatMap(reasons))).toEqual(everyReason);
  expect(new Set(ADDRESSES.flatMap((query) => [...query.values()]))).toEqual(new Set(HOSTILE_VALUES));
  for (const query of ADDRESSES) {
    expect([...query.keys()].sort(), 'every parameter set').toEqual([...FIT_LAB_URL_PARAMS].sort());
    expect(query.toString().length, 'fits a request line').toBeLessThan(16_000);
  }
});

describe.each([
  ['en/experiment/', 'en'],
  ['zh-cn/experiment/', 'zh-cn'],
] as const)('URL parameters on %s', (path, edition) => {
  test.each(ADDRESSES.map((query, index) => [index + 1, query] as const))(
    'hostile address %i: every refusal named in the page language, nothing injected, and the lab trains',
    async (_, query) => {
      const baseline = await baselineOf(path);
      const opened = await openPage(browser(), `${path}?${query.toString()}`);
      try {
        const { page } = opened;
        const dialogs = watchDialogs(page);
        const synced = await page
          .locator(FIT_LAB)
          .evaluateAll((labs) => labs.findIndex((lab) => lab.getAttribute('data-sync-url') === 'true'));
        expect(synced, 'a lab reads the address bar').toBeGreaterThanOrEqual(0);
        const lab = await hydratedFitLab(page, synced);
        const notice = lab.locator('[data-role="refused"]');
        await notice.waitFor({ state: 'visible' });
        const items = await notice.locator('li').allInnerTexts();
        expect(items.length, 'one line per refused parameter').toBe(parseSettings(query).refused.length);
        for (const item of items) {
          expect(item.trim()).not.toBe('');
          expect(item.length, 'a refused value is shown shortened').toBeLessThan(400);
          if (edition === 'zh-cn') expect(item, 'refusal in Chinese').toMatch(CJK);
        }
        await trainsToTheEnd(lab);
        expect(await signs(page)).toEqual(baseline);
        expect(dialogs).toEqual([]);
        expect(opened.consoleErrors.map((line) => line.slice(0, 300))).toEqual([]);
        expect(opened.failedRequests.map((line) => line.slice(0, 300))).toEqual([]);
        expect(opened.foreignRequests).toEqual([]);
      } finally {
        await opened.close();
      }
    },
  );
});

/** Open every panel and reveal optional inputs (the custom target expression) so that every input can be reached. */
async function revealInputs(demo: Locator): Promise<void> {
  await demo.evaluate((root) =>
    root.querySelectorAll('details').forEach((details) => ((details as HTMLDetailsElement).open = true)),
  );
  const targets = demo.locator('select[id$="-target"]');
  for (let i = 0; i < (await targets.count()); i++) await targets.nth(i).selectOption('custom');
}

/** A text input: its locator, and its element, looked up again only when the page has replaced it. */
interface Field {
  locator: Locator;
  handle: ElementHandle<Element> | null;
}

/** What a step on a field's element says when the element is no longer in the page. */
const REPLACED = 'replaced';

/** Run `step` on the field's element; when a re-render has replaced it, find the new one and run it again. */
async function onField<T>(field: Field, step: (handle: ElementHandle<Element>) => Promise<T | typeof REPLACED>) {
  for (let attempt = 0; attempt < 3; attempt++) {
    field.handle ??= await field.locator.elementHandle();
    const result = await step(field.handle);
    if (result !== REPLACED) return result as T;
    field.handle = null;
  }
  throw new Error('the input is replaced again each time it is found');
}

/**
 * Type `value` into the field as a reader pasting it would (a number input refuses programmatic typing of text,
 * but takes a paste), press Enter (or, for a box read by a button of its own, press that), leave the field, and
 * report whether it was refused and with what words. Null when the input is hidden or disabled at that moment.
 */
async function feed(page: Page, field: Field, value: string): Promise<{ refused: boolean; message: string } | null> {
  const kind = await onField(field, (handle) =>
    handle.evaluate((element) => {
      if (!element.isConnected) return 'replaced' as const;
      const input = element as HTMLInputElement;
      if (input.disabled || !input.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return null;
      input.focus();
      input.select();
      return input.tagName;
    }),
  );
  if (kind === null) return null;
  // Typing nothing over a selection leaves it: the empty value is a cleared field.
  if (value === '') await page.keyboard.press('Delete');
  else await page.keyboard.insertText(value);
  await page.keyboard.press('Enter');
  // A box whose text a button of its own group reads (pasted points: Enter is a new line there) is read by it.
  if (kind === 'TEXTAREA')
    await onField(field, (handle) =>
      handle.evaluate((element) => {
        if (!element.isConnected) return 'replaced' as const;
        element.closest('[data-role]')?.querySelector<HTMLButtonElement>('button[data-action]:enabled')?.click();
        return true;
      }),
    );
  return onField(field, (handle) =>
    handle.evaluate((element) => {
      if (!element.isConnected) return 'replaced' as const;
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
    }),
  );
}

/** The pages with a demo, from the built HTML (never a hard-coded list). */
const DEMO_PATHS = (await classify(DOC_PATHS)).demo;

test('the pages with demos are found, so the checks below cover them', () => {
  expect(DEMO_PATHS).toEqual(expect.arrayContaining(['en/experiment/', 'zh-cn/experiment/', 'en/further/']));
});

const TEXT_INPUTS = 'input[type="text"], input[type="number"], input[type="search"], input:not([type]), textarea';

/** Inputs fed so far in each language, as `demo kind:field` (see inputKeys). */
const fedInputs = new Map<string, Set<string>>();

/**
 * The text inputs of a demo, each named by its demo kind and field: the field is the input's id less its demo
 * root's own id (`fl-fitlab-relu-lr` in `#fl-fitlab-relu` is `fit-lab:lr`), else its name, else its place. The
 * demo root is the innermost `[data-demo]` around the input (a figure may wrap a lab's own root).
 */
function inputKeys(demo: Locator): Promise<string[]> {
  return demo.evaluate(
    (outer, selector) =>
      [...outer.querySelectorAll(selector)].map((field) => {
        const root = field.closest('[data-demo]') ?? outer;
        const id = field.id;
        const own = root.id && id.startsWith(`${root.id}-`) ? id.slice(root.id.length + 1) : '';
        const place = [...root.querySelectorAll(selector)].indexOf(field);
        return `${root.getAttribute('data-demo') ?? '?'}:${own || field.getAttribute('name') || id || `#${place}`}`;
      }),
    TEXT_INPUTS,
  );
}

describe.each(DEMO_PATHS.map((path) => [path] as const))('inputs of the demos on %s', (path) => {
  test('take every bad value without an error or an injection, and the demos still work', async () => {
    const edition = path.split('/')[0] ?? '';
    const fed = fedInputs.get(edition) ?? new Set<string>();
    fedInputs.set(edition, fed);
    const opened = await openPage(browser(), path);
    try {
      const { page } = opened;
      const dialogs = watchDialogs(page);
      await hydrateAll(page);
      const baseline = await signs(page);
      const demos = page.locator('[data-demo]');
      const problems: string[] = [];
      const fedHere: string[] = [];
      const fedLabs = new Set<number>();
      const inputsSeen = new Set<string>();
      for (let d = 0; d < (await demos.count()); d++) {
        const demo = demos.nth(d);
        await demo.scrollIntoViewIfNeeded();
        await revealInputs(demo);
        const inputs = demo.locator(TEXT_INPUTS);
        const keys = await inputKeys(demo);
        keys.forEach((key) => inputsSeen.add(key));
        for (const [i, key] of keys.entries()) {
          if (fed.has(key)) continue;
          const input = inputs.nth(i);
          const field: Field = { locator: input, handle: null };
          let took = 0;
          for (const value of HOSTILE_VALUES) {
            const outcome = await feed(page, field, value);
            if (outcome === null) break; // hidden or disabled: not for readers to type into
            took += 1;
            if (NEVER_VALID.has(value)) {
              if (!outcome.refused)
                problems.push(`${key} = ${label(value)}: accepted, or refused without aria-invalid`);
              else if (!outcome.message) problems.push(`${key} = ${label(value)}: refused without a message`);
              else if (edition === 'zh-cn' && !CJK.test(outcome.message))
                problems.push(`${key} = ${label(value)}: message not in Chinese: ${outcome.message.slice(0, 80)}`);
            }
          }
          if (took === 0) continue;
          fed.add(key);
          fedHere.push(key);
          if (key.startsWith('fit-lab:')) {
            const labIndex = await input.evaluate((field) =>
              [...document.querySelectorAll('[data-demo="fit-lab"]')].indexOf(field.closest('[data-demo="fit-lab"]')!),
            );
            fedLabs.add(labIndex);
          }
        }
      }
      console.log(
        `[hostile] ${path}: ${inputsSeen.size} distinct inputs, fed here: ${fedHere.join(', ') || 'none (all fed before)'}`,
      );
      // A page whose built HTML has text inputs (not every demo takes typing) must have had them found.
      const builtInputs = ((await htmlOf(path)).match(/<(input|textarea)\b[^>]*>/g) ?? []).filter(
        (tag) => !/\btype="(radio|checkbox|range|hidden|button|submit|reset|file|color)"/.test(tag),
      );
      if (builtInputs.length > 0) expect(inputsSeen.size, 'inputs found on a page built with some').toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(await signs(page)).toEqual(baseline);
      expect(dialogs).toEqual([]);
      // Afterwards every Fit Lab that was fed still trains.
      for (const index of fedLabs) {
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
