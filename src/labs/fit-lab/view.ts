/**
 * Glue between the Fit Lab's state and the plot builders: the training data for a setting, and a network's
 * components on the plot grid. Framework-free, so the Astro wrapper (build time) and the island share it.
 */
import { ACTIVATIONS } from '../../core/activations/registry';
import { components, meanSquaredError, predictAll, sumOfComponents } from '../../core/analysis/network';
import { compileTarget, TARGET_PRESETS, type CompiledTarget } from '../../core/data/targets';
import { trainingXs, type FitLabSettings } from '../../core/settings/fit-lab';
import type { Dataset, NetworkParams } from '../../core/train/types';
import type { FitComponent, FitPlotData, FitView } from '../../plots/fitPlot';
import { neuronLabels, PLOT_GRID, type NeuronState } from '../../shared/network-view';

export interface TrainingSetup {
  target: CompiledTarget;
  data: Dataset;
  targetOnGrid: number[];
}

/** The dataset for a setting. A bad custom target (refused earlier by settings) falls back to cos(x)+1. */
export function trainingSetup(settings: Pick<FitLabSettings, 'target'>): TrainingSetup {
  const xs = trainingXs();
  const compiled = compileTarget(settings.target, xs);
  const target: CompiledTarget = compiled.ok
    ? compiled.target
    : { spec: 'cos', text: TARGET_PRESETS.cos.text, f: TARGET_PRESETS.cos.f };
  return { target, data: { x: xs, y: xs.map(target.f) }, targetOnGrid: PLOT_GRID.map(target.f) };
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
): NetworkView {
  const comps = components(params, settings, PLOT_GRID);
  // The engine's dead flags win while training (same rule, float32 weights); otherwise recompute.
  const states = neuronLabels(params, settings, trainX).map((s, i) => (dead?.[i] ? 'dead' : s));
  const prediction = sumOfComponents(comps, params.b2, PLOT_GRID.length);
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
    grid: PLOT_GRID,
    points: setup.data,
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
