/**
 * The initialisation lab with its Chinese text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { initLab } from '../../i18n/init/zh-cn';
import InitLabIsland, { type InitLabProps } from './InitLabIsland';

export default function InitLabIslandZhCn(props: Omit<InitLabProps, 't'>) {
  return <InitLabIsland {...props} t={initLab} />;
}
