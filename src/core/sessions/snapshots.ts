/** Turning the trainer's raw readouts into the snapshots the islands draw. */
import { deadFlags } from '../analysis/network';
import type { Dataset, NetworkParams, Snapshot, TrainConfig } from '../train/types';
import type { BatchReadout, NetworkReadout } from '../engine/shallow-trainer';

/** One update of a run: a snapshot per network plus every epoch loss since the previous update. */
export interface RunUpdate {
  epoch: number;
  networks: Snapshot[];
  /** losses[s] = epoch losses of network s since the previous update (for loss curves). */
  losses: number[][];
  /** Per network: first epoch with a non-finite loss or weights, or null. */
  divergedAt: (number | null)[];
  /** With held-out points (the request's `test`): each network's MSE on them at `epoch` (test-loss.ts). */
  testLoss?: (number | null)[];
}

/** |∂L/∂w1ᵢ| + |∂L/∂b1ᵢ| + |∂L/∂w2ᵢ| (+ |∂L/∂αᵢ| for PReLU) per hidden neuron. */
export function gradientMagnitudes(grad: NetworkParams | null, hidden: number): number[] {
  if (!grad) return new Array<number>(hidden).fill(0);
  return grad.w1.map(
    (g, i) => Math.abs(g) + Math.abs(grad.b1[i]!) + Math.abs(grad.w2[i]!) + Math.abs(grad.alpha?.[i] ?? 0),
  );
}

export function toSnapshot(
  r: NetworkReadout,
  config: TrainConfig,
  data: Dataset,
  epoch: number,
  previousLoss: number,
): Snapshot {
  return {
    epoch,
    loss: r.losses.length > 0 ? r.losses[r.losses.length - 1]! : previousLoss,
    params: r.params,
    gradNorm: gradientMagnitudes(r.grad, config.hidden),
    dead: deadFlags(r.params, config, data.x),
  };
}

export function toUpdate(
  readout: BatchReadout,
  configs: readonly TrainConfig[],
  data: Dataset,
  previous: RunUpdate | null,
): RunUpdate {
  return {
    epoch: readout.epoch,
    networks: readout.networks.map((r, s) =>
      toSnapshot(r, configs[s]!, data, readout.epoch, previous?.networks[s]?.loss ?? NaN),
    ),
    losses: readout.networks.map((r) => r.losses),
    divergedAt: readout.networks.map((r) => r.divergedAt),
  };
}

/** True when any number in the parameters is NaN or infinite (never draw such a network). */
export function hasNonFinite(p: NetworkParams): boolean {
  return ![...p.w1, ...p.b1, ...p.w2, p.b2, ...(p.alpha ?? [])].every(Number.isFinite);
}
