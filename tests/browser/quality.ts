/**
 * Helpers shared by the quality-bar browser tests (a11y, nojs, budgets, offline, hostile, hygiene, responsiveness,
 * failure). They compose tests/browser/harness.ts and never change it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { docPages } from '../support/docs-pages';

const require = createRequire(import.meta.url);

/** Every prose page in both editions (discovered from content/docs), plus the root chooser. */
export const DOC_PATHS: string[] = docPages().map((page) => page.path);

/** The island roots the demos put on the page: `[data-demo="fit-lab"]`, `[data-demo="gallery"]`, … */
export const DEMO_SELECTOR = '[data-demo]';

let axeSource: string | undefined;

/**
 * How long a page script waits for an animation frame before it goes on without one (and says so in the log). A
 * page on screen draws a frame within ~16 ms; headless Chromium has been reported to stop delivering frames to a
 * page, and a wait for one would then hold the test until its timeout.
 */
export const FRAME_DEADLINE_MS = 1_000;

/**
 * Resolve when the page's main thread is idle: deferred work such as Expressive Code's marking of scrollable code
 * blocks (it runs in `requestIdleCallback`) has happened by then.
 */
export async function whenIdle(page: Page): Promise<void> {
  // Twice, a frame apart: work scheduled by a resize or theme change (a ResizeObserver callback that queues its
  // own idle callback) lands after the first idle period.
  for (let round = 0; round < 2; round++) {
    const drew = await bounded(
      page,
      'waiting for the page to be idle',
      page.evaluate(
        (deadline) =>
          new Promise<boolean>((resolve) => {
            const idle = (drew: boolean) => {
              if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(drew), { timeout: 5_000 });
              else resolve(drew);
            };
            const late = setTimeout(() => idle(false), deadline);
            requestAnimationFrame(() => {
              clearTimeout(late);
              idle(true);
            });
          }),
        FRAME_DEADLINE_MS,
      ),
    );
    if (!drew) noFrame(page, 'waiting for the page to be idle');
  }
}

/** Note in the log that a page drew no frame within FRAME_DEADLINE_MS and the step went on without one. */
export function noFrame(page: Page, step: string): void {
  console.warn(`[frames] no animation frame within ${FRAME_DEADLINE_MS} ms on ${page.url()} (${step}); went on`);
}

/** What a page that stopped answering is doing: is its main thread free, and does it still draw frames? */
async function diagnose(page: Page): Promise<string> {
  const within = <T>(ms: number, work: Promise<T>) =>
    Promise.race([work, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
  const answers = await within(
    5_000,
    page.evaluate(() => true).catch(() => null),
  );
  if (!answers) return 'its main thread does not answer (a script that never yields, or a crashed page)';
  const draws = await within(
    5_000,
    page
      .evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))))
      .catch(() => null),
  );
  return draws ? 'its main thread answers and it draws frames' : 'its main thread answers, but it draws no frame';
}

/**
 * `work` on `page`, or, after `ms`, an error that says what did not finish and what the page was doing: a page
 * evaluation has no timeout of its own, so a stuck one would otherwise hold the test until the test's timeout,
 * with no word of where.
 */
export async function bounded<T>(page: Page, what: string, work: Promise<T>, ms = 60_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), ms)));
  try {
    const outcome = await Promise.race([work, expired]);
    if (outcome !== 'expired') return outcome as T;
  } finally {
    clearTimeout(timer);
  }
  throw new Error(`${what}: not finished after ${ms / 1000} s; ${await diagnose(page)}`);
}

/** Choose Starlight's theme through its own picker and wait until the page wears it. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page
    .locator('starlight-theme-select select')
    .first()
    .evaluate((select, value) => {
      const element = select as HTMLSelectElement;
      element.value = value;
      element.dispatchEvent(new Event('change'));
    }, theme);
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
}

/**
 * Bring every island into view in turn, so `client:visible` islands hydrate, and wait until Astro has hydrated
 * each (it removes the `ssr` attribute when the component has mounted). Ends back at the top of the page.
 */
export async function hydrateAll(page: Page): Promise<number> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    await island.scrollIntoViewIfNeeded();
    await page.waitForFunction((element) => !element?.hasAttribute('ssr'), await island.elementHandle(), {
      timeout: 60_000,
    });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return count;
}

/** Scroll from top to bottom a viewport at a time, waiting two frames at each step. */
export async function scrollThrough(page: Page): Promise<void> {
  const missed = await bounded(
    page,
    'scrolling through the page',
    page.evaluate(async (deadline) => {
      let missed = 0;
      const frame = () =>
        new Promise<void>((resolve) => {
          const late = setTimeout(() => {
            missed += 1;
            resolve();
          }, deadline);
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              clearTimeout(late);
              resolve();
            }),
          );
        });
      for (let y = 0; y < document.documentElement.scrollHeight; y += Math.max(200, innerHeight * 0.8)) {
        window.scrollTo(0, y);
        await frame();
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frame();
      return missed;
    }, FRAME_DEADLINE_MS),
    120_000,
  );
  if (missed > 0) noFrame(page, `scrolling through the page, ${missed} times`);
}

