/**
 * Every message the worker receives passes through here before dispatch.ts acts on it. Messages come from
 * postMessage, so their types are a promise, not a fact: plain type guards check the shape (the type tag, ids,
 * numbers that are finite numbers, arrays of bounded length), then the engine's own checks (params.ts,
 * deep-stats.ts) check the values. A refused message changes nothing and is answered with an error report: under
 * its own id when it has a usable one (so the page that sent it hears about it as it hears about any failure of
 * that work), else with a 'rejected' report.
 */
import { isHiddenActivationId } from '../core/activations/registry';
import { learnsSlopes } from '../core/activations/types';
import { assertDeepTrainable, kernelShapes } from '../core/train/deep-init';
import {
  assertDataset,
  assertNetworkCount,
  assertTrainable,
  MAX_NETWORKS,
  MAX_POINTS,
  shown,
} from '../core/engine/params';
import type { DeepConfig } from '../core/train/deep-types';
import type { Dataset, TrainConfig } from '../core/train/types';
import type { FromWorker, ToWorker } from './protocol';

/** Networks in one seed job, over all its chunks (the many-seeds panel asks for at most 1000 seeds × 10 activations). */
export const MAX_JOB_NETWORKS = 100_000;
/** Longest wait per epoch an animation may ask for. */
export const MAX_EPOCH_DELAY_MS = 60_000;

export type CheckedMessage = { ok: true; message: ToWorker } | { ok: false; reply: FromWorker };

class Malformed extends Error {}

type Fields = Record<string, unknown>;

const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function fail(path: string, expected: string, got: unknown): never {
  throw new Malformed(`${path} must be ${expected}, got ${shown(got)}`);
}

function record(v: unknown, path: string): Fields {
  if (!isRecord(v)) fail(path, 'an object', v);
  return v;
}

function array(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) fail(path, 'an array', v);
  if (v.length > max) fail(path, `an array of at most ${max}`, v);
  return v;
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'a finite number', v);
  return v;
}

function numbers(v: unknown, path: string, length: number): void {
  const values = array(v, path, length);
  if (values.length !== length) fail(path, `an array of ${length}`, v);
  values.forEach((x, i) => finite(x, `${path}[${i}]`));
}

function optionalBoolean(m: Fields, key: string): void {
  if (m[key] !== undefined && typeof m[key] !== 'boolean') fail(key, 'true or false', m[key]);
}

function optionalAtLeast(m: Fields, key: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (m[key] === undefined) return;
  const v = finite(m[key], key);
  if (v < min || v > max) fail(key, `from ${min} to ${max}`, v);
}

/**
 * Shape first (so the engine's checks only ever see numbers where numbers belong), then the engine's checks.
 * `points` is the length of the message's data, already checked.
 */
function trainConfigs(v: unknown, path: string, points: number): void {
  const configs = array(v, path, MAX_NETWORKS);
  configs.forEach((c, i) => {
    const where = `${path}[${i}]`;
    const f = record(c, where);
    for (const key of ['hidden', 'lr', 'epochs', 'batchSize', 'seed'])
      if (typeof f[key] !== 'number') fail(`${where}.${key}`, 'a number', f[key]);
    if (typeof f.activation !== 'string') fail(`${where}.activation`, 'an activation id', f.activation);
    engine(where, () => assertTrainable(f as unknown as TrainConfig));
  });
  engine(path, () => assertNetworkCount(configs.length, points));
}

/** The message's training (or held-out) points; returns how many. */
function dataset(v: unknown, path = 'data'): number {
  const d = record(v, path);
  array(d.x, `${path}.x`, MAX_POINTS);
  array(d.y, `${path}.y`, MAX_POINTS);
  engine(path, () => assertDataset(d as unknown as Dataset));
  return (d.x as unknown[]).length;
}

