/**
 * The hero's network and what it draws: the seed experiment (two sigmoid neurons learn y = cos x + 1 with the site's
 * default training), its plot data — each neuron's component vᵢ·σ(wᵢx + bᵢ), the output bias c and their sum — and
 * the numbers its text alternative reads out. Framework-free: the build-time figure, the island and the recording
 * script share it.
 */
import { centres, components, meanSquaredError, predictAll } from '../../core/analysis/network';
import { seedDataset } from '../../core/data/dataset';
import { DEFAULT_TARGET, TARGET_PRESETS } from '../../core/data/targets';
import { DEFAULT_SETTINGS, toTrainConfig } from '../../core/settings/fit-lab';
import type { Dataset, NetworkParams, TrainConfig } from '../../core/train/types';
import type { FitPlotData } from '../../plots/fitPlot';
import { neuronLabels, PLOT_GRID } from '../../shared/network-view';

/** The seed experiment exactly as the Fit Lab starts: Dense(2, sigmoid) → Dense(1), Adam 0.04, 300 epochs, seed 0. */
export const HERO_CONFIG: Readonly<TrainConfig> = Object.freeze(toTrainConfig(DEFAULT_SETTINGS));
export const HERO_DATA: Dataset = seedDataset();

const ACTIVATION = { activation: HERO_CONFIG.activation, activationParams: HERO_CONFIG.activationParams };
const TARGET_ON_GRID = PLOT_GRID.map((x) => TARGET_PRESETS[DEFAULT_TARGET].f(x));

export function heroPlotData(params: NetworkParams): FitPlotData {
  const parts = components(params, ACTIVATION, PLOT_GRID);
  const states = neuronLabels(params, ACTIVATION, HERO_DATA.x);
  const centre = centres(params);
  return {
    grid: PLOT_GRID,
    points: HERO_DATA,
    target: TARGET_ON_GRID,
    prediction: predictAll(params, ACTIVATION, PLOT_GRID),
    components: parts.map((y, i) => ({ y, centre: centre[i] ?? null, state: states[i]! })),
    bias: params.b2,
    view: 'components',
  };
}

export function heroMse(params: NetworkParams): number {
  return meanSquaredError(predictAll(params, ACTIVATION, HERO_DATA.x), HERO_DATA.y);
}

/** One neuron's piece as words need it: where its step is centred, which way it goes, and how tall it is. */
export interface PieceFacts {
  centre: number | null;
  /** The step climbs (left to right) when v·w > 0. */
  rising: boolean;
  /** v, the height of the step (negative: turned upside down). */
  height: number;
}

export function pieceFacts(params: NetworkParams): PieceFacts[] {
  const centre = centres(params);
  return params.w1.map((w, i) => ({
    centre: centre[i] ?? null,
    rising: w * params.w2[i]! > 0,
    height: params.w2[i]!,
  }));
}
