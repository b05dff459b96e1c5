/**
 * The universal approximation lab with its English text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { universalLab } from '../../i18n/universal/en';
import UniversalLabIsland, { type UniversalLabProps } from './UniversalLabIsland';

export default function UniversalLabIslandEn(props: Omit<UniversalLabProps, 't'>) {
  return <UniversalLabIsland {...props} t={universalLab} />;
}
