/** The fit plot's words: its title, its text alternative (every component in numbers) and its legend. */
import type { FitLabSettings } from '../../../core/settings/fit-lab';
import type { NetworkParams } from '../../../core/train/types';
import type { Dictionary } from '../../../i18n';
import type { FitComponent, FitPlotLabels } from '../../../plots/fitPlot';
import { fill, formatNumber } from '../../../shared/format';
import type { TrainingSetup } from '../view';

interface Shown {
  settings: FitLabSettings;
  setup: TrainingSetup;
  params: NetworkParams;
  components: readonly FitComponent[];
  /** The activation's name in the page's language. */
  activation: string;
  bandTitle(i: number): string;
}

export function fitPlotLabels(t: Dictionary['fitLab'], s: Shown): FitPlotLabels {
  const { settings, setup, params } = s;
  const componentText = s.components
    .map((c, i) =>
      fill(t.plot.component, {
        i: i + 1,
        v: formatNumber(params.w2[i]),
        w: formatNumber(params.w1[i]),
        b: formatNumber(params.b1[i]),
        centre: c.centre === null ? t.card.noCentre : formatNumber(c.centre),
        state: t.states[c.state],
      }),
    )
    .join(' ');
  return {
    title: fill(t.plot.title, {
      target:
        settings.points !== null && setup.source === 'points'
          ? fill(t.own.title, { n: settings.points.length })
          : setup.target.text,
      hidden: settings.hidden,
      activation: s.activation,
    }),
    desc: fill(t.plot.summary, {
      c: formatNumber(params.b2),
      hidden: settings.hidden,
      components: componentText,
    }),
    target: t.plot.target,
    prediction: t.plot.prediction,
    bias: t.plot.bias,
    neuronTag: (i: number) => String(i + 1),
    dead: t.plot.dead,
    heldOut: t.own.heldOut,
    band: t.neurons.band,
    bandTitle: s.bandTitle,
  };
}