/** Paths of pages whose built HTML contains a demo root. */
export async function demoPaths(paths: string[], fetchHtml: (path: string) => Promise<string>): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) if (/\bdata-demo=/.test(await fetchHtml(path))) found.push(path);
  return found;
}

/**
 * A JS chunk that carries TensorFlow.js: its engine registers backends with `registerBackend(…)` and keeps itself on
 * the global object as `_tfengine`, names minifiers keep. (Prose such as "TensorFlow.js" in a code snippet is not
 * a sign: the Fit Lab's export panel contains it.)
 */
export function isTfjsSource(source: string): boolean {
  return /\bregisterBackend\(/.test(source) && /_tfengine/.test(source);
}

/** The Fit Lab's island root; `data-status` is idle|loading|training|paused|done|diverged|error. */
export const FIT_LAB = '[data-demo="fit-lab"]';
/** The page whose prose embeds the Fit Lab (issue 5); with `?…` settings it reads them from the address bar. */
export const FIT_LAB_PAGE = 'en/experiment/';

/** Scroll the `index`-th Fit Lab into view and wait until it has hydrated; returns its locator. */
export async function hydratedFitLab(page: Page, index = 0) {
  const lab = page.locator(FIT_LAB).nth(index);
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (element) => element?.getAttribute('data-hydrated') === 'true',
    await lab.elementHandle(),
    {
      timeout: 60_000,
    },
  );
  return lab;
}

/**
 * Wait until the lab's `data-status` is one of `statuses`, and return it. A lab that reports 'error' instead ends the
 * wait at once, with what it said: an error is not a state that changes by itself.
 */
export async function waitForStatus(
  lab: ReturnType<Page['locator']>,
  statuses: string[],
  timeout = 120_000,
): Promise<string> {
  const element = await lab.elementHandle();
  try {
    const handle = await lab.page().waitForFunction(
      ([root, wanted]) => {
        const status = (root as Element | null)?.getAttribute('data-status');
        return status && ((wanted as string[]).includes(status) || status === 'error') ? status : null;
      },
      [element, statuses] as const,
      { timeout },
    );
    const status = (await handle.jsonValue()) as string;
    if (statuses.includes(status)) return status;
    throw new Error('the lab reported an error');
  } catch (error) {
    // Say where the lab stood, so that a wait that ran out points at its cause.
    const stood = await element
      ?.evaluate((root) => ({
        status: root.getAttribute('data-status'),
        epoch: root.getAttribute('data-epoch'),
        said: root.querySelector('[role="status"], [aria-live]')?.textContent?.trim().slice(0, 200),
      }))
      .catch(() => null);
    throw new Error(`waited for data-status ${statuses.join(' | ')}; the lab stood at ${JSON.stringify(stood)}`, {
      cause: error,
    });
  }
}

