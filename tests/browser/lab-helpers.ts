/**
 * Helpers shared by the demo tests (fitlab, further-universal, further-deep, further-init, hygiene). They compose
 * harness.ts and quality.ts and never change them.
 *
 *   labOn(selector, browser, opts?)   a demo bound to its island root (`browser` is the getter harness.ts's
 *                                     useBrowser() returns): hydrated, waitStatus, settled, attr, click, train,
 *                                     refusedText, and open(path, body), which opens a page, waits for the island,
 *                                     runs the body, then asserts the page stayed clean and always closes it.
 *   publishedScales(svg), toData, toClient
 *                                     a plot's published scales, and pixel ⇄ data ⇄ client coordinates through them.
 *   drawnCurves(page, selector)       the fit plot's curves read back into data units through its published scales.
 *   yAt(points, x)                    a drawn polyline's y at x, read between vertices as the eye reads it.
 *   expectNoHeavyTask(tasks, entries, what), expectNoLongTasks(page, what, during)
 *                                     the responsiveness rule: no main-thread task over 50 ms of CPU while training.
 *   workerTensors(page)               tensors alive in the page's training workers, read from tfjs inside them.
 * Every wait is for a state (an attribute's value), never for a fixed time.
 */
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectClean, openPage, type OpenedPage, type OpenPageOptions } from './harness';
import { longTasks, traceMainThread, waitForStatus, type MainThreadTask } from './quality';

/** The statuses a run ends in. */
export const SETTLED = ['done', 'diverged', 'error'];

export interface LabOptions {
  /** The attribute that turns "true" once the island is interactive. */
  ready?: string;
  /** How long to wait for it (ms). */
  readyTimeout?: number;
}

export interface OpenLabOptions extends OpenPageOptions {
  /** Wait for the island before the body runs (default true; false when the body must act first). */
  hydrate?: boolean;
  /** Assert no console errors, failed or foreign requests after the body (default true). */
  clean?: boolean;
}

/** A test body: the page, what openPage returned, and the island's root. */
export type LabBody = (page: Page, opened: OpenedPage, root: Locator) => Promise<void>;

export function labOn(
  selector: string,
  browser: () => Browser,
  { ready = 'data-hydrated', readyTimeout = 60_000 }: LabOptions = {},
) {
  const lab = {
    selector,
    /** Scroll the island into view and wait until it is interactive; returns its root. */
    async hydrated(page: Page): Promise<Locator> {
      const root = page.locator(selector);
      await root.scrollIntoViewIfNeeded();
      await page.waitForSelector(`${selector}[${ready}="true"]`, { timeout: readyTimeout });
      return root;
    },
    /** Wait until the island's `data-status` is one of `statuses`, and return it (quality.ts' waitForStatus). */
    waitStatus: (page: Page, statuses: string[], timeout = 120_000): Promise<string> =>
      waitForStatus(page.locator(selector).first(), statuses, timeout),
    /** Wait until the run has ended (done, diverged or error), and return how. */
    settled: (page: Page, timeout = 120_000): Promise<string> => lab.waitStatus(page, SETTLED, timeout),
    attr: (page: Page, name: string): Promise<string | null> => page.locator(selector).getAttribute(name),
    click: (page: Page, action: string): Promise<void> => page.locator(`${selector} [data-action="${action}"]`).click(),
    /** Press Train and wait until the run has ended; returns how it ended. */
    async train(page: Page, timeout = 120_000): Promise<string> {
      await lab.click(page, 'train');
      return lab.settled(page, timeout);
    },
    /** The notice naming refused address values, once it shows. */
    async refusedText(page: Page): Promise<string> {
      const notice = page.locator(`${selector} [data-role="refused"]`);
      await notice.waitFor();
      return notice.innerText();
    },
    /** Open `path`, wait for the island, run `body`, check the page stayed clean, and always close it. */
    async open(
      path: string,
      body: LabBody,
      { hydrate = true, clean = true, ...pageOptions }: OpenLabOptions = {},
    ): Promise<void> {
      const opened = await openPage(browser(), path, pageOptions);
      try {
        const root = hydrate ? await lab.hydrated(opened.page) : opened.page.locator(selector);
        await body(opened.page, opened, root);
        if (clean) expectClean(opened);
      } finally {
        await opened.close();
      }
    },
  };
  return lab;
}

export type Lab = ReturnType<typeof labOn>;

export interface DrawnCurves {
  prediction: [number, number][];
  components: { neuron: number; points: [number, number][] }[];
  bias: number;
  yDomain: [number, number];
  pxPerUnit: number;
  marks: { neuron: number; included: boolean }[];
}

/** The scales a plot publishes on its root `<svg>` (data-x-domain, data-x-range, …), and where it sits on screen. */
export interface PublishedScales {
  xDomain: [number, number];
  xRange: [number, number];
  yDomain: [number, number];
  yRange: [number, number];
  /** Client box of the SVG and its drawn-to-declared width ratio (CSS may shrink it). */
  left: number;
  top: number;
  zoom: number;
}

export function publishedScales(svg: Locator): Promise<PublishedScales> {
  return svg.evaluate((element) => {
    const nums = (a: string) => element.getAttribute(a)!.split(',').map(Number) as [number, number];
    const rect = element.getBoundingClientRect();
    return {
      xDomain: nums('data-x-domain'),
      xRange: nums('data-x-range'),
      yDomain: nums('data-y-domain'),
      yRange: nums('data-y-range'),
      left: rect.left,
      top: rect.top,
      zoom: rect.width / Number(element.getAttribute('width')),
    };
  });
}

