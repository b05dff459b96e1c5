/**
 * The panels under the Fit Lab's plots, each behind a disclosure: the settings form, manual placement (weights by
 * hand, then "train from here"), the same run with every activation side by side, and export/import.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { HiddenActivationId } from '../../core/activations/types';
import { lockedSettings, serializeSettings, type FitLabSettings } from '../../core/settings/fit-lab';
import type { NetworkParams } from '../../core/train/types';
import type { Dictionary, Lang } from '../../i18n';
import type { CompareResult } from '../../shared/fit-runner';
import { Controls } from './Controls';
import { ExportPanel } from './export/ExportPanel';
import { ManualFields } from './neurons/ManualFields';
import type { ActiveNeuron } from './neurons/useActiveNeuron';
import type { FitRun } from './run/useFitRun';
import { SideBySide } from './SideBySide';
import type { TrainingSetup } from './view';

interface Props {
  t: Dictionary['fitLab'];
  lang: Lang;
  uid: string;
  settings: FitLabSettings;
  /** The lab's preset: its recorded side-by-side results hold only for it. */
  presetSettings: FitLabSettings;
  setup: TrainingSetup;
  hydrated: boolean;
  fit: FitRun;
  /** The weights the views show (manual placement edits them). */
  params: NetworkParams;
  neuron: ActiveNeuron;
  mse: number | null;
  exportSvg(): string;
  settingsOpen?: boolean;
  manual?: boolean;
  sideBySide?: boolean;
  exports?: boolean;
  compare?: Partial<Record<HiddenActivationId, CompareResult>> | null;
  compareOpen?: boolean;
  onChange(patch: Partial<FitLabSettings>): void;
  onManual(open: boolean): void;
  onImport(file: { settings: FitLabSettings; params: NetworkParams | null }): void;
}

export function FitPanels(p: Props) {
  const { t, lang, uid, settings, hydrated, fit } = p;
  const disabled = !hydrated || fit.busy;

  // Settings only change on input: keep the form out of the per-snapshot re-render.
  const changeRef = useRef(p.onChange);
  changeRef.current = p.onChange;
  const controls = useMemo(
    () => (
      <Controls
        t={t}
        lang={lang}
        uid={uid}
        settings={settings}
        disabled={!hydrated}
        locked={lockedSettings(settings)}
        onChange={(patch) => changeRef.current(patch)}
      />
    ),
    [settings, hydrated, lang],
  );

  return (
    <>
      <details class="lab__panel" open={p.settingsOpen || settings.challenge !== null}>
        <summary>{t.settings}</summary>
        {controls}
      </details>
      {/* In a challenge, weights placed by hand or the other activations' runs would give the answer away. */}
      {p.manual !== false && !settings.challenge && (
        <details class="lab__panel" onToggle={(e) => p.onManual((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t.manual}</summary>
          <p class="lab__hint">{t.place.hint}</p>
          <ManualFields t={t} uid={uid} params={p.params} disabled={disabled} onParams={fit.place} neuron={p.neuron} />
          <button
            type="button"
            class="lab__button"
            data-action="train-from-here"
            disabled={disabled}
            onClick={fit.trainFromHere}
          >
            {t.trainFromHere}
          </button>
        </details>
      )}
      {p.sideBySide !== false && !settings.challenge && (
        <SideBySide
          key={serializeSettings(settings)}
          t={t}
          lang={lang}
          uid={uid}
          settings={settings}
          setup={p.setup}
          disabled={!hydrated}
          getRunner={async () => {
            fit.reset();
            return fit.getRunner();
          }}
          initial={serializeSettings(settings) === serializeSettings(p.presetSettings) ? p.compare : null}
          open={p.compareOpen}
        />
      )}
      {p.exports !== false && (
        <ExportPanel
          t={t}
          uid={uid}
          settings={settings}
          params={fit.run.params}
          svg={p.exportSvg}
          mse={p.mse}
          disabled={!hydrated}
          onImport={p.onImport}
        />
      )}
    </>
  );
}
