/** The precomputed many-seeds histograms: one card per configuration; bars list their seeds once hydrated. */
import { useMemo } from 'preact/hooks';
import { unpackCard, type PackedCard } from './cards';
import type { CardLabels } from './HistogramCard';
import { HistogramCard, OutcomeLegend } from './HistogramCard';
import { useHydrated } from '../../shared/island-kit';

export interface SeedHistogramsProps {
  cards: PackedCard[];
  edges: number[];
  labels: CardLabels;
}

export default function SeedHistogramsIsland({ cards: packed, edges, labels }: SeedHistogramsProps) {
  const cards = useMemo(() => packed.map((c) => unpackCard(c, edges.length - 1)), [packed, edges]);
  const ready = useHydrated();
  return (
    <div class="seeds-grid" data-demo="seed-histograms" data-ready={ready ? 'true' : 'false'}>
      <OutcomeLegend labels={labels} idPrefix="sh-legend" />
      <p class="seeds-hint">{labels.barHint}</p>
      <div class="seeds-grid__cards">
        {cards.map((c) => (
          <HistogramCard key={c.id} data={c} edges={edges} labels={labels} idPrefix={`sh-${c.id}`} />
        ))}
      </div>
    </div>
  );
}
