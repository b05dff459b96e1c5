/**
 * The softmax demo with its English text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { gallery } from '../../i18n/gallery/en';
import SoftmaxIsland, { type SoftmaxProps } from './SoftmaxIsland';

export default function SoftmaxIslandEn(props: Omit<SoftmaxProps, 't'>) {
  return <SoftmaxIsland {...props} t={gallery} />;
}
