/** What DeepLab.astro passes its island, computed once here so the golden tests render what the build renders. */
import { dictionary, type Lang } from '../../i18n';
import type { DeepLabProps } from './DeepLabIsland';
import { DEEP_FIGURES } from './figures';
import { packDeepRun } from './packed-run';
import { parseDeepSettings, serializeDeepSettings } from './settings';

/**
 * The recorded run with its settings in today's canonical form (read through the declaration, so a run recorded
 * under older parameter names still matches the same settings); none if the recorded settings no longer read.
 */
export function recordedDeepRun(): Pick<DeepLabProps, 'staticRun' | 'staticSettings'> {
  const { settings, refused } = parseDeepSettings(DEEP_FIGURES.settings);
  return refused.length === 0
    ? { staticRun: packDeepRun(DEEP_FIGURES.run), staticSettings: serializeDeepSettings(settings) }
    : { staticRun: null, staticSettings: '' };
}

export function deepLabIslandProps(use: { syncUrl?: boolean }, lang: Lang): DeepLabProps {
  return { lang, t: dictionary(lang).deepLab, uid: 'deep-lab', ...recordedDeepRun(), syncUrl: use.syncUrl ?? true };
}
