/**
 * What SeedHistograms.astro and LiveSeeds.astro pass their islands, computed once here so the golden tests render
 * what the build renders.
 */
import { HIDDEN_ACTIVATION_IDS } from '../../core/activations/types';
import { dictionary, type Lang } from '../../i18n';
import { activationLabel } from '../../shared/format';
import { buildCard, cardLabels, packCard } from './cards';
import { MANY_SEEDS } from './data';
import { fitLabHrefTemplate } from './links';
import type { LiveSeedsProps } from './LiveSeedsIsland';
import type { SeedHistogramsProps } from './SeedHistogramsIsland';

/** Every configuration's card, or only those with `hidden` hidden neurons. */
export function seedHistogramsIslandProps(use: { hidden?: number }, lang: Lang): SeedHistogramsProps {
  const t = dictionary(lang).seeds;
  const { reference, binEdges } = MANY_SEEDS;
  const cards = MANY_SEEDS.configs
    .filter((c) => use.hidden === undefined || c.hidden === use.hidden)
    .map((c) =>
      packCard(
        buildCard(c.id, c.activation, c.hidden, c.runs, {
          edges: binEdges,
          lineMse: reference.lineMse,
          monotoneBound: reference.monotoneBound,
          lang,
          t,
          hrefTemplate: fitLabHrefTemplate(c.activation, c.hidden),
        }),
        c.runs.map((r) => r.seed),
      ),
    );
  return { cards, edges: binEdges, labels: cardLabels(t) };
}

export function liveSeedsIslandProps(lang: Lang): LiveSeedsProps {
  const t = dictionary(lang).seeds;
  const hrefTemplates = Object.fromEntries(
    HIDDEN_ACTIVATION_IDS.flatMap((id) => [1, 2].map((h) => [`${id}-h${h}`, fitLabHrefTemplate(id, h)])),
  );
  return {
    lang,
    t,
    labels: cardLabels(t),
    activations: HIDDEN_ACTIVATION_IDS.map((id) => ({ id, name: activationLabel(id, lang) })),
    edges: MANY_SEEDS.binEdges,
    lineMse: MANY_SEEDS.reference.lineMse,
    monotoneBound: MANY_SEEDS.reference.monotoneBound,
    hrefTemplates,
  };
}
