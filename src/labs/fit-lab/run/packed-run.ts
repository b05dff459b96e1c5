/** A recorded run as the page carries it to the island: its loss history as one string (see packed-series). */
import { packSeries, unpackSeries } from '../../../shared/packed-series';
import type { StaticRun } from './run-state';

export type PackedStaticRun = Omit<StaticRun, 'history'> & { history: string };

export function packStaticRun(run: StaticRun): PackedStaticRun {
  const { params, epoch, dead, deadSince, gradNorm, status, divergedAt } = run;
  return { params, history: packSeries(run.history), epoch, dead, deadSince, gradNorm, status, divergedAt };
}

export function unpackStaticRun(run: PackedStaticRun): StaticRun {
  return { ...run, history: unpackSeries(run.history) };
}
