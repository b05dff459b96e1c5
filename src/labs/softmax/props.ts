/** What SoftmaxDemo.astro passes its island, computed once here so the golden tests render what the build renders. */
import { dictionary, type Lang } from '../../i18n';
import type { SoftmaxProps } from './SoftmaxIsland';

export function softmaxIslandProps(lang: Lang): SoftmaxProps {
  const dict = dictionary(lang);
  return { t: dict.gallery, staticNote: dict.common.staticFigureNote };
}
