/**
 * The precomputed many-seeds data for Astro components (build time only: islands receive just what they draw,
 * never this module, so the JSON is not shipped to the browser).
 */
import raw from './many-seeds.json';
import { reviveManySeeds } from '../../core/analysis/many-seeds-file';
import { seedFacts } from '../../core/analysis/seed-facts';

export const MANY_SEEDS = reviveManySeeds(raw);
export const FACTS = seedFacts(MANY_SEEDS);