/** The engine's RangeErrors say what is wrong in their own words; they become this message's refusal. */
function engine(path: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    throw new Malformed(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function networkInitial(v: unknown, networks: readonly { hidden: number; activation: unknown }[]): void {
  const count = networks.length;
  const hidden = networks[0]!.hidden;
  const initial = array(v, 'initial', count);
  if (initial.length !== count) fail('initial', `an array of ${count} (one per network)`, v);
  initial.forEach((p, i) => {
    const f = record(p, `initial[${i}]`);
    for (const key of ['w1', 'b1', 'w2']) numbers(f[key], `initial[${i}].${key}`, hidden);
    finite(f.b2, `initial[${i}].b2`);
    // Learned slopes belong to PReLU networks only (one per hidden neuron).
    if (f.alpha === undefined) return;
    const activation = networks[i]!.activation;
    if (!isHiddenActivationId(activation) || !learnsSlopes(activation))
      fail(`initial[${i}].alpha`, 'absent (only PReLU networks learn slopes)', f.alpha);
    numbers(f.alpha, `initial[${i}].alpha`, hidden);
  });
}

function deepInitial(v: unknown, count: number, layers: number, width: number): void {
  const initial = array(v, 'initial', count);
  if (initial.length !== count) fail('initial', `an array of ${count} (one per network)`, v);
  const shapes = kernelShapes(layers, width);
  initial.forEach((p, i) => {
    const f = record(p, `initial[${i}]`);
    const kernels = array(f.kernels, `initial[${i}].kernels`, shapes.length);
    const biases = array(f.biases, `initial[${i}].biases`, shapes.length);
    if (kernels.length !== shapes.length) fail(`initial[${i}].kernels`, `an array of ${shapes.length}`, kernels);
    if (biases.length !== shapes.length) fail(`initial[${i}].biases`, `an array of ${shapes.length}`, biases);
    shapes.forEach(([fanIn, fanOut], l) => {
      numbers(kernels[l], `initial[${i}].kernels[${l}]`, fanIn * fanOut);
      numbers(biases[l], `initial[${i}].biases[${l}]`, fanOut);
    });
  });
}

function checkFields(m: Fields): void {
  switch (m.type) {
    case 'start': {
      trainConfigs(m.networks, 'networks', dataset(m.data));
      if (typeof m.snapshotEvery !== 'number') fail('snapshotEvery', 'a number', m.snapshotEvery);
      optionalAtLeast(m, 'snapshotEvery', 1);
      optionalAtLeast(m, 'stepEpochs', 1);
      optionalAtLeast(m, 'epochDelayMs', 0, MAX_EPOCH_DELAY_MS);
      optionalBoolean(m, 'paused');
      optionalBoolean(m, 'streamLosses');
      if (m.test !== undefined) dataset(m.test, 'test');
      if (m.initial !== undefined) {
        networkInitial(m.initial, m.networks as { hidden: number; activation: unknown }[]);
      }
      return;
    }
    case 'compare':
      trainConfigs(m.networks, 'networks', dataset(m.data));
      return;
    case 'job': {
      const points = dataset(m.data);
      const chunks = array(m.chunks, 'chunks', MAX_JOB_NETWORKS);
      let total = 0;
      chunks.forEach((chunk, i) => {
        total += array(chunk, `chunks[${i}]`, MAX_NETWORKS).length;
        if (total > MAX_JOB_NETWORKS) fail('chunks', `at most ${MAX_JOB_NETWORKS} networks in all`, total);
        trainConfigs(chunk, `chunks[${i}]`, points);
      });
      return;
    }
    case 'deep-start': {
      dataset(m.data);
      const config = record(m.config, 'config');
      for (const key of ['layers', 'width', 'lr', 'epochs', 'batchSize', 'seed'])
        if (typeof config[key] !== 'number') fail(`config.${key}`, 'a number', config[key]);
      array(config.networks, 'config.networks', MAX_NETWORKS).forEach((n, i) => {
        const f = record(n, `config.networks[${i}]`);
        if (typeof f.activation !== 'string')
          fail(`config.networks[${i}].activation`, 'an activation id', f.activation);
      });
      engine('config', () => assertDeepTrainable(config as unknown as DeepConfig));
      if (typeof m.snapshotEvery !== 'number') fail('snapshotEvery', 'a number', m.snapshotEvery);
      optionalAtLeast(m, 'snapshotEvery', 1);
      if (m.initial !== undefined) {
        const c = config as { layers: number; width: number; networks: unknown[] };
        deepInitial(m.initial, c.networks.length, c.layers, c.width);
      }
      return;
    }
    default:
      // The controls carry nothing but their id, checked by the caller.
      return;
  }
}

/** Which id a message type is scoped by, and so where a refusal of it is reported. */
const ID_OF: Record<ToWorker['type'], 'runId' | 'jobId' | 'deepId'> = {
  start: 'runId',
  pause: 'runId',
  resume: 'runId',
  step: 'runId',
  cancel: 'runId',
  compare: 'runId',
  job: 'jobId',
  'cancel-job': 'jobId',
  'hold-job': 'jobId',
  'release-job': 'jobId',
  'deep-start': 'deepId',
  'deep-pause': 'deepId',
  'deep-resume': 'deepId',
  'deep-cancel': 'deepId',
};

const isKnownType = (t: unknown): t is ToWorker['type'] =>
  typeof t === 'string' && Object.prototype.hasOwnProperty.call(ID_OF, t);

/** The refusal of a message of a known type whose id is usable: the error report of that kind of work. */
function refusal(type: ToWorker['type'], id: number, message: string): FromWorker {
  switch (ID_OF[type]) {
    case 'runId':
      return { type: 'status', runId: id, status: 'error', epoch: 0, message };
    case 'jobId':
      return { type: 'job-status', jobId: id, status: 'error', message };
    case 'deepId':
      return { type: 'deep-status', deepId: id, status: 'error', epoch: 0, message };
  }
}

/** Check one incoming message; never throws. */
export function checkMessage(m: unknown): CheckedMessage {
  if (!isRecord(m))
    return {
      ok: false,
      reply: { type: 'rejected', message: `Malformed message: expected an object, got ${shown(m)}` },
    };
  const type = m.type;
  if (!isKnownType(type))
    return { ok: false, reply: { type: 'rejected', message: `Malformed message: unknown type ${shown(type)}` } };
  const idKey = ID_OF[type];
  const id = m[idKey];
  if (!isId(id))
    return {
      ok: false,
      reply: {
        type: 'rejected',
        message: `Malformed message (${type}): ${idKey} must be a non-negative integer, got ${shown(id)}`,
      },
    };
  try {
    checkFields(m);
  } catch (e) {
    // Anything thrown while checking (a getter on a hostile object included) refuses the message.
    const detail = e instanceof Malformed ? e.message : `unreadable (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, reply: refusal(type, id, `Malformed message (${type}): ${detail}`) };
  }
  return { ok: true, message: m as unknown as ToWorker };
}
