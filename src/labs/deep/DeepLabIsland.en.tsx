/**
 * The deep demo with its English text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { deepLab } from '../../i18n/deep/en';
import DeepLabIsland, { type DeepLabProps } from './DeepLabIsland';

export default function DeepLabIslandEn(props: Omit<DeepLabProps, 't'>) {
  return <DeepLabIsland {...props} t={deepLab} />;
}
