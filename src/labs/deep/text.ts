/** Words for the deep demo: refusal notices and the labels (titles, descriptions) of each panel's figures. */
import type { Dictionary } from '../../i18n';
import { shortNameOf } from '../../core/activations/registry';
import { gradientRatio } from '../../core/analysis/deep-stats';
import { DEEP, type DeepRefusal } from './settings';
import type { DeepNetworkView } from './view';
import { fill, formatNumber, formatPercent } from '../../shared/format';

export type DeepText = Dictionary['deepLab'];

export function deepRefusalMessage(t: DeepText, r: DeepRefusal): string {
  const param = `${t[DEEP.labelOf(r.param) as keyof typeof DEEP.fields]} (${r.param})`;
  return fill(t.refusal[r.reason], { param, value: r.value, detail: r.detail ?? '' });
}

/** The note written next to a layer's histogram: its dead or saturated share, when there is one. */
export function layerNote(t: DeepText, dead: number, saturated: number): string {
  if (dead > 0) return fill(t.deadNote, { share: formatPercent(dead) });
  if (saturated > 0) return fill(t.saturatedNote, { share: formatPercent(saturated) });
  return '';
}

/** Ratio of the first to the last hidden layer's gradient size, for people ("8.36e−4"). */
export function ratioText(n: DeepNetworkView, at: 'start' | 'current'): string {
  const snap = at === 'start' ? n.start : n.current;
  return snap ? formatNumber(gradientRatio(snap.layers)) : '—';
}

export function panelLabels(t: DeepText, n: DeepNetworkView, epoch: number) {
  const name = shortNameOf(n.activation);
  const layers = n.current?.layers ?? [];
  return {
    name,
    grad: {
      title: fill(t.gradTitle, { name }),
      desc: fill(t.gradDesc, {
        epoch,
        values: layers.map((l, i) => fill(t.gradValue, { l: i + 1, value: formatNumber(l.gradW) })).join(', '),
      }),
      epoch: t.epochAxis,
      gradient: t.gradAxis,
    },
    pre: {
      title: fill(t.preTitle, { name, epoch }),
      desc: fill(t.preDesc, {
        rows: layers
          .map((l, i) => {
            const note = layerNote(t, l.dead, l.saturated);
            return fill(t.preRow, {
              l: i + 1,
              median: formatNumber(l.quantiles[3]),
              p10: formatNumber(l.quantiles[1]),
              p90: formatNumber(l.quantiles[5]),
              note: note ? `, ${note}` : '',
            });
          })
          .join(' '),
      }),
      axis: t.preAxis,
      layer: (l: number) => String(l),
    },
    loss: {
      title: fill(t.lossTitle, { name }),
      desc: fill(t.lossDesc, { epoch, loss: formatNumber(n.losses[n.losses.length - 1]?.[1]) }),
      epoch: t.epochAxis,
      loss: t.lossAxis,
    },
  };
}
