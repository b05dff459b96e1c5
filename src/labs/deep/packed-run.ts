/** The recorded deep run as the page carries it to the island: losses and gradient norms as strings (see packed-series). */
import { packSeries, unpackSeries } from '../../shared/packed-series';
import type { DeepNetworkView, DeepRunView } from './view';

type PackedNetwork = Omit<DeepNetworkView, 'losses' | 'grads'> & { losses: string; grads: string[] };
export type PackedDeepRun = Omit<DeepRunView, 'networks'> & { networks: PackedNetwork[] };

export function packDeepRun(run: DeepRunView): PackedDeepRun {
  return {
    ...run,
    networks: run.networks.map((n) => ({ ...n, losses: packSeries(n.losses), grads: n.grads.map(packSeries) })),
  };
}

export function unpackDeepRun(run: PackedDeepRun): DeepRunView {
  return {
    ...run,
    networks: run.networks.map((n) => ({ ...n, losses: unpackSeries(n.losses), grads: n.grads.map(unpackSeries) })),
  };
}
