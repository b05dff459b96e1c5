/**
 * The challenges list with its Chinese text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { fitLab } from '../../../i18n/fit-lab/zh-cn';
import ChallengeList, { type ChallengeListProps } from './ChallengeList';

export default function ChallengeListZhCn(props: Omit<ChallengeListProps, 't'>) {
  return <ChallengeList {...props} t={fitLab} />;
}
