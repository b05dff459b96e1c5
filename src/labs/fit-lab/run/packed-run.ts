/**
 * A recorded run as the page carries it to the island: the loss history as one string instead of an array of
 * [epoch, loss] pairs, which Astro serializes with a type tag around every number (~8 kB of props per Fit Lab,
 * ~2 kB as a string). Lossless: numbers are written in JavaScript's shortest round-trip form.
 */
import type { StaticRun } from './run-state';

export type PackedStaticRun = Omit<StaticRun, 'history'> & {
  /** Space-separated losses; a loss whose epoch is not the previous one + 1 (from 0) is written `epoch:loss`. */
  history: string;
};

export function packHistory(history: ReadonlyArray<readonly [number, number]>): string {
  let previous = 0;
  return history
    .map(([epoch, loss]) => {
      const token = epoch === previous + 1 ? String(loss) : `${epoch}:${loss}`;
      previous = epoch;
      return token;
    })
    .join(' ');
}

export function unpackHistory(packed: string): Array<[number, number]> {
  if (packed === '') return [];
  let previous = 0;
  return packed.split(' ').map((token) => {
    const colon = token.indexOf(':');
    const epoch = colon < 0 ? previous + 1 : Number(token.slice(0, colon));
    previous = epoch;
    return [epoch, Number(colon < 0 ? token : token.slice(colon + 1))];
  });
}

export function packStaticRun(run: StaticRun): PackedStaticRun {
  const { params, epoch, dead, deadSince, gradNorm, status, divergedAt } = run;
  return { params, history: packHistory(run.history), epoch, dead, deadSince, gradNorm, status, divergedAt };
}

export function unpackStaticRun(run: PackedStaticRun): StaticRun {
  return { ...run, history: unpackHistory(run.history) };
}
