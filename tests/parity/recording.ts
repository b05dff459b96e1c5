/**
 * The recorded tf.layers side of the parity tests: layers-recording.json, written by `npm run parity:record`
 * (record.ts), holds every number the tests compare the engine with (each run's epoch losses, final weights and
 * PReLU slopes), plus a fingerprint of everything those numbers depend on. The tests recompute the fingerprint and
 * refuse a recording whose fingerprint differs, naming the field; they also retrain part of it live each run
 * (cases.ts: liveSeed, deepLiveActivations) and require the live runs to reproduce it exactly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { seedDataset } from '../../src/core/data/dataset';
import type { DeepParams } from '../../src/core/train/deep-types';
import {
  BATCH,
  DEEP_ACTIVATIONS,
  DEEP_SEEDS,
  deepNetwork,
  deepTraining,
  EPOCHS,
  HIDDEN,
  LAYERS_IDS,
  layersForm,
  LR,
  oneHiddenNetwork,
  SEEDS,
} from './cases';
import { ADAM, tf } from './layers-model';

export const RECORDING_FILE = new URL('./layers-recording.json', import.meta.url);

/** Field name → value, all strings, so that two fingerprints compare field by field. */
export type Fingerprint = Record<string, string>;

export interface RecordedRun {
  losses: number[];
  params: DeepParams;
  alphas: number[][];
}

export interface Recording {
  fingerprint: Fingerprint;
  /** Activation id → its runs, one per SEEDS entry, in that order. */
  oneHidden: Record<string, RecordedRun[]>;
  /** Deep seed → its runs, one per DEEP_ACTIVATIONS entry, in that order. */
  deep: Record<string, RecordedRun[]>;
}

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
  return manifest.version;
}

/** A short digest of a value's JSON (which writes every number exactly). */
function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/**
 * Everything the recorded numbers depend on besides the code of layers-model.ts (which the live runs check): the
 * tfjs packages' versions, the backend the layers side runs on, Keras' Adam constants, the data, each case's
 * learning rate, epochs, batch size and shape, each activation's tf.layers form, and each network's start.
 */
export function currentFingerprint(): Fingerprint {
  const data = seedDataset();
  const deep = deepTraining(data);
  const fields: Fingerprint = {};
  for (const name of ['tfjs', 'tfjs-core', 'tfjs-layers', 'tfjs-backend-cpu'])
    fields[name] = packageVersion(`@tensorflow/${name}`);
  fields.backend = tf.getBackend();
  fields.adam = JSON.stringify(ADAM);
  fields.dataset = digest(data);
  fields.lr = String(LR);
  fields.epochs = String(EPOCHS);
  fields.batch = String(BATCH);
  fields.hidden = String(HIDDEN);
  fields.seeds = SEEDS.join(',');
  fields.activations = LAYERS_IDS.join(',');
  for (const id of LAYERS_IDS) fields[`form ${id}`] = JSON.stringify(layersForm(id));
  for (const seed of SEEDS) fields[`initial ${seed}`] = digest(oneHiddenNetwork('linear', seed).initial);
  fields['deep shape'] = `${deep.layers}×${deep.width}`;
  fields['deep lr'] = String(deep.lr);
  fields['deep epochs'] = String(deep.epochs);
  fields['deep batch'] = String(deep.batchSize);
  fields['deep seeds'] = DEEP_SEEDS.join(',');
  fields['deep activations'] = DEEP_ACTIVATIONS.join(',');
  for (const seed of DEEP_SEEDS) fields[`deep initial ${seed}`] = digest(deepNetwork('linear', seed).initial);
  return fields;
}

/** The first field (the current fingerprint's order, then any only recorded) whose value differs, or null. */
export function staleField(recorded: Fingerprint, current: Fingerprint): string | null {
  const names = [...Object.keys(current), ...Object.keys(recorded).filter((name) => !(name in current))];
  return names.find((name) => recorded[name] !== current[name]) ?? null;
}

export function staleMessage(field: string, recorded: Fingerprint, current: Fingerprint): string {
  return (
    `tests/parity/layers-recording.json is stale: "${field}" was ${recorded[field] ?? '(not recorded)'} and is ` +
    `now ${current[field] ?? '(gone)'}; run npm run parity:record and commit the new recording`
  );
}

/** `recorded` if its fingerprint is `current`; otherwise throws, naming the first differing field. */
export function checkedRecording(recorded: Recording, current: Fingerprint): Recording {
  const field = staleField(recorded.fingerprint, current);
  if (field !== null) throw new Error(staleMessage(field, recorded.fingerprint, current));
  return recorded;
}

let cached: Recording | null = null;

/** The committed recording, checked against the current fingerprint (see checkedRecording). */
export function recording(): Recording {
  cached ??= JSON.parse(readFileSync(RECORDING_FILE, 'utf8')) as Recording;
  return checkedRecording(cached, currentFingerprint());
}

/** What to say when a live tf.layers run does not reproduce its recording. */
export const LIVE_MISMATCH =
  'live tf.layers differs from tests/parity/layers-recording.json; if tfjs, Node or layers-model.ts changed on ' +
  'purpose, run npm run parity:record';
