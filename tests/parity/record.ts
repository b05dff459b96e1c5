/**
 * `npm run parity:record`: trains the tf.layers side of every parity case as the tests did before they read it
 * from a recording (one hidden layer: each activation's SEEDS side by side in one model; the deep stack: each seed's
 * DEEP_ACTIVATIONS side by side) and writes layers-recording.json with the fingerprint of what determined it.
 * Run it when a test says the recording is stale (tfjs upgraded, a case or a start changed) or a live run no
 * longer reproduces it; review the diff of the losses like any other data change. Takes a few minutes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { seedDataset } from '../../src/core/data/dataset';
import { engineBackend } from '../unit/engine/engine-setup';
import {
  DEEP_ACTIVATIONS,
  DEEP_SEEDS,
  deepNetwork,
  deepTraining,
  LAYERS_IDS,
  oneHiddenNetwork,
  oneHiddenTraining,
  SEEDS,
} from './cases';
import { trainLayersModels, type LayersRun } from './layers-model';
import { currentFingerprint, RECORDING_FILE, type RecordedRun, type Recording } from './recording';

const asRecorded = ({ losses, params, alphas }: LayersRun): RecordedRun => ({ losses, params, alphas });

/** Train `networks` side by side with tf.layers and keep what the tests compare, saying how long it took. */
async function recordRuns(
  label: string,
  training: Parameters<typeof trainLayersModels>[0],
  networks: Parameters<typeof trainLayersModels>[1],
): Promise<RecordedRun[]> {
  const started = performance.now();
  const runs = await trainLayersModels(training, networks);
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return runs.map(asRecorded);
}

await engineBackend('cpu');
const data = seedDataset();
const oneHidden: Recording['oneHidden'] = {};
for (const id of LAYERS_IDS) {
  oneHidden[id] = await recordRuns(
    `one hidden layer, ${id}`,
    oneHiddenTraining(data),
    SEEDS.map((seed) => oneHiddenNetwork(id, seed)),
  );
}
const deep: Recording['deep'] = {};
for (const seed of DEEP_SEEDS) {
  deep[seed] = await recordRuns(
    `deep stack, seed ${seed}`,
    deepTraining(data),
    DEEP_ACTIVATIONS.map((id) => deepNetwork(id, seed)),
  );
}

const result: Recording = { fingerprint: currentFingerprint(), oneHidden, deep };
const path = fileURLToPath(RECORDING_FILE);
// Written as Prettier would format it, so that `npm run check` accepts the file as it comes out.
const text = await format(JSON.stringify(result), { ...(await resolveConfig(path)), filepath: path });
writeFileSync(path, text);
console.log(`wrote ${path} (${Math.round(text.length / 1024)} kB)`);
