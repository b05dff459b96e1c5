/**
 * Event markers on a loss-per-epoch plot: a dashed line at the epoch, a stretch (a plateau) as a pale band, and a
 * numbered badge just above the epoch axis whose shape says the kind (triangle: a neuron died, square: a plateau,
 * diamond: divergence), so neither colour nor position alone carries the meaning. Each marker has a <title> with
 * its full text and `data-epoch`, so the island can scrub to it when it is clicked.
 */
import type { ScaleLinear } from 'd3-scale';
import { attrs, esc, r2 } from './svg';

export type LossMarkerKind = 'died' | 'plateau' | 'diverged';

export interface LossMarker {
  kind: LossMarkerKind;
  /** The epoch the event happened (or a stretch began). */
  epoch: number;
  /** A stretch's last epoch (a plateau). */
  until?: number;
  /** Short tag on the badge: the event's number in the lab's list of events. */
  tag: string;
  /** The event in words (the marker's title). */
  title: string;
}

const BADGE = 7.5;
/** A badge's outline for each kind, centred on (0, 0) and within ±10 (the event list draws the same badges). */
export const MARKER_SHAPES: Readonly<Record<LossMarkerKind, string>> = {
  died: `M0,${BADGE + 1}L${-BADGE - 1.5},${-BADGE + 1}L${BADGE + 1.5},${-BADGE + 1}Z`,
  plateau: `M${-BADGE},${-BADGE}h${2 * BADGE}v${2 * BADGE}h${-2 * BADGE}Z`,
  diverged: `M0,${-BADGE - 2}L${BADGE + 2},0L0,${BADGE + 2}L${-BADGE - 2},0Z`,
};

/** The markers as SVG, for the plot area whose x scale is `x` and whose vertical extent is y1 (top) … y0 (axis). */
export function lossMarkersSvg(
  markers: readonly LossMarker[],
  x: ScaleLinear<number, number>,
  y0: number,
  y1: number,
): string {
  if (markers.length === 0) return '';
  const [xMin, xMax] = x.range() as [number, number];
  const px = (epoch: number) => r2(Math.max(xMin, Math.min(xMax, x(epoch))));
  let bands = '';
  let body = '';
  // Badges closer than two badge widths stack upwards, so events of the same epoch stay apart.
  let lastX = -Infinity;
  let level = 0;
  for (const m of [...markers].sort((a, b) => a.epoch - b.epoch)) {
    const cx = px(m.epoch);
    level = cx - lastX < 2 * BADGE + 2 ? level + 1 : 0;
    lastX = cx;
    const cy = r2(y0 - BADGE - 3 - level * (2 * BADGE + 3));
    if (m.until !== undefined && m.until > m.epoch)
      bands += `<rect class="fl-event-band" x="${cx}" y="${y1}" width="${r2(px(m.until) - cx)}" height="${r2(y0 - y1)}" fill="currentColor" fill-opacity="0.07"/>`;
    body += `<g${attrs({ 'data-role': 'event-marker', 'data-kind': m.kind, 'data-epoch': m.epoch, class: 'fl-event' })}>`;
    body += `<title>${esc(m.title)}</title>`;
    body += `<line x1="${cx}" x2="${cx}" y1="${y1}" y2="${y0}" stroke="currentColor" stroke-opacity="0.45" stroke-dasharray="1 3"/>`;
    body += `<g transform="translate(${cx},${cy})"><path d="${MARKER_SHAPES[m.kind]}" class="fl-event-badge" fill="#fff" stroke="currentColor" stroke-width="1.25"/>`;
    body += `<text text-anchor="middle" dy="0.35em" font-size="9" font-weight="700" fill="currentColor">${esc(m.tag)}</text></g></g>`;
  }
  return `<g class="fl-events">${bands}${body}</g>`;
}
