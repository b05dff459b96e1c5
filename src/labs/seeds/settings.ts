/**
 * The "run it yourself" panel's settings, declared once (SEEDS_PANEL): the activations to compare, the hidden
 * neurons (1 or 2, as in the recorded study) and the number of seeds (1 to MAX_SEEDS, the worker's limit). The panel
 * keeps no settings in the address; its form checks each value through these fields.
 */
import { HIDDEN_ACTIVATION_IDS } from '../../core/activations/types';
import { defineSchema, field, integer, list, type Values } from '../../core/settings/schema';
import { MAX_SEEDS } from '../../core/sessions/seed-chunks';

export const SEEDS_PANEL = defineSchema({
  activations: field('activations', list(HIDDEN_ACTIVATION_IDS), ['sigmoid', 'relu', 'leaky_relu'], {
    label: 'activations',
  }),
  hidden: field('hidden', integer(1, 2), 2, { label: 'hidden' }),
  count: field('count', integer(1, MAX_SEEDS), 100, { label: 'count' }),
});

export type SeedsPanelSettings = Values<typeof SEEDS_PANEL.fields>;

/** The seed count as typed (surrounding blanks ignored, as a number input does). */
export const parseSeedCount = (text: string) => SEEDS_PANEL.validate('count', text.trim());
