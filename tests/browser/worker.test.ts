/**
 * The training worker in a real browser: bundled by Vite exactly as the site bundles it (module worker, wasm
 * binaries emitted as assets via `?url`), under a sub-path base, on a tiny test-only page that never enters the
 * public site. It trains on the wasm backend, streams updates, obeys pause/step/cancel, reports divergence, and
 * leaves tf.memory() where it started.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { startServer } from '../../scripts/serve.mjs';
import { seedDataset } from '../../src/core/data/dataset';
import type { TrainConfig } from '../../src/core/train/types';
import { launchBrowser } from './harness';
import { workerTensors } from './lab-helpers';

const BASE = '/engine-fixture/';
const root = resolve(__dirname, '../..');
let dir = '';
let server: { url: string; close(): Promise<void> } | null = null;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const failedRequests: string[] = [];
const foreignRequests: string[] = [];

const ENTRY = `
import { TrainingClient } from ${JSON.stringify(resolve(root, 'src/worker/client.ts'))};
const body = document.body;
const updates = [];
const client = new TrainingClient({
  onUpdate: (u) => { updates.push(u); body.dataset.updates = String(updates.length); },
  onStatus: (s, detail) => { body.dataset.status = s; body.dataset.detail = JSON.stringify(detail); },
  onReady: (backend) => { body.dataset.backend = backend; },
});
window.engine = {
  start(networks, data, options) { updates.length = 0; body.dataset.updates = '0'; body.dataset.status = 'starting'; client.start(networks, data, options); },
  pause: () => client.pause(),
  resume: () => client.resume(),
  step: () => client.step(),
  cancel: () => client.cancel(),
  compare: (networks, data) => client.compare(networks, data),
  updates,
};
body.dataset.status = 'idle';
`;

function config(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    activation: 'relu',
    activationParams: {},
    hidden: 2,
    lr: 0.04,
    epochs: 300,
    batchSize: 32,
    seed: 0,
    ...overrides,
  };
}

async function waitForStatus(status: string): Promise<void> {
  await page.waitForSelector(`body[data-status="${status}"]`, { timeout: 60_000, state: 'attached' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'engine-fixture-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>engine fixture</title><link rel="icon" href="data:,"></head><body><script type="module" src="./entry.js"></script></body></html>',
  );
  writeFileSync(join(dir, 'entry.js'), ENTRY);
  await build({
    root: dir,
    base: BASE,
    mode: 'production',
    logLevel: 'warn',
    configFile: false,
    resolve: { alias: [] },
    server: { fs: { allow: [root, dir] } },
    build: { outDir: join(dir, 'dist'), emptyOutDir: true },
    // As the site builds it (astro.config.mjs): the worker loads the wasm backend as a separate chunk.
    worker: { format: 'es' },
  });
  server = (await startServer({ root: join(dir, 'dist'), base: BASE, port: 0 })) as {
    url: string;
    close(): Promise<void>;
  };
  browser = await launchBrowser();
  const context = await browser.newContext();
  page = await context.newPage();
  const origin = new URL(server.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`worker: ${m.text()}`);
    }),
  );
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  context.on('request', (r) => {
    if (!r.url().startsWith('data:') && !r.url().startsWith('blob:') && new URL(r.url()).origin !== origin)
      foreignRequests.push(r.url());
  });
  context.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.url()} (${r.status()})`);
  });
  await page.goto(new URL(BASE, server.url).href, { waitUntil: 'load' });
  await page.waitForSelector('body[data-backend]', { timeout: 60_000, state: 'attached' }).catch(async (e: unknown) => {
    const status = await page.evaluate(() => `${document.body.dataset.status} ${document.body.dataset.detail ?? ''}`);
    throw new Error(
      `the worker never became ready (${status}; console: ${consoleErrors.join(' | ')}; failed: ${failedRequests.join(' | ')}): ${String(e)}`,
    );
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('training worker in Chromium', () => {
  it('starts on the cpu backend, and fetches wasm (from the site, under its base path) only for 500 networks or more', async () => {
    expect(await page.evaluate(() => document.body.dataset.backend)).toBe('cpu');
    const wasm: string[] = [];
    const listen = (r: { url(): string }) => {
      if (/\.wasm(\?|$)/.test(r.url())) wasm.push(r.url());
    };
    page.context().on('request', listen);
    try {
      const small = await page.evaluate(([c, d]) => window.engine.compare(c, d), [
        Array.from({ length: 10 }, (_, seed) => config({ seed, epochs: 2 })),
        seedDataset(),
      ] as const);
      expect(small).toHaveLength(10);
      expect(wasm).toEqual([]);
      const large = await page.evaluate(([c, d]) => window.engine.compare(c, d), [
        Array.from({ length: 500 }, (_, seed) => config({ seed, epochs: 2 })),
        seedDataset(),
      ] as const);
      expect(large).toHaveLength(500);
      expect(large.every((r) => r.divergedAt === null && Number.isFinite(r.params.b2))).toBe(true);
      expect(wasm.length).toBeGreaterThan(0);
      for (const url of wasm) expect(url.startsWith(new URL(BASE, server!.url).href), url).toBe(true);
    } finally {
      page.context().off('request', listen);
    }
  });

  it('trains a run to the end, streaming an update every k epochs, and frees its tensors', async () => {
    const run = async () => {
      await page.evaluate(([c, d]) => window.engine.start([c], d, { snapshotEvery: 25 }), [
        config(),
        seedDataset(),
      ] as const);
      await waitForStatus('done');
    };
    // The worker and its tfjs exist only once a run has started: the first run sets the baseline.
    await run();
    const baseline = await workerTensors(page);
    await run();
    const epochs = await page.evaluate(() => window.engine.updates.map((u) => u.epoch));
    expect(epochs).toEqual(Array.from({ length: 13 }, (_, i) => 25 * i));
    const last = await page.evaluate(() => window.engine.updates.at(-1)!.networks[0]!);
    expect(last.loss).toBeGreaterThan(0);
    expect(last.loss).toBeLessThan(1);
    expect(last.gradNorm).toHaveLength(2);
    expect(await workerTensors(page)).toBe(baseline);
  });

  it('pauses, steps and cancels on request, and still frees every tensor', async () => {
    const baseline = await workerTensors(page);
    await page.evaluate(([c, d]) => window.engine.start([c], d, { snapshotEvery: 5, paused: true }), [
      config({ seed: 3, activation: 'sigmoid', epochs: 20_000 }),
      seedDataset(),
    ] as const);
    await waitForStatus('paused');
    await page.evaluate(() => window.engine.step());
    await page.waitForSelector('body[data-updates="2"]', { state: 'attached' });
    expect(await page.evaluate(() => window.engine.updates.map((u) => u.epoch))).toEqual([0, 5]);
    await page.evaluate(() => window.engine.resume());
    await waitForStatus('training');
    await page.evaluate(() => window.engine.cancel());
    await waitForStatus('idle');
    expect(await workerTensors(page)).toBe(baseline);
  });

  it('reports divergence with its epoch instead of drawing NaN', async () => {
    await page.evaluate(([c, d]) => window.engine.start([c], d, { snapshotEvery: 1 }), [
      config({ lr: 1e6 }),
      seedDataset(),
    ] as const);
    await waitForStatus('diverged');
    const detail = JSON.parse((await page.evaluate(() => document.body.dataset.detail)) ?? '{}') as {
      divergedAt?: number;
    };
    expect(detail.divergedAt).toBeGreaterThanOrEqual(1);
  });

  it('logged no errors, loaded every file, and asked no other origin for anything', () => {
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

declare global {
  interface Window {
    engine: {
      start(
        networks: TrainConfig[],
        data: { x: readonly number[]; y: readonly number[] },
        options: { snapshotEvery: number; paused?: boolean },
      ): void;
      pause(): void;
      resume(): void;
      step(): void;
      cancel(): void;
      compare(
        networks: TrainConfig[],
        data: { x: readonly number[]; y: readonly number[] },
      ): Promise<import('../../src/worker/protocol').CompareResult[]>;
      updates: import('../../src/worker/protocol').RunUpdate[];
    };
  }
}
