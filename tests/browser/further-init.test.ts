/**
 * The InitLab on /further/: a measurement completes in both languages and its shares are the statistics of the
 * streamed runs, which are `npm run init-experiment`'s runs for the same seeds; the address bar holds the
 * settings and survives a reload; bad address values are named in the page's language and measuring still works;
 * everything works from the keyboard; the static table is the data; no console errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMse, formatShare } from '../../src/shared/format';
import { findInitConfig, reviveInitStudy, runsOf } from '../../src/core/analysis/init-study-file';
import { summarizeConfig, type SeedRun } from '../../src/core/analysis/seed-stats';
import { useBrowser } from './harness';
import { labOn, workerTensors } from './lab-helpers';

const study = reviveInitStudy(JSON.parse(readFileSync('src/labs/init/init-experiment.json', 'utf8')));
const LAB = '[data-demo="init-lab"]';

/** The island turns `data-ready` once interactive (Playwright's default 30 s wait). */
const initLab = labOn(LAB, useBrowser(), { ready: 'data-ready', readyTimeout: 30_000 });

async function measured(page: Page): Promise<SeedRun[]> {
  await page.waitForSelector(`${LAB}[data-status="done"]`, { timeout: 180_000 });
  // The runs of an ended measurement are on the lab root. JSON has no Infinity: a diverged run's MSE is null there.
  const runs = await page.locator(LAB).getAttribute('data-runs');
  expect(runs, 'data-runs once the measurement is done').not.toBeNull();
  return (JSON.parse(runs!) as SeedRun[]).map((r) => ({ ...r, finalMse: r.finalMse ?? Infinity }));
}

/** Every shown statistic: name → [live value, precomputed value] as numbers (NaN when not shown). */
async function shownStats(page: Page): Promise<Record<string, { live: number; pre: number; liveText: string }>> {
  return page.$$eval(`${LAB} [data-role="results"] tr[data-stat]`, (rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const live = row.querySelector('td[data-live]')!;
        const pre = row.querySelector('td[data-precomputed]')!;
        const num = (v: string | null) => (v ? Number(v) : NaN);
        return [
          row.getAttribute('data-stat')!,
          {
            live: num(live.getAttribute('data-live')),
            pre: num(pre.getAttribute('data-precomputed')),
            liveText: live.textContent!,
          },
        ];
      }),
    ),
  );
}

describe.each(['en', 'zh-cn'] as const)('InitLab (%s)', (lang) => {
  test('He-uniform with b = 0.1 measures 50 seeds: shares from the streamed runs, which are the CLI’s runs', () =>
    initLab.open(`${lang}/further/`, async (page, _opened, lab) => {
      await lab.locator('input[name="init-kernel"][value="he"]').check();
      await lab.locator('input[name="init-bias"][value="0.1"]').check();
      await lab.locator('input[name="init-seeds"]').fill('50');
      await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('ikernel'))).toBe('he');
      await lab.locator('[data-action="measure"]').click();
      const runs = await measured(page);
      expect(runs.map((r) => r.seed)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(await lab.getAttribute('data-done')).toBe('50');

      const summary = summarizeConfig(runs, study.reference.lineMse);
      const stats = await shownStats(page);
      const stored = findInitConfig(study, 'relu', { kernel: 'he_uniform', hiddenBias: 0.1 })!;
      for (const key of ['deadAtInitShare', 'deadAtEndShare', 'goodFitShare', 'medianMse'] as const) {
        expect(stats[key]!.live, key).toBe(summary[key]);
        expect(stats[key]!.liveText, key).toBe(
          key === 'medianMse' ? formatMse(summary[key]) : formatShare(summary[key], lang),
        );
        expect(stats[key]!.pre, key).toBe(stored.summary[key]);
      }
      // Same engine and seeds on another backend (the browser trains 50 networks on cpu, the CLI on wasm): the
      // same runs up to float32 rounding, which adds the same numbers in another order.
      const cli = runsOf(stored.runs).slice(0, 50);
      expect(runs.map(({ finalMse: _m, ...counts }) => counts)).toEqual(
        cli.map(({ finalMse: _m, ...counts }) => counts),
      );
      runs.forEach((r, i) =>
        expect(Math.abs(r.finalMse - cli[i]!.finalMse), `seed ${r.seed}`).toBeLessThanOrEqual(
          Math.max(1e-6, 0.01 * cli[i]!.finalMse),
        ),
      );
      expect(summary.deadAtInitShare).toBe(0); // z(0) = b > 0: nobody starts dead
      // A finished measurement frees everything it allocated in the worker.
      await expect.poll(() => workerTensors(page)).toBe(0);
    }));
});

