/** The precomputed many-seeds histograms: one card per configuration; bars list their seeds once hydrated. */
import type { CardData, CardLabels } from './HistogramCard';
import { HistogramCard, OutcomeLegend } from './HistogramCard';

interface Props {
  cards: CardData[];
  edges: number[];
  labels: CardLabels;
}

export default function SeedHistogramsIsland({ cards, edges, labels }: Props) {
  return (
    <div class="seeds-grid" data-demo="seed-histograms">
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
