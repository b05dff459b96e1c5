/**
 * Glue between the Fit Lab's state and the plot builders: the training data for a setting, and a network's
 * components on the plot grid. Framework-free, so the Astro wrapper (build time) and the island share it.
 */
import { ACTIVATIONS } from '../../core/activations/registry';
import { components, meanSquaredError, predictAll, sumOfComponents } from '../../core/analysis/network';
import { gridFor } from '../../core/data/plot-range';
import type { CompiledTarget } from '../../core/data/targets';
import { toTrainingData, type DataSettings, type FitLabSettings } from '../../core/settings/fit-lab';
import type { Dataset, NetworkParams } from '../../core/train/types';
import type { FitComponent, FitPlotData, FitView } from '../../plots/fitPlot';
import { neuronLabels, PLOT_GRID, type NeuronState } from '../../shared/network-view';

export interface TrainingSetup {
  target: CompiledTarget;
  /** Where the points come from: the target on the training inputs, or the reader's own points. */
  source: 'target' | 'points';
  /** The points the network trains on (noise included); its reported error is measured on these. */
  data: Dataset;
  /** The held-out points (empty without holdout): never trained on, scored by testMse. */
  test: Dataset;
  /** The plot's x grid: PLOT_GRID, widened when own points lie outside [0, 2π] (networkView's default too). */
  grid: readonly number[];
  /** The target on `grid` (NaN with own points, which have no curve to show). */
  targetOnGrid: number[];
}

/** The data for a setting (toTrainingData). A bad custom target (refused earlier by settings) falls back to cos(x)+1. */
export function trainingSetup(settings: Readonly<DataSettings>): TrainingSetup {
  const d = toTrainingData(settings);
  const grid = gridFor(d.train.x, PLOT_GRID);
  const targetOnGrid = d.source === 'points' ? grid.map(() => NaN) : grid.map(d.target.f);
  return { target: d.target, source: d.source, data: d.train, test: d.test, grid, targetOnGrid };
}

export interface NetworkView {
  components: FitComponent[];
  prediction: number[];
  states: NeuronState[];
}

/** Components vᵢ·φ(wᵢx+bᵢ) on the plot grid, their states on the training inputs, and the prediction. */
export function networkView(
  params: NetworkParams,
  settings: Pick<FitLabSettings, 'activation' | 'activationParams'>,
  trainX: readonly number[],
  dead?: readonly boolean[],
  grid: readonly number[] = gridFor(trainX, PLOT_GRID),
): NetworkView {
  const comps = components(params, settings, grid);
  // The engine's dead flags win while training (same rule, float32 weights); otherwise recompute.
  const states = neuronLabels(params, settings, trainX).map((s, i) => (dead?.[i] ? 'dead' : s));
  const prediction = sumOfComponents(comps, params.b2, grid.length);
  return {
    components: comps.map((y, i) => ({
      y,
      centre: params.w1[i] === 0 ? null : -params.b1[i]! / params.w1[i]!,
      state: states[i]!,
    })),
    prediction,
    states,
  };
}

export function plotData(
  setup: TrainingSetup,
  params: NetworkParams | null,
  view: NetworkView | null,
  mode: FitView,
): FitPlotData {
  return {
    grid: setup.grid,
    points: setup.data,
    test: setup.test,
    target: setup.targetOnGrid,
    prediction: view?.prediction ?? null,
    components: view?.components ?? [],
    bias: params?.b2 ?? null,
    view: mode,
  };
}

/** Mean squared error of the network over all training points (float64, on the main thread). */
export function finalMse(
  params: NetworkParams,
  settings: Pick<FitLabSettings, 'activation' | 'activationParams'>,
  data: Dataset,
): number {
  return meanSquaredError(predictAll(params, settings, data.x), data.y);
}

export function activationName(id: FitLabSettings['activation'], lang: 'en' | 'zh-cn'): string {
  return ACTIVATIONS[id].name[lang];
}
