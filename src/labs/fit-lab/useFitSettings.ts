/**
 * The Fit Lab's settings: the preset's, or — for the primary instance (`syncUrl`) — the address bar's, which are
 * then written back. A change or an imported run file replaces them (a challenge keeps its fields locked) and
 * restarts the run with them.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import {
  FIT_LAB,
  parseSettings,
  serializeSettings,
  withChallengeLock,
  writeSettings,
  type FitLabSettings,
  type Refusal,
} from '../../core/settings/fit-lab';
import type { NetworkParams } from '../../core/train/types';
import { useUrlSettings } from '../../shared/island-kit';

export function useFitSettings(
  preset: string | undefined,
  syncUrl: boolean,
  restart: (next: FitLabSettings, params?: NetworkParams | null) => void,
) {
  const presetSettings = useMemo(() => parseSettings(preset ?? '').settings, [preset]);
  const [settings, setSettings] = useState<FitLabSettings>(presetSettings);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const binding = useMemo(
    () => ({
      keys: FIT_LAB.readNames,
      parse: (search: string) => parseSettings(search, presetSettings),
      write: writeSettings,
    }),
    [presetSettings],
  );
  const url = useUrlSettings<FitLabSettings, Refusal>(binding, settings, {
    enabled: syncUrl,
    onRead: (parsed) => {
      if (serializeSettings(parsed.settings) === serializeSettings(presetSettings)) return;
      setSettings(parsed.settings);
      restart(parsed.settings);
    },
  });

  const replace = (next: FitLabSettings, params: NetworkParams | null = null) => {
    url.touch();
    restart(next, params);
    setSettings(next);
  };
  return {
    settings,
    presetSettings,
    /** The address's settings that were refused, to be named. */
    refused: url.refused,
    /** The latest settings, for handlers that run between renders. */
    current: () => settingsRef.current,
    update: (patch: Partial<FitLabSettings>) => replace(withChallengeLock({ ...settingsRef.current, ...patch })),
    /** A run file's settings, points and (when it has them) weights, in place of the lab's. */
    importRun: (file: { settings: FitLabSettings; params: NetworkParams | null }) =>
      replace(withChallengeLock(file.settings), file.params),
  };
}
