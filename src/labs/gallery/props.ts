/** What ActivationGallery.astro passes its island (besides the formulas), computed once here for the golden tests. */
import type { HiddenActivationId } from '../../core/activations/types';
import { dictionary, type Lang } from '../../i18n';
import type { GalleryProps } from './ActivationGalleryIsland';

export function galleryIslandProps(use: { initial?: HiddenActivationId }, lang: Lang): GalleryProps {
  const dict = dictionary(lang);
  return { lang, t: dict.gallery, initial: use.initial ?? 'sigmoid', staticNote: dict.common.staticFigureNote };
}
