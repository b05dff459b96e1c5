/**
 * Glue between the universal-approximation lab's state and the plot builders: the drawn curve's training data,
 * a network's components in centre order, the partial sum the slider shows, and the texts that go with them.
 * Framework-free, so the Astro wrapper (build time), the island and the figures CLI share it.
 */
import { centreOrder, partialSum } from '../../core/analysis/centre-order';
import { components, meanSquaredError, predictAll } from '../../core/analysis/network';
import { CONTROL_XS, drawnDataset, resample } from '../../core/data/drawn-target';
import { trainingXs } from '../../core/settings/fit-lab';
import type { HiddenActivationId } from '../../core/activations/types';
import { UNIVERSAL, type UniversalRefusal } from './settings';
import type { Dataset, NetworkParams } from '../../core/train/types';
import type { FitComponent, FitPlotData } from '../../plots/fitPlot';
import type { CentreMark } from '../../plots/universalPlots';
import { neuronLabels, PLOT_GRID } from '../../shared/network-view';
import type { Dictionary } from '../../i18n';
import { fill, formatNumber } from '../../shared/format';

export type UniversalText = Dictionary['universalLab'];

/** A finished run recorded at build time (src/labs/universal/generate-figures.ts), shown until the reader trains. */
export interface StaticUniversalRun {
  /** The settings it was trained with, as a canonical query. */
  query: string;
  params: NetworkParams;
  epoch: number;
  loss: number;
  finalMse: number;
}

export interface ShapeData {
  data: Dataset;
  targetOnGrid: number[];
}

export function shapeData(values: readonly number[]): ShapeData {
  return { data: drawnDataset(values, trainingXs()), targetOnGrid: resample(values, PLOT_GRID) };
}

export interface SortedView {
  /** Neuron indices in centre order. */
  order: number[];
  plot: FitPlotData;
  marks: CentreMark[];
}

/** The plot for slider position k: the k leftmost components, c plus them as the "prediction", all centres marked. */
export function sortedView(
  shape: ShapeData,
  params: NetworkParams,
  activation: HiddenActivationId,
  k: number,
): SortedView {
  const act = { activation, activationParams: {} };
  const order = centreOrder(params);
  const parts = components(params, act, PLOT_GRID);
  const states = neuronLabels(params, act, shape.data.x);
  const centre = (i: number) => (params.w1[i] === 0 ? null : -params.b1[i]! / params.w1[i]!);
  const shown: FitComponent[] = order.slice(0, k).map((i) => ({ y: parts[i]!, centre: centre(i), state: states[i]! }));
  const plot: FitPlotData = {
    grid: PLOT_GRID,
    points: shape.data,
    target: shape.targetOnGrid,
    prediction: partialSum(params, act, PLOT_GRID, order, k),
    components: shown,
    bias: params.b2,
    view: 'components',
  };
  const marks = order.map((i, rank) => ({ x: centre(i) ?? NaN, included: rank < k, neuron: i + 1 }));
  return { order, plot, marks };
}

export function mseOf(params: NetworkParams, activation: HiddenActivationId, data: Dataset): number {
  return meanSquaredError(predictAll(params, { activation }, data.x), data.y);
}

export function componentsText(t: UniversalText, params: NetworkParams, order: readonly number[], k: number): string {
  return order
    .slice(0, k)
    .map((i) => {
      const w = params.w1[i]!;
      return fill(t.plot.component, {
        i: i + 1,
        centre: w === 0 ? t.plot.noCentre : formatNumber(-params.b1[i]! / w),
        v: formatNumber(params.w2[i]),
        w: formatNumber(w),
        b: formatNumber(params.b1[i]),
      });
    })
    .join(' ');
}

export function centresText(t: UniversalText, params: NetworkParams, order: readonly number[]): string {
  const list = order
    .map((i) => `${i + 1} (${params.w1[i] === 0 ? t.plot.noCentre : formatNumber(-params.b1[i]! / params.w1[i]!)})`)
    .join(', ');
  return fill(t.centres, { list });
}

export function drawingDesc(t: UniversalText, values: readonly number[]): string {
  return fill(t.drawingDesc, {
    n: values.length,
    values: values.map((v, k) => `(${formatNumber(CONTROL_XS[k])}, ${formatNumber(v)})`).join(', '),
  });
}

export function pointText(t: UniversalText, values: readonly number[], k: number): string {
  return fill(t.pointText, { k: k + 1, n: values.length, x: formatNumber(CONTROL_XS[k]), y: formatNumber(values[k]) });
}

export function refusalText(t: UniversalText, r: UniversalRefusal): string {
  const key = UNIVERSAL.labelOf(r.param);
  const label = key && key in t ? `${t[key as 'units']} (${r.param})` : r.param;
  return fill(t.refusal[r.reason], { param: label, value: r.value, range: r.detail ?? '' });
}
