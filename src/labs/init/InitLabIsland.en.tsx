/**
 * The initialisation lab with its English text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { initLab } from '../../i18n/init/en';
import InitLabIsland, { type InitLabProps } from './InitLabIsland';

export default function InitLabIslandEn(props: Omit<InitLabProps, 't'>) {
  return <InitLabIsland {...props} t={initLab} />;
}
