/**
 * Initialisation schemes for Dense(H, φ) → Dense(1): how the kernels (w₁, w₂) are drawn and what constant the
 * hidden biases b₁ start at. Keras' names and limits:
 *   zeros           every kernel weight 0
 *   glorot_uniform  U(−L, L), L = √(6 / (fan_in + fan_out))   (Keras' default)
 *   he_uniform      U(−L, L), L = √(6 / fan_in)
 * Layer 1 has fan_in 1 and fan_out H; layer 2 fan_in H and fan_out 1. The output bias always starts at 0.
 *
 * The uniform schemes use the same random numbers in the same order (random.ts), scaled by their own limit, so
 * for one seed glorot and He weights have the same signs: switching the scheme changes sizes, never signs.
 */

export const KERNEL_INITS = ['zeros', 'glorot_uniform', 'he_uniform'] as const;
export type KernelInit = (typeof KERNEL_INITS)[number];

export interface InitSpec {
  kernel: KernelInit;
  /** Constant start value of every hidden bias b₁ᵢ. */
  hiddenBias: number;
}

/** Keras' defaults: glorot-uniform kernels, zero biases. */
export const DEFAULT_INIT: Readonly<InitSpec> = Object.freeze({ kernel: 'glorot_uniform', hiddenBias: 0 });

/** Hidden-bias values the settings and the command line accept (a start value, not a trained one). */
export const HIDDEN_BIAS_RANGE = { min: -1, max: 1 } as const;

/** A small positive start for ReLU biases, a common recipe against units that are dead from the start. */
export const SMALL_POSITIVE_BIAS = 0.1;

/** Short names for the command line (--init) and the address bar (init=): glorot, he, zeros. */
export const KERNEL_SHORT_NAMES: Readonly<Record<KernelInit, string>> = Object.freeze({
  zeros: 'zeros',
  glorot_uniform: 'glorot',
  he_uniform: 'he',
});

/** The scheme a short name stands for, or null (own keys only: "toString" is not a scheme). */
export function kernelFromShortName(name: string): KernelInit | null {
  return KERNEL_INITS.find((k) => KERNEL_SHORT_NAMES[k] === name) ?? null;
}

export function isKernelInit(value: unknown): value is KernelInit {
  return typeof value === 'string' && (KERNEL_INITS as readonly string[]).includes(value);
}

/** Keras' glorot-uniform limit √(6 / (fan_in + fan_out)). */
export function glorotLimit(fanIn: number, fanOut: number): number {
  return Math.sqrt(6 / (fanIn + fanOut));
}

/** Keras' he-uniform limit √(6 / fan_in). */
export function heLimit(fanIn: number): number {
  return Math.sqrt(6 / fanIn);
}

/** Half-width L of the uniform interval a scheme draws a layer's kernel from (0 for zeros). */
export function kernelLimit(kernel: KernelInit, fanIn: number, fanOut: number): number {
  switch (kernel) {
    case 'zeros':
      return 0;
    case 'glorot_uniform':
      return glorotLimit(fanIn, fanOut);
    case 'he_uniform':
      return heLimit(fanIn);
  }
}

/** The limits of both layers of Dense(H) → Dense(1). */
export function layerLimits(kernel: KernelInit, hidden: number): { w1: number; w2: number } {
  return { w1: kernelLimit(kernel, 1, hidden), w2: kernelLimit(kernel, hidden, 1) };
}

/** The spec in effect: the default when none is given, the default's parts where one is missing. */
export function resolveInit(init?: Partial<InitSpec>): InitSpec {
  return { kernel: init?.kernel ?? DEFAULT_INIT.kernel, hiddenBias: init?.hiddenBias ?? DEFAULT_INIT.hiddenBias };
}

export function isDefaultInit(init?: Partial<InitSpec>): boolean {
  const r = resolveInit(init);
  return r.kernel === DEFAULT_INIT.kernel && r.hiddenBias === DEFAULT_INIT.hiddenBias;
}

/**
 * Engine-level check: a known scheme and a finite bias (the narrower HIDDEN_BIAS_RANGE is the UI's policy; the
 * settings parsers give readers localized messages before anything gets this far).
 */
export function assertValidInit(init: Partial<InitSpec> | undefined): void {
  if (init === undefined) return;
  const r = resolveInit(init);
  if (!isKernelInit(r.kernel) || typeof r.hiddenBias !== 'number' || !Number.isFinite(r.hiddenBias)) {
    throw new RangeError(`Unknown initialisation: ${JSON.stringify(init)}`);
  }
}

/** A short stable id for a configuration of the init study: `he_uniform+0.1`. */
export function initId(init: InitSpec): string {
  return `${init.kernel}+${init.hiddenBias}`;
}