describe('InitLab, address and keyboard', () => {
  test('the settings round-trip through the address bar, next to other demos’ parameters; older keys still load', () =>
    initLab.open('en/further/?dlayers=3&init=zeros&bias=-0.25&iact=sigmoid&iseeds=75', async (page, _opened, lab) => {
      expect(await lab.locator('input[name="init-kernel"]:checked').getAttribute('value')).toBe('zeros');
      expect(await lab.locator('input[name="init-bias"]:checked').getAttribute('value')).toBe('other');
      expect(await lab.locator('input[name="init-bias-value"]').inputValue()).toBe('-0.25');
      expect(await lab.locator('select[name="init-activation"]').inputValue()).toBe('sigmoid');
      expect(await lab.locator('input[name="init-seeds"]').inputValue()).toBe('75');
      expect(await lab.locator('[data-role="refused"]').count()).toBe(0);

      await lab.locator('input[name="init-kernel"][value="glorot"]').check();
      await lab.locator('select[name="init-activation"]').selectOption('leaky_relu');
      await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('iact'))).toBe('leaky_relu');
      const params = new URLSearchParams(await page.evaluate(() => location.search));
      expect(params.get('dlayers')).toBe('3');
      expect(params.get('ikernel')).toBeNull(); // the default is left out
      expect(params.get('iact')).toBe('leaky_relu');
      expect(params.get('ibias')).toBe('-0.25');
      expect([params.has('init'), params.has('bias')]).toEqual([false, false]); // written under the current keys

      await page.reload();
      const again = await initLab.hydrated(page);
      expect(await again.locator('input[name="init-kernel"]:checked').getAttribute('value')).toBe('glorot');
      expect(await again.locator('select[name="init-activation"]').inputValue()).toBe('leaky_relu');
      expect(await again.locator('input[name="init-bias-value"]').inputValue()).toBe('-0.25');
    }));

  test.each(['en', 'zh-cn'] as const)(
    'bad address values are named in the page language (%s), and measuring still works',
    (lang) =>
      initLab.open(
        `${lang}/further/?ikernel=%3Cscript%3E&ibias=0x10&iseeds=1e309&iact=${'x'.repeat(10_000)}`,
        async (page, _opened, lab) => {
          const notice = lab.locator('[data-role="refused"]');
          await notice.waitFor();
          const text = await notice.innerText();
          for (const part of [lang === 'en' ? 'not valid' : '无效', '<script>', '0x10', '1e309'])
            expect(text).toContain(part);
          expect(text.length).toBeLessThan(1000);
          expect(await notice.locator('li').count()).toBe(4);
          expect(await notice.locator('script').count()).toBe(0); // shown as text, never as markup
          // Defaults in force; a small measurement still runs.
          expect(await lab.locator('input[name="init-kernel"]:checked').getAttribute('value')).toBe('glorot');
          await lab.locator('input[name="init-seeds"]').fill('50');
          await lab.locator('[data-action="measure"]').click();
          const runs = await measured(page);
          const stored = runsOf(findInitConfig(study, 'relu', { kernel: 'glorot_uniform', hiddenBias: 0 })!.runs).slice(
            0,
            50,
          );
          expect(runs.map((r) => r.deadAtInit)).toEqual(stored.map((r) => r.deadAtInit));
        },
      ),
  );

  test('keyboard only: choose zeros, refuse a bad bias, measure, cancel a long run', () =>
    initLab.open('en/further/', async (page, _opened, lab) => {
      // Arrow keys move within a radio group: glorot (default) → He → zeros (wrapping back to the first).
      await lab.locator('input[name="init-kernel"]:checked').focus();
      await page.keyboard.press('ArrowUp');
      expect(await lab.locator('input[name="init-kernel"]:checked').getAttribute('value')).toBe('zeros');
      expect(await lab.locator('[data-role="why"]').innerText()).toMatch(/only the output bias learns/i);
      expect(await lab.locator('[data-role="weights"]').getAttribute('data-off-units')).toBe('400'); // 200 seeds × 2 units, all w = 0

      // Bias "other" with a bad value: named, Measure disabled.
      await lab.locator('input[name="init-bias"]:checked').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await lab.locator('input[name="init-bias"]:checked').getAttribute('value')).toBe('other');
      await page.keyboard.press('Tab');
      await page.keyboard.type('abc');
      expect(await lab.locator('#init-lab-bias-hint').innerText()).toContain('abc');
      expect(await lab.locator('[data-action="measure"]').isDisabled()).toBe(true);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('0');

      // Seeds: Tab to the field, type 50, Tab to Measure, Enter.
      await lab.locator('input[name="init-seeds"]').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('50');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('measure');
      await page.keyboard.press('Enter');
      const runs = await measured(page);
      // Zero kernels with zero bias: every network starts and ends with both units dead, and fits a constant.
      expect(runs.every((r) => r.deadAtInit === 2 && r.deadAtEnd === 2)).toBe(true);
      const stats = await shownStats(page);
      expect(stats.deadAtInitShare!.live).toBe(1);
      expect(stats.goodFitShare!.live).toBe(0);

      // A long run, cancelled from the keyboard once it is training.
      await lab.locator('input[name="init-seeds"]').fill('1000');
      await lab.locator('[data-action="measure"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${LAB}[data-status="training"]`);
      await lab.locator('[data-action="cancel"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${LAB}[data-status="cancelled"]`, { timeout: 120_000 });
      expect(Number(await lab.getAttribute('data-done'))).toBeLessThan(1000);
      await expect.poll(() => workerTensors(page)).toBe(0);
    }));

  test('without JavaScript the full precomputed table is there, equal to the data', () =>
    initLab.open(
      'zh-cn/further/',
      async (page) => {
        const rows = await page.$$eval('[data-role="precomputed"] tbody tr', (trs) =>
          trs.map((tr) => ({
            id: tr.getAttribute('data-config')!,
            values: [...tr.querySelectorAll('td[data-value]')].map((td) => Number(td.getAttribute('data-value'))),
          })),
        );
        expect(rows.map((r) => r.id)).toEqual(study.configs.map((c) => c.id));
        rows.forEach((r, k) => {
          const s = study.configs[k]!.summary;
          expect(r.values).toEqual([
            s.deadAtInitShare,
            s.deadAtEndShare,
            s.negativeAtInitShare,
            s.negativeAtEndShare,
            s.goodFitShare,
            s.medianMse,
          ]);
        });
        expect(await page.locator('[data-demo="init-lab"] svg[data-plot="init-weights"]').count()).toBe(1);
      },
      { javaScriptEnabled: false, hydrate: false, clean: false },
    ));
});
