/** What UniversalLab.astro passes its island, computed once here so the golden tests render what the build renders. */
import { dictionary, type Lang } from '../../i18n';
import { recordedFigures } from './figures';
import { DEFAULT_UNIVERSAL, defaultUniversal, parseUniversalSettings, serializeUniversalSettings } from './settings';
import type { UniversalLabProps } from './UniversalLabIsland';

/** True when two queries give the same settings, however their parameters are spelled or ordered. */
const sameSettings = (a: string, b: string) => {
  const pa = parseUniversalSettings(a);
  const pb = parseUniversalSettings(b);
  return (
    pa.refused.length === 0 &&
    pb.refused.length === 0 &&
    serializeUniversalSettings(pa.settings) === serializeUniversalSettings(pb.settings)
  );
};

export function universalLabIslandProps(lang: Lang): UniversalLabProps {
  const preset = serializeUniversalSettings(defaultUniversal());
  const figures = recordedFigures();
  return {
    lang,
    t: dictionary(lang).universalLab,
    uid: 'ul-lab',
    preset,
    // A recorded run is only shown if it was made with exactly the current defaults.
    staticRun: sameSettings(figures.run.query, preset) ? figures.run : null,
    recorded: figures.howMany[DEFAULT_UNIVERSAL.shape] ?? null,
  };
}
