/** What InitLab.astro passes its island, computed once here so the golden tests render what the build renders. */
import { dictionary, type Lang } from '../../i18n';
import { activationLabel } from '../../shared/format';
import { INIT_STUDY, PRECOMPUTED_ROWS } from './data';
import type { InitLabProps } from './InitLabIsland';
import { INIT_LAB_ACTIVATIONS, type InitLabActivation } from './settings';

/** Runs per configuration in the recorded study. */
export const precomputedRuns = (): number => INIT_STUDY.training.seeds.to - INIT_STUDY.training.seeds.from + 1;

export function initLabIslandProps(lang: Lang): InitLabProps {
  const names = Object.fromEntries(INIT_LAB_ACTIVATIONS.map((a) => [a, activationLabel(a, lang)]));
  return {
    lang,
    t: dictionary(lang).initLab,
    activationNames: names as Record<InitLabActivation, string>,
    rows: PRECOMPUTED_ROWS,
    precomputedRuns: precomputedRuns(),
    lineMse: INIT_STUDY.reference.lineMse,
  };
}
