/**
 * The deep demo's view of a run, as plain data: what the island draws, what the build-time CLI records into
 * figures.json, and where the prose's numbers (DeepStat) come from. Updates from the engine fold in with
 * `applyDeepUpdate`; nothing here knows about tfjs, Preact or the DOM.
 */
import type { HiddenActivationId } from '../../core/activations/types';
import { quantile } from '../../core/analysis/network';
import { gradientRatio } from '../../core/analysis/deep-stats';
import type { DeepNetworkSnapshot, DeepUpdate } from '../../core/train/deep-types';
import type { DeepSettings } from './settings';
import type { RunStatus } from '../../core/train/types';

export interface DeepNetworkView {
  activation: HiddenActivationId;
  /** [epoch, loss] for every epoch trained. */
  losses: Array<[number, number]>;
  /** grads[l] = [epoch, ‖∂L/∂W_l‖] per snapshot, hidden layer l (input side first). */
  grads: Array<Array<[number, number]>>;
  /** The snapshot at epoch 0 (shared weights) and the latest one. */
  start: DeepNetworkSnapshot | null;
  current: DeepNetworkSnapshot | null;
}

export interface DeepRunView {
  /** The settings the run was made with (a view is only shown for the settings it belongs to). */
  layers: number;
  epochs: number;
  epoch: number;
  status: RunStatus;
  divergedAt: number | null;
  networks: DeepNetworkView[];
}

export function emptyDeepView(s: Readonly<DeepSettings>): DeepRunView {
  return {
    layers: s.layers,
    epochs: s.epochs,
    epoch: 0,
    status: 'idle',
    divergedAt: null,
    networks: s.activations.map((activation) => ({
      activation,
      losses: [],
      grads: Array.from({ length: s.layers }, () => []),
      start: null,
      current: null,
    })),
  };
}

export function applyDeepUpdate(view: DeepRunView, u: DeepUpdate): DeepRunView {
  const diverged = u.divergedAt.filter((d): d is number => d !== null);
  return {
    ...view,
    epoch: u.epoch,
    divergedAt: diverged.length > 0 ? Math.min(...diverged) : view.divergedAt,
    networks: view.networks.map((n, s) => {
      const snap = u.networks[s];
      if (!snap) return n;
      const losses = u.losses[s] ?? [];
      return {
        ...n,
        losses: [...n.losses, ...losses.map((l, k): [number, number] => [u.epoch - losses.length + 1 + k, l])],
        grads: n.grads.map((series, l) => [...series, [u.epoch, snap.layers[l]?.gradW ?? NaN] as [number, number]]),
        start: u.epoch === 0 ? snap : n.start,
        current: snap,
      };
    }),
  };
}

/** Every gradient value of a view (for one shared log scale across the side-by-side panels). */
export function allGradients(view: DeepRunView): number[] {
  return view.networks.flatMap((n) => n.grads.flatMap((s) => s.map((p) => p[1])));
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

/**
 * Numbers the prose may quote, keyed "<activation>.<stat>": first/last hidden-layer gradient ratio at the start,
 * at the end and its median over the run; final loss; dead and saturated shares (all hidden units, and the worst
 * layer) at the end.
 */
export function deepStats(view: DeepRunView): Record<string, number> {
  const out: Record<string, number> = { layers: view.layers, epochs: view.epochs };
  for (const n of view.networks) {
    const a = n.activation;
    const ratios = n.grads[0]?.map((p, k) => p[1] / (n.grads[n.grads.length - 1]?.[k]?.[1] ?? NaN)) ?? [];
    out[`${a}.ratioStart`] = n.start ? gradientRatio(n.start.layers) : NaN;
    out[`${a}.ratioEnd`] = n.current ? gradientRatio(n.current.layers) : NaN;
    out[`${a}.ratioMedian`] = quantile(ratios.filter(Number.isFinite), 0.5);
    out[`${a}.finalLoss`] = n.losses[n.losses.length - 1]?.[1] ?? NaN;
    const layers = n.current?.layers ?? [];
    out[`${a}.deadShare`] = mean(layers.map((l) => l.dead));
    out[`${a}.deadMax`] = layers.length ? Math.max(...layers.map((l) => l.dead)) : NaN;
    out[`${a}.saturatedShare`] = mean(layers.map((l) => l.saturated));
    out[`${a}.deadAtStart`] = mean((n.start?.layers ?? []).map((l) => l.dead));
  }
  return out;
}
