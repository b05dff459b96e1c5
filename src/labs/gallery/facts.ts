/** The registry's facts as labelled, localized table cells; shared by the facts table and the gallery island. */
import type { ActivationFacts } from '../../core/activations/types';
import type { Dictionary } from '../../i18n';
import { formatNumber, formatRange } from '../../shared/format';

type GalleryText = Dictionary['gallery'];

export interface FactRow {
  key: keyof ActivationFacts;
  label: string;
  /** A short column heading for the table of all activations. */
  short: string;
  value: string;
}

export function factRows(entry: { facts: ActivationFacts }, t: GalleryText): FactRow[] {
  const f = entry.facts;
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  const saturation = { none: t.saturatesNone, negative: t.saturatesNegative, both: t.saturatesBoth }[f.saturatesOn];
  const s = t.factsShort;
  return [
    { key: 'range', label: t.range, short: s.range, value: formatRange(f.range, f.rangeAttained) },
    { key: 'zeroCentred', label: t.zeroCentred, short: s.zeroCentred, value: yesNo(f.zeroCentred) },
    { key: 'monotonic', label: t.monotonic, short: s.monotonic, value: yesNo(f.monotonic) },
    { key: 'bounded', label: t.bounded, short: s.bounded, value: yesNo(f.bounded) },
    { key: 'smooth', label: t.smooth, short: s.smooth, value: yesNo(f.smooth) },
    { key: 'saturatesOn', label: t.saturating, short: s.saturating, value: saturation },
    { key: 'canDie', label: t.canDie, short: s.canDie, value: f.zeroGradient ? t.neverLearns : yesNo(f.canDie) },
    {
      key: 'kinks',
      label: t.kinks,
      short: s.kinks,
      value: f.kinks.length ? f.kinks.map((k) => `x = ${formatNumber(k, 4)}`).join(', ') : t.none,
    },
  ];
}
