/**
 * The Fit Lab's plots as tables: the data points with the prediction and each component, and the loss curve (thinned
 * to at most `maxRows` rows, always keeping the last epoch). Cells are text as the page shows it.
 */
import { ACTIVATIONS } from '../../core/activations/registry';
import { neuronParams, type ActivationChoice } from '../../core/analysis/network';
import type { Dataset, NetworkParams } from '../../core/train/types';
import { formatNumber } from '../../shared/format';

/** One row per data point: x, y, ŷ (muted neurons left out), then vᵢ·φ(wᵢx + bᵢ) for each neuron. */
export function fitTableRows(
  params: NetworkParams,
  act: ActivationChoice,
  data: Dataset,
  muted: readonly boolean[] = [],
): string[][] {
  const f = ACTIVATIONS[act.activation].f;
  return data.x.map((x, k) => {
    const parts = params.w1.map((w, i) => params.w2[i]! * f(w * x + params.b1[i]!, neuronParams(params, act, i)));
    const prediction = parts.reduce((s, p, i) => s + (muted[i] ? 0 : p), params.b2);
    return [x, data.y[k]!, prediction, ...parts].map((v) => formatNumber(v));
  });
}

/** The step between the loss rows shown: 1, or more so that at most `maxRows` rows (plus the last) are shown. */
export function lossTableStep(count: number, maxRows = 100): number {
  return count <= maxRows ? 1 : Math.ceil(count / maxRows);
}

/** [epoch, loss] rows: every `step`-th recorded epoch, and the last one. */
export function lossTableRows(history: ReadonlyArray<readonly [number, number]>, maxRows = 100): string[][] {
  const step = lossTableStep(history.length, maxRows);
  const rows: string[][] = [];
  history.forEach(([epoch, loss], k) => {
    if (k % step === 0 || k === history.length - 1) rows.push([String(epoch), formatNumber(loss, 4)]);
  });
  return rows;
}
