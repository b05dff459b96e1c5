/**
 * One activation's panel: gradient size per layer over the epochs (log), the layers' pre-activation histograms at
 * the current epoch, the loss, and the same numbers as a table (the figures' text alternative).
 */
import { PREACT_RANGE } from '../../core/train/deep-types';
import { layerGradientSvg } from '../../plots/layerGradientPlot';
import { lossPlotSvg } from '../../plots/lossPlot';
import { preactivationSvg } from '../../plots/preactivationPlot';
import type { DeepNetworkView } from './view';
import { layerNote, panelLabels, ratioText, type DeepText } from './text';
import { fill, formatNumber, formatPercent } from '../../shared/format';

export const PANEL_WIDTH = 320;
export const GRAD_HEIGHT = 170;
export const LOSS_HEIGHT = 80;

interface Props {
  t: DeepText;
  id: string;
  network: DeepNetworkView;
  epoch: number;
  epochs: number;
  layers: number;
  divergedAt: number | null;
  /** Shared log domain of every panel's gradient plot. */
  domain: readonly [number, number];
}

export function DeepPanel({ t, id, network, epoch, epochs, layers, divergedAt, domain }: Props) {
  const labels = panelLabels(t, network, epoch);
  const current = network.current?.layers ?? [];
  const start = network.start?.layers ?? [];
  const first = current[0]?.gradW;
  const last = current[current.length - 1]?.gradW;
  const loss = network.losses[network.losses.length - 1]?.[1];
  const rows = current.length ? current : Array.from({ length: layers }, () => null);
  const grad = layerGradientSvg(
    { series: network.grads, epochs, domain },
    { width: PANEL_WIDTH, height: GRAD_HEIGHT, idPrefix: `${id}-grad` },
    labels.grad,
  );
  const pre = preactivationSvg(
    {
      rows: rows.map((l) => ({ hist: l?.hist ?? [], note: l ? layerNote(t, l.dead, l.saturated) : '' })),
      range: PREACT_RANGE,
    },
    { width: PANEL_WIDTH, height: 0, idPrefix: `${id}-pre` },
    labels.pre,
  );
  const lossSvg = lossPlotSvg(
    { history: network.losses, epochs, epoch, divergedAt },
    { width: PANEL_WIDTH, height: LOSS_HEIGHT, idPrefix: `${id}-loss` },
    labels.loss,
  );
  const caption = fill(t.table.caption, { name: labels.name, epoch, start: ratioText(network, 'start') });
  const dead = current.length ? current.reduce((a, l) => a + l.dead, 0) / current.length : 0;
  return (
    <div
      class="deep-panel"
      role="group"
      aria-label={labels.name}
      data-activation={network.activation}
      data-grad-first={first ?? ''}
      data-grad-last={last ?? ''}
      data-dead={dead}
      data-loss={loss ?? ''}
    >
      <p class="deep-panel__name">
        <strong>{labels.name}</strong>
        <span>{fill(t.ratio, { ratio: ratioText(network, 'current') })}</span>
        <span>{fill(t.finalLoss, { loss: formatNumber(loss) })}</span>
      </p>
      <div class="deep-panel__plot deep-panel__plot--grad" dangerouslySetInnerHTML={{ __html: grad }} />
      <div class="deep-panel__plot" dangerouslySetInnerHTML={{ __html: pre }} />
      <div class="deep-panel__plot deep-panel__plot--loss" dangerouslySetInnerHTML={{ __html: lossSvg }} />
      <details class="deep-panel__numbers">
        <summary>{t.showTable}</summary>
        <div class="deep-table" role="region" aria-label={caption} tabIndex={0}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.table.layer}</th>
                <th scope="col">{t.table.grad}</th>
                <th scope="col">{t.table.gradStart}</th>
                <th scope="col">{t.table.dead}</th>
                <th scope="col">{t.table.saturated}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l, i) => (
                <tr key={i} data-layer={i + 1}>
                  <th scope="row">{i + 1}</th>
                  <td data-role="grad">{formatNumber(l?.gradW)}</td>
                  <td>{formatNumber(start[i]?.gradW)}</td>
                  <td>{l ? formatPercent(l.dead) : '—'}</td>
                  <td>{l ? formatPercent(l.saturated) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
