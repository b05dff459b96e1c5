/**
 * The precomputed many-seeds data for Astro components (build time only: islands receive just what they draw,
 * never this module, so the JSON is not shipped to the browser).
 */
import raw from '../../data/many-seeds.json';
import { reviveManySeeds } from '../../lib/many-seeds-data';
import { seedFacts } from '../../lib/seed-facts';

export const MANY_SEEDS = reviveManySeeds(raw);
export const FACTS = seedFacts(MANY_SEEDS);
