/**
 * The per-network parameter layout [ w1 (H) | b1 (H) | w2 (H) | b2 ] (then | α (H) for PReLU) and its conversions,
 * and the engine's checks of what it is asked to train (configurations, batch shape, data).
 */
import { HIDDEN_ACTIVATION_IDS, isHiddenActivationId } from '../activations/registry';
import { assertValidInit } from '../train/init-schemes';
import type { Dataset, NetworkParams, TrainConfig } from '../train/types';

/** Numbers per network: 3H + 1, plus H slopes when the network learns them (PReLU). */
export function paramWidth(hidden: number, slopes: boolean): number {
  return 3 * hidden + 1 + (slopes ? hidden : 0);
}

export function flattenParams(p: NetworkParams): Float32Array {
  const h = p.w1.length;
  const flat = new Float32Array(paramWidth(h, p.alpha !== undefined));
  flat.set(p.w1, 0);
  flat.set(p.b1, h);
  flat.set(p.w2, 2 * h);
  flat[3 * h] = p.b2;
  if (p.alpha) flat.set(p.alpha, 3 * h + 1);
  return flat;
}

/** The layout back as NetworkParams; `slopes`: the row carries α after b2 (PReLU). */
export function unflattenParams(flat: ArrayLike<number>, hidden: number, scale = 1, slopes = false): NetworkParams {
  const part = (from: number) => Array.from({ length: hidden }, (_, i) => flat[from + i]! * scale);
  const p: NetworkParams = { w1: part(0), b1: part(hidden), w2: part(2 * hidden), b2: flat[3 * hidden]! * scale };
  if (slopes) p.alpha = part(3 * hidden + 1);
  return p;
}

/** Networks can share a batch when everything but seed and activation agrees. */
export function sameTraining(a: TrainConfig, b: TrainConfig): boolean {
  return a.hidden === b.hidden && a.lr === b.lr && a.epochs === b.epochs && a.batchSize === b.batchSize;
}

export const MIN_HIDDEN = 1;
export const MAX_HIDDEN = 32;
/** Upper bounds that keep one request's memory and time finite (the site's settings stay far below them). */
export const MAX_EPOCHS = 100_000;
export const MAX_NETWORKS = 10_000;
export const MAX_POINTS = 10_000;
/** networks × points: the per-epoch visiting order alone is this many int32s. */
export const MAX_BATCH_CELLS = 10_000_000;
/** Seeds are mixed as unsigned 32-bit integers (random.ts), so larger ones would alias smaller ones. */
export const MAX_SEED = 2 ** 32 - 1;

const ACTIVATION_PARAM_NAMES: readonly string[] = ['alpha', 'beta'];

/** A value as an error message shows it: numbers as JS writes them (NaN, -1, Infinity), text quoted and cut short. */
export function shown(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}

/** Throws a RangeError `<prefix>: <what> must be an integer from min to max, got …` unless v is one. */
export function checkInteger(prefix: string, what: string, v: unknown, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${prefix}: ${what} must be an integer from ${min} to ${max}, got ${shown(v)}`);
  }
}

export function checkPositive(prefix: string, what: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new RangeError(`${prefix}: ${what} must be a finite number above 0, got ${shown(v)}`);
  }
}

/** A hidden activation of the registry, and finite values for the parameters it is given (alpha, beta). */
export function checkActivation(prefix: string, what: string, id: unknown, params: unknown): void {
  if (!isHiddenActivationId(id))
    throw new RangeError(
      `${prefix}: ${what}.activation must be one of ${HIDDEN_ACTIVATION_IDS.join(', ')}; got ${shown(id)}`,
    );
  if (params === undefined) return;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new RangeError(`${prefix}: ${what}.activationParams must be an object, got ${shown(params)}`);
  }
  for (const [name, value] of Object.entries(params)) {
    if (!ACTIVATION_PARAM_NAMES.includes(name))
      throw new RangeError(`${prefix}: ${what}.activationParams has an unknown parameter ${shown(name)}`);
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new RangeError(`${prefix}: ${what}.activationParams.${name} must be a finite number, got ${shown(value)}`);
    }
  }
}

const UNTRAINABLE = 'Untrainable configuration';

/**
 * The engine's own checks of one network's configuration, whoever calls it (the settings schema gives readers localized
 * messages long before this): a RangeError naming the field, never a run that hangs or trains garbage.
 */
export function assertTrainable(c: TrainConfig): void {
  if (typeof c !== 'object' || c === null) throw new RangeError(`${UNTRAINABLE}: expected an object, got ${shown(c)}`);
  checkInteger(UNTRAINABLE, 'hidden', c.hidden, MIN_HIDDEN, MAX_HIDDEN);
  checkInteger(UNTRAINABLE, 'epochs', c.epochs, 1, MAX_EPOCHS);
  checkInteger(UNTRAINABLE, 'batchSize', c.batchSize, 1, Number.MAX_SAFE_INTEGER);
  checkPositive(UNTRAINABLE, 'lr', c.lr);
  checkActivation(UNTRAINABLE, 'config', c.activation, c.activationParams);
  checkInteger(UNTRAINABLE, 'seed', c.seed, 0, MAX_SEED);
  if (c.init !== undefined && (typeof c.init !== 'object' || c.init === null))
    throw new RangeError(`${UNTRAINABLE}: init must be an object, got ${shown(c.init)}`);
  assertValidInit(c.init);
}

/** Training points: x and y equally long, 1 to MAX_POINTS of them, every value finite. */
export function assertDataset(data: Dataset): void {
  const prefix = 'Unusable data';
  if (typeof data !== 'object' || data === null)
    throw new RangeError(`${prefix}: expected { x, y }, got ${shown(data)}`);
  for (const key of ['x', 'y'] as const) {
    const values: unknown = data[key];
    if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
      throw new RangeError(`${prefix}: ${key} must be an array of numbers, got ${shown(values)}`);
    }
  }
  const n = data.x.length;
  if (data.y.length !== n)
    throw new RangeError(`${prefix}: x and y must be equally long, got ${n} and ${data.y.length}`);
  if (n < 1 || n > MAX_POINTS) throw new RangeError(`${prefix}: needs 1 to ${MAX_POINTS} points, got ${n}`);
  for (const key of ['x', 'y'] as const) {
    const values = data[key];
    for (let i = 0; i < n; i++) {
      const v: unknown = values[i];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new RangeError(`${prefix}: ${key}[${i}] must be a finite number, got ${shown(v)}`);
    }
  }
}

/** 1 to MAX_NETWORKS networks, and not more network × point cells than MAX_BATCH_CELLS. */
export function assertNetworkCount(networks: number, points: number): void {
  checkInteger('Untrainable batch', 'the number of networks', networks, 1, MAX_NETWORKS);
  if (networks * points > MAX_BATCH_CELLS) {
    throw new RangeError(`Untrainable batch: ${networks} networks × ${points} points exceeds ${MAX_BATCH_CELLS}`);
  }
}

/** One batch's shape: its number of networks (assertNetworkCount) on usable data (assertDataset). */
export function assertBatchShape(configs: readonly TrainConfig[], data: Dataset): void {
  if (!Array.isArray(configs))
    throw new RangeError(`Untrainable batch: configs must be an array, got ${shown(configs)}`);
  assertDataset(data);
  assertNetworkCount(configs.length, data.x.length);
}
