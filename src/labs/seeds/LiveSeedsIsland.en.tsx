/**
 * The many-seeds live panel with its English text: the text ships once, in this island's own (cached) script, instead of in the
 * serialized props of every copy of the island on every page. The .astro component picks this entry by language.
 */
import { seeds } from '../../i18n/seeds/en';
import LiveSeedsIsland, { type LiveSeedsProps } from './LiveSeedsIsland';

export default function LiveSeedsIslandEn(props: Omit<LiveSeedsProps, 't'>) {
  return <LiveSeedsIsland {...props} t={seeds} />;
}
