/**
 * The landing page figure with its Chinese text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { hero } from '../../i18n/hero/zh-cn';
import HeroIsland, { type HeroProps } from './HeroIsland';

export default function HeroIslandZhCn(props: Omit<HeroProps, 't'>) {
  return <HeroIsland {...props} t={hero} />;
}
