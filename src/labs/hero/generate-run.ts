/**
 * Records the hero's run with the engine and writes src/labs/hero/run.json: the final weights the build-time figure
 * draws, so a reader without JavaScript sees the same trained network the live figure reaches.
 *
 *   npm run figures:hero
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useBackend } from '../../core/engine/backend';
import { ShallowTrainer } from '../../core/engine/shallow-trainer';
import type { HeroRun } from './run';
import { HERO_CONFIG, HERO_DATA, heroMse } from './view';

export async function recordHeroRun(): Promise<HeroRun> {
  await useBackend('cpu');
  const trainer = new ShallowTrainer({ configs: [HERO_CONFIG], data: HERO_DATA });
  try {
    trainer.runEpochs(HERO_CONFIG.epochs);
    const end = trainer.read().networks[0]!;
    if (end.divergedAt !== null) throw new Error(`the hero's run diverged at epoch ${end.divergedAt}`);
    return { epoch: trainer.epoch, params: end.params, finalMse: heroMse(end.params) };
  } finally {
    trainer.dispose();
  }
}

async function main() {
  const run = await recordHeroRun();
  const file = fileURLToPath(new URL('./run.json', import.meta.url));
  writeFileSync(file, JSON.stringify(run) + '\n');
  process.stderr.write(`hero: ${run.epoch} epochs → final MSE ${run.finalMse.toPrecision(3)}; wrote ${file}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
