/**
 * Makes the deep demo's build-time figure: trains the default deep stacks (./settings.ts) side by side with the
 * real engine, folds every snapshot into the same view the island draws (deep/model.ts), and writes it, with the
 * numbers the prose quotes, to src/labs/deep/figures.json. With JavaScript off the page shows this
 * run; with it on, the island starts from it.
 *
 *   npm run figures:deep          (rewrite the JSON; prints the key numbers and the training time)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { env } from '@tensorflow/tfjs-core';
import { DEEP_DEFAULTS, DEEP_SNAPSHOT_EVERY, deepDataset, serializeDeepSettings, toDeepConfig } from './settings';
import { useBackend } from '../../core/engine/backend';
import { DeepTrainer } from '../../core/engine/deep-trainer';
import { applyDeepUpdate, deepStats, emptyDeepView } from './view';
import type { DeepFigures } from './figures';

/** Four significant digits are plenty for a figure and keep the page's inline data small. */
function round(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(4)) : null;
  if (Array.isArray(value)) return value.map(round);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  return value;
}

type Recorded = Omit<DeepFigures, 'stats'> & { stats: Record<string, number> };

export async function recordDefaultRun(): Promise<{ figures: Recorded; ms: number }> {
  const settings = DEEP_DEFAULTS;
  const trainer = new DeepTrainer({ config: toDeepConfig(settings), data: deepDataset() });
  const started = performance.now();
  let view = applyDeepUpdate(emptyDeepView(settings), trainer.read());
  try {
    while (!trainer.finished) {
      trainer.runEpochs(DEEP_SNAPSHOT_EVERY);
      view = applyDeepUpdate(view, trainer.read());
    }
  } finally {
    trainer.dispose();
  }
  const ms = performance.now() - started;
  view = { ...view, status: view.divergedAt === null ? 'done' : 'diverged' };
  return { figures: { settings: serializeDeepSettings(settings), run: view, stats: deepStats(view) }, ms };
}

async function main(): Promise<void> {
  env().set('IS_TEST', true); // no tfjs-node banner
  // The backend the browser trains this demo on (the worker uses wasm only for 500+ networks), so the recorded
  // figure is the run a reader's Train gives.
  await useBackend('cpu');
  const { figures, ms } = await recordDefaultRun();
  const file = fileURLToPath(new URL('./figures.json', import.meta.url));
  // NaN/Infinity become null in JSON; the island treats null as "no value".
  writeFileSync(file, JSON.stringify(round(figures)) + '\n');
  for (const [k, v] of Object.entries(figures.stats)) console.log(`${k.padEnd(28)} ${v.toPrecision(4)}`);
  console.log(
    `trained ${figures.run.epochs} epochs × ${figures.run.networks.length} networks in ${ms.toFixed(0)} ms (wasm, Node)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
