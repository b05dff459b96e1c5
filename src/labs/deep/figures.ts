/**
 * The deep demo's build-time figure (figures.json, from `npm run figures:deep`), typed: the one place that reads
 * the file. Numbers that were not finite are stored as null.
 */
import figures from './figures.json';
import type { DeepRunView } from './view';

export interface DeepFigures {
  /** The settings of the recorded run, as a query string (the island only shows the run for these). */
  settings: string;
  run: DeepRunView;
  /** The numbers the prose quotes: "<activation>.<stat>", layers and epochs. */
  stats: Record<string, number | null>;
}

export const DEEP_FIGURES: Readonly<DeepFigures> = figures as unknown as DeepFigures;

/** One recorded number by name; an unknown name fails the build, naming those there are. */
export function deepStat(name: string): number | null {
  const { stats } = DEEP_FIGURES;
  if (!(name in stats))
    throw new Error(`DeepStat: no "${name}" in deep/figures.json (known: ${Object.keys(stats).join(', ')})`);
  return stats[name] ?? null;
}
