/** The precomputed many-seeds histograms: one card per configuration; bars list their seeds once hydrated. */
import { useEffect, useState } from 'preact/hooks';
import type { CardData, CardLabels } from './HistogramCard';
import { HistogramCard, OutcomeLegend } from './HistogramCard';

interface Props {
  cards: CardData[];
  edges: number[];
  labels: CardLabels;
}

export default function SeedHistogramsIsland({ cards, edges, labels }: Props) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
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
