/**
 * Makes the universal-approximation lab's build-time figures with the real engine: one recorded run of the
 * default settings (the static figure no-JS readers see) and the "how many units?" summary for every preset
 * shape, written to src/labs/universal/figures.json. The summary is computed from the trained
 * weights by the same code the page uses (units-needed.ts), on the wasm backend the page trains with.
 *
 *   npm run figures:universal
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShallowTrainer } from '../../core/engine/shallow-trainer';
import { useBackend } from '../../core/engine/backend';
import { presetControls, SHAPE_PRESET_IDS } from '../../core/data/drawn-target';
import {
  summarizeSweep,
  sweepConfigs,
  sweepRuns,
  type SweepPlan,
  type SweepRun,
  type SweepSummary,
} from '../../core/analysis/units-needed';
import {
  defaultUniversal,
  serializeUniversalSettings,
  SWEEP_ACTIVATIONS,
  UNIT_SWEEP,
  UNIVERSAL_TRAINING,
  universalTrainConfig,
} from './settings';
import type { Dataset } from '../../core/train/types';
import { mseOf, shapeData, type StaticUniversalRun } from './view';

export interface UniversalFigures {
  run: StaticUniversalRun;
  /** Per preset shape, for the default epochs and seeds (recorded with it, so prose can quote them). */
  howMany: Record<string, SweepSummary & { seconds: number; epochs: number; seeds: number }>;
}

function train(configs: ReturnType<typeof sweepConfigs>, data: Dataset) {
  const trainer = new ShallowTrainer({ configs, data });
  trainer.runEpochs(configs[0]!.epochs);
  const out = trainer.read().networks;
  trainer.dispose();
  return out;
}

export function recordDefaultRun(): StaticUniversalRun {
  const s = defaultUniversal();
  const { data } = shapeData(s.shape);
  const [net] = train([universalTrainConfig(s, s.units)], data);
  const losses = net!.losses;
  return {
    query: serializeUniversalSettings(s),
    params: net!.params,
    epoch: s.epochs,
    loss: losses[losses.length - 1] ?? NaN,
    finalMse: mseOf(net!.params, s.activation, data),
  };
}

export function sweep(values: readonly number[], plan: SweepPlan): SweepSummary {
  const { data } = shapeData(values);
  const runs: SweepRun[] = [];
  for (const hidden of plan.sizes) {
    const configs = sweepConfigs(plan, hidden);
    runs.push(
      ...sweepRuns(
        configs,
        train(configs, data).map((n) => ({ params: n.params, divergedAt: n.divergedAt })),
      ),
    );
  }
  return summarizeSweep(runs, data, plan.activations);
}

async function main() {
  // The backend the browser trains this demo on (the worker uses wasm only for 500+ networks), so the recorded
  // figure is the run a reader's Train gives.
  await useBackend('cpu');
  const s = defaultUniversal();
  const plan: SweepPlan = {
    sizes: UNIT_SWEEP,
    activations: SWEEP_ACTIVATIONS,
    seeds: s.seeds,
    epochs: s.epochs,
    lr: UNIVERSAL_TRAINING.lr,
    batchSize: UNIVERSAL_TRAINING.batchSize,
  };
  const run = recordDefaultRun();
  process.stderr.write(`default run (${run.query}): final MSE ${run.finalMse.toPrecision(3)}\n`);
  const howMany: UniversalFigures['howMany'] = {};
  for (const id of SHAPE_PRESET_IDS) {
    const started = performance.now();
    const summary = sweep(presetControls(id), plan);
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    howMany[id] = { ...summary, seconds, epochs: plan.epochs, seeds: plan.seeds };
    const needed = summary.needed
      .map((n) => `${n.activation} ${n.hidden ?? '>32'} (${Math.round(n.goodShare * 100)} %)`)
      .join(', ');
    process.stderr.write(`${id}: ${needed}; ${seconds} s\n`);
  }
  // Non-finite MSEs (diverged runs) are written as null and read back as Infinity.
  const file = fileURLToPath(new URL('./figures.json', import.meta.url));
  writeFileSync(
    file,
    JSON.stringify({ run, howMany } satisfies UniversalFigures, (_, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? null : v,
    ) + '\n',
  );
  process.stderr.write(`wrote ${file}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
