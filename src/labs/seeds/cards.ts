/**
 * From runs to a histogram card (CardData): used at build time for the precomputed figure and in the browser
 * by the live panel, so both draw the same bins, markers and summary lines.
 */
import type { Dictionary, Lang } from '../../i18n';
import { ACTIVATIONS } from '../../core/activations/registry';
import type { HiddenActivationId } from '../../core/activations/types';
import { binMembers } from '../../core/analysis/seed-bins';
import { binOutcomes, histogramCounts, summarizeConfig, type SeedRun } from '../../core/analysis/seed-stats';
import type { HistogramMarker } from '../../plots/histogram';
import type { CardData, CardLabels } from './HistogramCard';
import { activationLabel, fill, formatMse, formatShare } from '../../shared/format';

export type SeedsText = Dictionary['seeds'];

export interface CardContext {
  edges: readonly number[];
  lineMse: number;
  monotoneBound: number;
  lang: Lang;
  t: SeedsText;
  /** Fit Lab query prefix for this activation and H, ending just before the seed value. */
  hrefTemplate: string;
}

export function cardLabels(t: SeedsText): CardLabels {
  return {
    xAxis: t.xAxis,
    yAxis: t.yAxis,
    outcome: { ...t.outcome },
    bar: t.bar,
    barHint: t.barHint,
    binSeedsTitle: t.binSeedsTitle,
    openSeed: t.openSeed,
    closeList: t.closeList,
    more: t.more,
  };
}

export function configHeading(activation: HiddenActivationId, hidden: number, lang: Lang, t: SeedsText): string {
  const h = hidden === 1 ? t.hiddenCountOne : fill(t.hiddenCount, { h: hidden });
  return `${activationLabel(activation, lang)} · ${h}`;
}

export function buildCard(
  id: string,
  activation: HiddenActivationId,
  hidden: number,
  runs: readonly SeedRun[],
  ctx: CardContext,
): CardData {
  const { edges, lineMse, lang, t } = ctx;
  const mses = runs.map((r) => r.finalMse);
  const s = summarizeConfig(runs, lineMse);
  const pct = (v: number) => formatShare(v, lang);
  const heading = configHeading(activation, hidden, lang, t);
  const markers: HistogramMarker[] = [
    { value: 0.01, label: t.markerGood, kind: 'threshold' },
    { value: 0.9 * lineMse, label: t.markerLine, kind: 'threshold' },
  ];
  // The bound limits monotone units only; one Gaussian or sine neuron can go below it.
  if (hidden === 1 && ACTIVATIONS[activation].facts.monotonic)
    markers.push({ value: ctx.monotoneBound, label: t.markerBound, kind: 'bound' });
  const stats = {
    median: formatMse(s.medianMse),
    p10: formatMse(s.p10Mse),
    p90: formatMse(s.p90Mse),
    good: pct(s.goodFitShare),
    plateau: pct(s.plateauShare),
    line: pct(s.straightLineShare),
  };
  const lines = [fill(t.summaryLine, stats), fill(t.sharesLine, stats)];
  if (activation === 'leaky_relu')
    lines.push(fill(t.negativeLine, { start: pct(s.negativeAtInitShare), end: pct(s.negativeAtEndShare) }));
  else if (s.deadAtInitShare > 0 || s.deadAtEndShare > 0 || activation === 'relu')
    lines.push(fill(t.deadLine, { start: pct(s.deadAtInitShare), end: pct(s.deadAtEndShare) }));
  const members = binMembers(
    mses.map((m) => (Number.isFinite(m) ? m : edges[edges.length - 1]! * 0.999)),
    edges,
  );
  return {
    id,
    heading,
    title: fill(t.figureTitle, { name: heading, n: runs.length }),
    desc: fill(t.figureDesc, stats),
    counts: histogramCounts(mses, edges),
    outcomes: binOutcomes(edges, lineMse),
    markers,
    lines,
    binSeeds: members.map((m) => m.map((i) => runs[i]!.seed)),
    hrefTemplate: ctx.hrefTemplate,
  };
}

/**
 * Island props are serialised into the page, and 13 × 1,000 seed numbers in Astro's format weigh ~100 kB. So the
 * figure sends, per card, one character per run (its bin, as a char code from '0'), runs being seeds from…from+n−1.
 */
export interface PackedCard extends Omit<CardData, 'binSeeds'> {
  firstSeed: number;
  bins: string;
}

export function packCard(card: CardData, seeds: readonly number[]): PackedCard {
  const first = seeds[0] ?? 0;
  if (seeds.some((s, i) => s !== first + i)) throw new Error(`packCard: seeds of ${card.id} are not consecutive`);
  const bins = new Array<string>(seeds.length).fill('0');
  card.binSeeds.forEach((members, k) => members.forEach((seed) => (bins[seed - first] = String.fromCharCode(48 + k))));
  const { binSeeds: _dropped, ...rest } = card;
  return { ...rest, firstSeed: first, bins: bins.join('') };
}

export function unpackCard(packed: PackedCard, binCount: number): CardData {
  const binSeeds = Array.from({ length: binCount }, () => [] as number[]);
  for (let i = 0; i < packed.bins.length; i++) binSeeds[packed.bins.charCodeAt(i) - 48]?.push(packed.firstSeed + i);
  const { firstSeed: _f, bins: _b, ...rest } = packed;
  return { ...rest, binSeeds };
}
