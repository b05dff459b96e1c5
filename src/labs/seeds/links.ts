/** Links from a seed to the primary, URL-synced Fit Lab on the experiment page, opened on that exact run. */
import type { HiddenActivationId } from '../../core/activations/types';
import { DEFAULT_SETTINGS, serializeSettings } from '../../core/settings/fit-lab';

/** A relative href (from a docs page to its sibling `experiment/`) with `{seed}` where the seed goes. */
export function fitLabHrefTemplate(activation: HiddenActivationId, hidden: number): string {
  const query = serializeSettings({ ...DEFAULT_SETTINGS, activation, hidden, seed: 0 });
  return `../experiment/?${query.replace(/(^|&)seed=0(&|$)/, '$1seed={seed}$2')}#fit-lab`;
}