/** Start recording long main-thread tasks (the `longtask` entries Chromium reports for tasks over 50 ms). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks?: typeof record }).__longTasks = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        record.push({ start: entry.startTime, duration: Math.round(entry.duration) });
    }).observe({ type: 'longtask' });
  });
}

/** Durations (ms) of the long tasks recorded so far, optionally only those that began at or after `since`. */
export function longTasks(page: Page, since = 0): Promise<number[]> {
  return page.evaluate(
    (from) =>
      ((window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? [])
        .filter((task) => task.start >= from)
        .map((task) => task.duration),
    since,
  );
}

/**
 * Note the page-clock time (performance.now()) at which `element`'s `attribute` first takes the value `value`;
 * read it back with `markedTime`. Lets a test look only at what happened while a demo was actually training.
 */
export async function markWhen(element: ReturnType<Page['locator']>, attribute: string, value: string): Promise<void> {
  await element.evaluate(
    (node, [name, wanted]) => {
      const key = `__mark_${name}_${wanted}`;
      const store = window as unknown as Record<string, number>;
      delete store[key];
      const check = () => {
        if (store[key] === undefined && node.getAttribute(name as string) === wanted) store[key] = performance.now();
      };
      check();
      new MutationObserver(check).observe(node, { attributes: true, attributeFilter: [name as string] });
    },
    [attribute, value] as const,
  );
}

export function markedTime(page: Page, attribute: string, value: string): Promise<number> {
  return page.evaluate(
    (key) => (window as unknown as Record<string, number>)[key] ?? 0,
    `__mark_${attribute}_${value}`,
  );
}

export interface MainThreadTask {
  wallMs: number;
  cpuMs: number;
  /** For a task over 50 ms of CPU: the trace events inside it with the most CPU time, heaviest first. */
  inside?: string[];
}

/** Tasks heavier than this carry `inside`, so a failed check says what the time went to. */
const EXPLAIN_OVER_CPU_MS = 50;

/**
 * Trace the renderer's main thread (Chrome's `devtools.timeline` category) while `during` runs, and return every
 * task on it with its wall-clock and CPU time. On a loaded machine a task's wall time includes time the OS gave to
 * other processes; its CPU (thread) time is the page's own work.
 */
export async function traceMainThread(page: Page, during: () => Promise<void>): Promise<MainThreadTask[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  try {
    await during();
  } finally {
    const buffer = await browser.stopTracing();
    traced = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  }
  const events = traced.traceEvents;
  const threads = new Map<string, string>();
  for (const event of events)
    if (event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, String(event.args?.name ?? ''));
  const onMain = events.filter(
    (event) => event.ph === 'X' && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain',
  );
  return onMain
    .filter((event) => event.name === 'RunTask')
    .map((task) => {
      const cpuMs = Math.round((task.tdur ?? 0) / 1000);
      const wallMs = Math.round((task.dur ?? 0) / 1000);
      return cpuMs > EXPLAIN_OVER_CPU_MS ? { wallMs, cpuMs, inside: heaviestInside(task, onMain) } : { wallMs, cpuMs };
    });
}

/**
 * A function call's function and script, when the trace names them; for a layout, how much of the page it had to
 * redo (a heavy layout of a few objects is a slow machine, of most of them an invalidation to find).
 */
function where(event: TraceEvent): string {
  const layout = event.args?.beginData;
  if (event.name === 'Layout' && layout?.totalObjects !== undefined)
    return ` [${layout.dirtyObjects ?? '?'} of ${layout.totalObjects} objects dirty]`;
  const data = event.args?.data;
  const name = data?.functionName || data?.url?.split('/').pop();
  return name ? ` [${name}${data?.lineNumber ? `:${data.lineNumber}` : ''}]` : '';
}

/**
 * Where `task` was posted from (when the trace says), then the complete events nested in it on its thread, as
 * "name cpu ms (wall ms)", the five heaviest by CPU.
 */
function heaviestInside(task: TraceEvent, sameThread: TraceEvent[]): string[] {
  const start = task.ts ?? 0;
  const end = start + (task.dur ?? 0);
  const posted = task.args?.src_func ? [`posted by ${task.args.src_func} (${task.args.src_file ?? '?'})`] : [];
  return posted.concat(
    sameThread
      .filter((e) => e !== task && e.tid === task.tid && (e.ts ?? 0) >= start && (e.ts ?? 0) + (e.dur ?? 0) <= end)
      .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
      .slice(0, 5)
      .map(
        (e) =>
          `${e.name}${where(e)} ${Math.round((e.tdur ?? 0) / 1000)} ms CPU (${Math.round((e.dur ?? 0) / 1000)} ms wall)`,
      ),
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    src_file?: string;
    src_func?: string;
    data?: { functionName?: string; url?: string; lineNumber?: number };
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}
let traced: { traceEvents: TraceEvent[] } = { traceEvents: [] };

/**
 * Run axe-core and return its violations as readable lines (`rule (impact): selector — help. summary`): every rule
 * over the whole page by default; with `scope`, only `rules` (axe rule ids) over the whole page, or every rule within
 * the elements `within` holds (none: nothing to check). The site's CSP forbids injected `<script>` tags, so axe's
 * source goes in through `page.evaluate`, which runs in DevTools' context (not subject to the page's CSP) — the page
 * itself keeps its CSP enforced.
 */
export async function axeViolations(
  page: Page,
  scope: Record<string, never> | { rules: string[] } | { within: import('playwright-core').JSHandle<Element[]> } = {},
): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await whenIdle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const within = 'within' in scope ? scope.within : null;
  const rules = 'rules' in scope ? scope.rules : null;
  const violations = await bounded(
    page,
    `axe${rules ? ` (${rules.join(', ')})` : ''}`,
    page.evaluate(
      async ([elements, only]) => {
        interface AxeResults {
          violations: {
            id: string;
            impact: string;
            help: string;
            nodes: { target: string[]; failureSummary?: string }[];
          }[];
        }
        const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<AxeResults> } }).axe;
        if (elements && elements.length === 0) return [];
        const results = await axe.run(elements ? { include: elements } : document, {
          resultTypes: ['violations'],
          ...(only ? { runOnly: { type: 'rule', values: only } } : {}),
        });
        return results.violations.flatMap((violation) =>
          violation.nodes.map(
            (node) =>
              `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}. ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
          ),
        );
      },
      [within, rules] as const,
    ),
    120_000,
  );
  return violations;
}
