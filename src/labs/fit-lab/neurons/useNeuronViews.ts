/**
 * Everything the Fit Lab shows per neuron, derived from the moment on show (`shown`): which neuron is lit up, which
 * are muted (and the sum and error without them), where each can still learn, the live formula and the caption.
 * The island keeps one call to this and spreads its pieces into the views.
 */
import { useMemo, useState } from 'preact/hooks';
import { learningIntervals } from '../../../core/analysis/learning-bands';
import type { FitLabSettings } from '../../../core/settings/fit-lab';
import type { Dictionary } from '../../../i18n';
import { componentNear, type FitPlotData, type PlotSize } from '../../../plots/fitPlot';
import type { NeuronState } from '../../../shared/network-view';
import { fill, formatNumber } from '../../../shared/format';
import { fitCaption, listText } from './caption';
import type { ShownRun } from '../timeline/timeline';
import { networkFormula } from './formula';
import { fitError, mutedList, mutedOf, neuronPlotData, toggleMute, toggleSolo } from './neurons';
import { useActiveNeuron } from './useActiveNeuron';
import type { TrainingSetup } from '../view';

export function useNeuronViews(
  t: Dictionary['fitLab'],
  shown: ShownRun,
  settings: FitLabSettings,
  setup: TrainingSetup,
  states: readonly NeuronState[],
) {
  const neuron = useActiveNeuron();
  const [kept, setMuted] = useState<boolean[]>([]);
  const n = shown.params.w1.length;
  const muted = mutedOf(kept, n);
  const mutedKey = mutedList(muted);
  const act = { activation: settings.activation, activationParams: settings.activationParams };
  const actKey = JSON.stringify(act);

  const bands = useMemo(() => learningIntervals(shown.params, act, setup.data.x), [shown.params, actKey, setup]);
  const error = useMemo(() => fitError(shown.params, act, setup.data, muted), [shown.params, actKey, setup, mutedKey]);
  const fullMse = useMemo(
    () => (mutedKey === '' ? (error?.mse ?? null) : (fitError(shown.params, act, setup.data)?.mse ?? null)),
    [shown.params, actKey, setup, mutedKey, error],
  );
  const formula = useMemo(
    () => networkFormula(shown.params, settings.activation, muted),
    [shown.params, settings.activation, mutedKey],
  );
  const xs = setup.data.x;
  const caption = fitCaption(
    {
      activation: settings.activation,
      params: shown.params,
      states,
      deadSince: shown.deadSince,
      muted,
      xRange: [Math.min(...xs), Math.max(...xs)],
      error,
    },
    t.caption,
  );

  return {
    neuron,
    muted,
    bands,
    error,
    fullMse,
    formula,
    caption,
    /** A learning band's title: where neuron i (0-based) can still learn, or that it can nowhere. */
    bandTitle: (i: number) => {
      const runs = bands[i] ?? [];
      if (runs.length === 0) return fill(t.neurons.bandNone, { i: i + 1 });
      const ranges = runs.map(([a, b]) => `[${formatNumber(a, 2)}, ${formatNumber(b, 2)}]`);
      return fill(t.neurons.bandTitle, { i: i + 1, ranges: listText(ranges, t.caption) });
    },
    mute: (i: number) => setMuted((m) => toggleMute(m, i, n)),
    solo: (i: number) => setMuted((m) => toggleSolo(m, i, n)),
    /** The lab root's attributes: the lit-up neuron (1-based) and the muted ones ("" when none). */
    rootAttrs: { 'data-active-neuron': neuron.active ?? undefined, 'data-muted': mutedKey },
    /** The plot's data with neurons numbered from 1, muted ones left out of the sum, and learning bands. */
    plotData: (data: FitPlotData) => neuronPlotData(data, shown.params.b2, muted, bands),
    /** Pointer handlers for the plot: the component under the pointer lights up. */
    plotHover: (data: FitPlotData, size: PlotSize) => ({
      onPointerMove: (e: PointerEvent) => {
        const target = e.target as Element;
        // A manual handle lights its own neuron up (it is on top of the curves).
        if (target.closest?.('.fitlab__handle')) return;
        const svg = (e.currentTarget as HTMLElement).querySelector('svg');
        if (!svg) return;
        const box = svg.getBoundingClientRect();
        const px = ((e.clientX - box.left) / box.width) * size.width;
        const py = ((e.clientY - box.top) / box.height) * size.height;
        const i = componentNear(data, size, px, py);
        neuron.set(i === null ? null : i + 1);
      },
      onPointerLeave: () => neuron.set(null),
    }),
  };
}

export type NeuronViews = ReturnType<typeof useNeuronViews>;
