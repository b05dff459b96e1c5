/**
 * The Fit Lab island with its Chinese text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { fitLab } from '../../i18n/fit-lab/zh-cn';
import FitLabIsland, { type FitLabProps } from './FitLabIsland';

export default function FitLabIslandZhCn(props: Omit<FitLabProps, 't'>) {
  return <FitLabIsland {...props} t={fitLab} />;
}