/** Pixel (in the SVG's own units) → data, through the published scales. */
export function toData(s: PublishedScales, px: number, py: number): [number, number] {
  const [dx0, dx1] = s.xDomain;
  const [rx0, rx1] = s.xRange;
  const [dy0, dy1] = s.yDomain;
  const [ry0, ry1] = s.yRange;
  return [dx0 + ((px - rx0) / (rx1 - rx0)) * (dx1 - dx0), dy0 + ((py - ry0) / (ry1 - ry0)) * (dy1 - dy0)];
}

/** Data → client coordinates (what the mouse and touch events take). */
export function toClient(s: PublishedScales, x: number, y: number): { x: number; y: number } {
  const [dx0, dx1] = s.xDomain;
  const [rx0, rx1] = s.xRange;
  const [dy0, dy1] = s.yDomain;
  const [ry0, ry1] = s.yRange;
  return {
    x: s.left + (rx0 + ((x - dx0) / (dx1 - dx0)) * (rx1 - rx0)) * s.zoom,
    y: s.top + (ry0 + ((y - dy0) / (dy1 - dy0)) * (ry1 - ry0)) * s.zoom,
  };
}

/** Read the fit plot (`svg.fl-front`) back into data units using the scales it publishes on its root element. */
export async function drawnCurves(page: Page, selector: string): Promise<DrawnCurves> {
  const svg = page.locator(`${selector} svg.fl-front[data-x-domain]`);
  const scales = await publishedScales(svg);
  const raw = await page.locator(selector).evaluate((lab) => {
    const plot = lab.querySelector('svg.fl-front[data-x-domain]')!;
    return {
      prediction: plot.querySelector('[data-role="prediction"]')!.getAttribute('d')!,
      components: [...plot.querySelectorAll('[data-role="component"]')].map((p) => ({
        neuron: Number(p.getAttribute('data-neuron')),
        d: p.getAttribute('d')!,
      })),
      biasY: Number(plot.querySelector('[data-role="bias"]')!.getAttribute('y1')),
      marks: [...lab.querySelectorAll('[data-role="centre-mark"]')].map((m) => ({
        neuron: Number(m.getAttribute('data-neuron')),
        included: m.getAttribute('data-included') === 'true',
      })),
    };
  });
  const read = (d: string) =>
    [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => toData(scales, Number(m[1]), Number(m[2])));
  const [dy0, dy1] = scales.yDomain;
  const [ry0, ry1] = scales.yRange;
  return {
    prediction: read(raw.prediction),
    components: raw.components.map((c) => ({ neuron: c.neuron, points: read(c.d) })),
    bias: toData(scales, 0, raw.biasY)[1],
    yDomain: [dy0, dy1],
    pxPerUnit: Math.abs(ry1 - ry0) / Math.abs(dy1 - dy0),
    marks: raw.marks,
  };
}

/** y of a drawn polyline at x (paths may drop collinear points, so they are read as lines, not by index). */
export function yAt(points: ReadonlyArray<[number, number]>, x: number): number {
  let j = 1;
  while (j < points.length - 1 && points[j]![0] < x) j++;
  const [xa, ya] = points[j - 1]!;
  const [xb, yb] = points[j]!;
  return xb === xa ? ya : ya + ((x - xa) / (xb - xa)) * (yb - ya);
}

/**
 * The responsiveness rule on a trace's main-thread tasks: none over 50 ms of the page's own CPU (wall time would
 * also count other processes' turns on a loaded machine). Logs the count and the heaviest task, with the wall-clock
 * `longtask` entries seen meanwhile; `soft` lets a test go on to measure its other demos.
 */
export function expectNoHeavyTask(
  tasks: MainThreadTask[],
  longtaskEntries: number[],
  what: string,
  { soft = false } = {},
): void {
  const heaviest = Math.max(0, ...tasks.map((task) => task.cpuMs));
  console.log(
    `[responsiveness] ${what}: ${tasks.length} main-thread tasks, heaviest ${heaviest} ms CPU; longtask entries (wall ms): ${longtaskEntries.join(', ') || 'none'}`,
  );
  expect(tasks.length, 'the trace saw the main thread').toBeGreaterThan(0);
  (soft ? expect.soft : expect)(
    tasks.filter((task) => task.cpuMs > 50),
    `main-thread tasks over 50 ms of CPU during ${what}`,
  ).toEqual([]);
}

/** Run `during` under Chrome's trace, then `expectNoHeavyTask` (longtask entries: those `recordLongTasks` saw). */
export async function expectNoLongTasks(
  page: Page,
  what: string,
  during: () => Promise<void>,
): Promise<MainThreadTask[]> {
  const tasks = await traceMainThread(page, during);
  expectNoHeavyTask(tasks, await longTasks(page), what);
  return tasks;
}

/**
 * Tensors alive in the page's training workers (summed), read from the tfjs engine inside each worker through
 * Playwright's worker handle: the page ships no hook for it. Fails when no worker has started or one has no tfjs,
 * so a leak check cannot pass by finding nothing to check.
 */
export async function workerTensors(page: Page): Promise<number> {
  const workers = page.workers();
  if (workers.length === 0) throw new Error('no worker has started on this page');
  const counts = await Promise.all(
    workers.map((w) =>
      w.evaluate(() => {
        const engine = (globalThis as unknown as { _tfengine?: { memory(): { numTensors: number } } })._tfengine;
        return engine ? engine.memory().numTensors : null;
      }),
    ),
  );
  if (counts.includes(null)) throw new Error('a worker without tfjs');
  return (counts as number[]).reduce((a, b) => a + b, 0);
}
