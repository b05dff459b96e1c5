/**
 * The activation gallery with its English text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { gallery } from '../../i18n/gallery/en';
import ActivationGalleryIsland, { type GalleryProps } from './ActivationGalleryIsland';

export default function ActivationGalleryIslandEn(props: Omit<GalleryProps, 't'>) {
  return <ActivationGalleryIsland {...props} t={gallery} />;
}
