/** The hero's words: its dictionary section, and the sentences built from a network's numbers. */
import type { Dictionary } from '../../i18n';
import type { NetworkParams, RunStatus } from '../../core/train/types';
import type { FitPlotLabels } from '../../plots/fitPlot';
import { fill, formatNumber } from '../../shared/format';
import { heroMse, pieceFacts } from './view';

export type HeroText = Dictionary['hero'];

/** What the figure says in words: each neuron's step, the bias and how well the sum fits. */
export function heroSummary(t: HeroText, params: NetworkParams): string {
  const pieces = pieceFacts(params)
    .map((p, i) =>
      fill(t.plot.piece, {
        i: i + 1,
        direction: p.rising ? t.plot.rising : t.plot.falling,
        height: formatNumber(p.height),
        centre: p.centre === null ? t.plot.noCentre : formatNumber(p.centre),
      }),
    )
    .join('; ');
  return fill(t.plot.summary, { pieces, c: formatNumber(params.b2), mse: formatNumber(heroMse(params)) });
}

export function heroPlotLabels(t: HeroText, params: NetworkParams): FitPlotLabels {
  return {
    title: t.plot.title,
    desc: heroSummary(t, params),
    target: t.plot.target,
    prediction: t.plot.prediction,
    bias: t.plot.bias,
    neuronTag: (i) => String(i + 1),
    dead: t.plot.dead,
  };
}

/** What the hero shows: the run recorded at build time until it trains, then its own run. */
export type HeroPhase = Extract<RunStatus, 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'error'>;

export function heroStatusText(
  t: HeroText,
  s: { phase: HeroPhase; live: boolean; hydrated: boolean; epoch: number; epochs: number; loss: number | null },
  params: NetworkParams,
): string {
  const mse = formatNumber(heroMse(params));
  if (!s.hydrated) return fill(t.status.recorded, { epochs: s.epochs, mse });
  switch (s.phase) {
    case 'idle':
      return t.status.idle;
    case 'loading':
      return t.status.loading;
    case 'training':
      return fill(t.status.training, { epoch: s.epoch, epochs: s.epochs, loss: formatNumber(s.loss) });
    case 'paused':
      return fill(t.status.paused, { epoch: s.epoch });
    case 'done':
      return s.live ? fill(t.status.done, { epochs: s.epoch, mse }) : fill(t.status.recorded, { epochs: s.epoch, mse });
    case 'error':
      return t.status.failed;
  }
}
