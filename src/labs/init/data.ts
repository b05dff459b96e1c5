/**
 * The precomputed init study for Astro components (build time only: the island receives just the summary rows it
 * shows, never this module, so the JSON is not shipped to the browser).
 */
import raw from './init-experiment.json';
import { initFacts, reviveInitStudy } from '../../core/analysis/init-study-file';
import type { PrecomputedRow } from './text';

export const INIT_STUDY = reviveInitStudy(raw);
export const INIT_FACTS = initFacts(INIT_STUDY);

/** One row per activation × scheme, the numbers the lab shows next to its live measurement. */
export const PRECOMPUTED_ROWS: PrecomputedRow[] = INIT_STUDY.configs.map((c) => ({
  activation: c.activation,
  kernel: c.init.kernel,
  hiddenBias: c.init.hiddenBias,
  deadAtInitShare: c.summary.deadAtInitShare,
  deadAtEndShare: c.summary.deadAtEndShare,
  negativeAtInitShare: c.summary.negativeAtInitShare,
  negativeAtEndShare: c.summary.negativeAtEndShare,
  goodFitShare: c.summary.goodFitShare,
  medianMse: c.summary.medianMse,
}));
