/**
 * One configuration's histogram card: the SVG from `plots/histogram.ts`, its summary lines, and — once hydrated —
 * selectable bars that list their seeds, each linking to that exact run in the Fit Lab. Shared by the
 * precomputed figure and the live panel.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  formatEdge,
  histogramSvg,
  outcomeSwatchSvg,
  type BinOutcome,
  type HistogramMarker,
} from '../../plots/histogram';
import { fill } from '../../shared/format';

export interface CardLabels {
  xAxis: string;
  yAxis: string;
  outcome: Record<BinOutcome, string>;
  bar: string;
  barHint: string;
  binSeedsTitle: string;
  openSeed: string;
  closeList: string;
  more: string;
}

export interface CardData {
  id: string;
  heading: string;
  title: string;
  desc: string;
  counts: readonly number[];
  outcomes: readonly BinOutcome[];
  markers: readonly HistogramMarker[];
  lines: readonly string[];
  /** Seeds in each bin. */
  binSeeds: readonly (readonly number[])[];
  /** Fit Lab link with `{seed}` in place of the seed. */
  hrefTemplate: string;
}

interface Props {
  data: CardData;
  edges: readonly number[];
  labels: CardLabels;
  idPrefix: string;
  width?: number;
  height?: number;
}

const MAX_LISTED = 300;

export function HistogramCard({ data, edges, labels, idPrefix, width = 320, height = 180 }: Props) {
  const [selected, setSelected] = useState<number | null>(null);
  // Bars become buttons only once the island runs: without JavaScript they would be controls that do nothing.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const svg = useMemo(
    () =>
      histogramSvg(
        { edges, counts: data.counts, outcomes: data.outcomes, markers: data.markers, selected, interactive: live },
        { width, height, idPrefix },
        {
          title: data.title,
          desc: data.desc,
          xAxis: labels.xAxis,
          yAxis: labels.yAxis,
          outcome: labels.outcome,
          bar: (lo, hi, count) => fill(labels.bar, { lo, hi, count }),
        },
      ),
    [data, edges, labels, selected, live, width, height, idPrefix],
  );

  const pick = (target: EventTarget | null) => {
    const bar = target instanceof Element ? target.closest('[data-bin]') : null;
    if (!bar) return;
    const k = Number(bar.getAttribute('data-bin'));
    if ((data.counts[k] ?? 0) > 0) setSelected((s) => (s === k ? null : k));
  };
  const seeds = selected === null ? [] : (data.binSeeds[selected] ?? []);

  return (
    <div class="seeds-card" data-config={data.id} data-runs={data.counts.reduce((a, b) => a + b, 0)}>
      <p class="seeds-card__heading">{data.heading}</p>
      <div
        class="seeds-card__plot"
        onClick={(e) => pick(e.target)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            pick(e.target);
          }
        }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <ul class="seeds-card__lines">
        {data.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {selected !== null && seeds.length > 0 ? (
        <div
          class="seeds-card__list"
          data-bin-list={selected}
          role="region"
          aria-label={fill(labels.binSeedsTitle, {
            heading: data.heading,
            lo: formatEdge(edges[selected]!),
            hi: formatEdge(edges[selected + 1]!),
            count: seeds.length,
          })}
        >
          <p class="seeds-card__list-title">
            {fill(labels.binSeedsTitle, {
              heading: data.heading,
              lo: formatEdge(edges[selected]!),
              hi: formatEdge(edges[selected + 1]!),
              count: seeds.length,
            })}{' '}
            <button type="button" class="seeds-card__close" onClick={() => setSelected(null)}>
              {labels.closeList}
            </button>
          </p>
          <ul class="seeds-card__seeds">
            {seeds.slice(0, MAX_LISTED).map((seed) => (
              <li key={seed}>
                <a
                  href={data.hrefTemplate.replace('{seed}', String(seed))}
                  aria-label={fill(labels.openSeed, { seed })}
                  data-seed={seed}
                >
                  {seed}
                </a>
              </li>
            ))}
          </ul>
          {seeds.length > MAX_LISTED ? <p>{fill(labels.more, { n: seeds.length - MAX_LISTED })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/** What the fills and patterns mean, once per figure: colour is never the only cue. */
export function OutcomeLegend({ labels, idPrefix }: { labels: CardLabels; idPrefix: string }) {
  const outcomes: BinOutcome[] = ['good', 'plateau', 'line'];
  return (
    <ul class="seeds-legend">
      {outcomes.map((o) => (
        <li key={o}>
          <span dangerouslySetInnerHTML={{ __html: outcomeSwatchSvg(o, `${idPrefix}-${o}`) }} /> {labels.outcome[o]}
        </li>
      ))}
    </ul>
  );
}
