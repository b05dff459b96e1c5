/**
 * Seeded Gaussian noise on training targets: y + σ·z with z standard normal, one z per point in the data's order.
 * The draws come from their own stream of the run's seed, apart from the initial weights' and the shuffles'
 * (random.ts uses streams 1 and 2), so adding noise never changes where a run starts or how it visits points,
 * and the same seed always gives the same noise.
 */
import { createRng, type Rng } from '../train/random';

export const NOISE_STREAM = 3;
/** σ above this buries every target shown on the site (their spans are a few units). */
export const MAX_NOISE = 10;

/** One standard normal draw (Box–Muller, cosine branch: two uniforms per draw, so draw k never depends on σ). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]: the logarithm stays finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** `y` with seeded noise of standard deviation σ added; σ = 0 returns the values themselves, unchanged. */
export function addNoise(y: readonly number[], sigma: number, seed: number): number[] {
  if (!(sigma >= 0 && sigma <= MAX_NOISE)) throw new RangeError(`noise σ must be from 0 to ${MAX_NOISE}, got ${sigma}`);
  if (sigma === 0) return [...y];
  const rng = createRng(seed, NOISE_STREAM);
  return y.map((v) => v + sigma * standardNormal(rng));
}
