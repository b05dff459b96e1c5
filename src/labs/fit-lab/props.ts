/** What FitLab.astro passes its island, computed once here so the golden tests render what the build renders. */
import { parseSettings, serializeSettings } from '../../core/settings/fit-lab';
import { dictionary, type Lang } from '../../i18n';
import type { FitView } from '../../plots/fitPlot';
import { fitFigure } from './figures';
import type { FitLabProps } from './FitLabIsland';
import { packStaticRun } from './run/packed-run';

/** FitLab.astro's props (what the pages write). */
export interface FitLabUse {
  figure?: string;
  preset?: string;
  syncUrl?: boolean;
  view?: FitView;
  sideBySide?: boolean;
  manual?: boolean;
  /** Offer "sketch your guess" before training. */
  predict?: boolean;
  exports?: boolean;
  settingsOpen?: boolean;
  compareOpen?: boolean;
}

export function fitLabIslandProps(use: FitLabUse, lang: Lang): FitLabProps {
  const record = use.figure ? fitFigure(use.figure) : undefined;
  const preset = use.preset ?? record?.preset ?? '';
  const canon = (q: string) => serializeSettings(parseSettings(q).settings);
  // A recorded run is only shown if it was made with exactly these settings.
  const matches = record !== undefined && canon(preset) === canon(record.preset);
  return {
    lang,
    t: dictionary(lang).fitLab,
    uid: `fl-${use.figure ?? 'lab'}`,
    preset,
    syncUrl: use.syncUrl ?? false,
    staticRun: matches ? packStaticRun(record.run) : null,
    view: use.view ?? record?.view ?? 'components',
    sideBySide: use.sideBySide,
    manual: use.manual,
    predict: use.predict,
    exports: use.exports,
    settingsOpen: use.settingsOpen,
    compare: matches ? (record.compare ?? null) : null,
    compareOpen: use.compareOpen,
  };
}
