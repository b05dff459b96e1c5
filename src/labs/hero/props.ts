/** What Hero.astro passes its island, computed once here so a test renders what the build renders. */
import { dictionary, type Lang } from '../../i18n';
import type { HeroProps } from './HeroIsland';
import { HERO_RUN } from './run';

export function heroIslandProps(lang: Lang): HeroProps {
  return { t: dictionary(lang).hero, uid: 'hero', run: HERO_RUN };
}
