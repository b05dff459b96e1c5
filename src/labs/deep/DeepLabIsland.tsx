/**
 * The deep demo's island: settings → a deep run in the training worker → per-layer snapshots → one panel per
 * activation. State and wiring only: the engine is in src/core/engine, the view model in ./view, drawing in
 * src/plots. Rendered on the server too, from the run recorded at build time, so the page has a real figure
 * without JavaScript and nothing moves when the island takes over.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../i18n';
import {
  DEEP_DEFAULTS,
  DEEP,
  DEEP_SNAPSHOT_EVERY,
  deepDataset,
  parseDeepSettings,
  serializeDeepSettings,
  toDeepConfig,
  writeDeepSettings,
  type DeepRefusal,
  type DeepSettings,
} from './settings';
import type { RunStatus } from '../../core/train/types';
import type { DeepUpdate } from '../../core/train/deep-types';
import { gradientDomain } from '../../plots/layerGradientPlot';
import type { TrainingClient } from '../../worker/client';
import { DeepControls } from './DeepControls';
import { DeepPanel } from './DeepPanel';
import { allGradients, applyDeepUpdate, emptyDeepView, type DeepRunView } from './view';
import { unpackDeepRun, type PackedDeepRun } from './packed-run';
import { deepRefusalMessage, type DeepText } from './text';
import { FallbackNotice, LabStatus, RefusedNotice } from '../../shared/LabNotices';
import {
  useAwayPause,
  useFrameQueue,
  useHydrated,
  useLazy,
  usePageLifetime,
  useUrlSettings,
  type UrlBinding,
} from '../../shared/island-kit';
import { fill } from '../../shared/format';

export interface DeepLabProps {
  lang: Lang;
  /** This language's strings only (the island does not bundle the site's other dictionaries). */
  t: DeepText;
  uid: string;
  /** The run recorded at build time and the settings (query string) it was made with. */
  staticRun: PackedDeepRun | null;
  staticSettings: string;
  /** Read and write the address bar (one deep demo per page). */
  syncUrl?: boolean;
}

const URL_BINDING: UrlBinding<DeepSettings, DeepRefusal> = {
  keys: DEEP.readNames,
  parse: (search) => parseDeepSettings(search),
  write: (s, query) => writeDeepSettings(s, new URLSearchParams(query)).toString(),
};

export default function DeepLabIsland(props: DeepLabProps) {
  const { t, uid } = props;
  const [settings, setSettings] = useState<DeepSettings>(() => ({
    ...DEEP_DEFAULTS,
    activations: [...DEEP_DEFAULTS.activations],
  }));
  const staticRun = useMemo(() => (props.staticRun ? unpackDeepRun(props.staticRun) : null), [props.staticRun]);
  const recorded = (s: DeepSettings) =>
    staticRun && serializeDeepSettings(s) === props.staticSettings ? staticRun : null;
  const [view, setView] = useState<DeepRunView>(() => recorded(settings) ?? emptyDeepView(settings));
  const [status, setStatus] = useState<RunStatus>('idle');
  const hydrated = useHydrated();
  const [message, setMessage] = useState<string | null>(null);
  const [fallback, setFallback] = useState(false);
  const client = useLazy<TrainingClient>(
    () =>
      import('../../worker/client').then(
        ({ TrainingClient }) =>
          new TrainingClient({
            onFallback: () => setFallback(true),
            fallback: () => import('../../worker/local').then((m) => m.createLocalEngine),
          }),
      ),
    (c) => c.dispose(),
  );
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const url = useUrlSettings(URL_BINDING, settings, {
    enabled: props.syncUrl === true,
    onRead: (parsed) => {
      setSettings(parsed.settings);
      setView(recorded(parsed.settings) ?? emptyDeepView(parsed.settings));
    },
  });

  // Updates are drawn at most once per frame.
  const updates = useFrameQueue<DeepUpdate>((batch) => setView((v) => batch.reduce(applyDeepUpdate, v)));

  // Leaving the page ends the worker; a new one starts on the next Train.
  usePageLifetime(() => {
    updates.clear();
    client.dispose();
    setStatus((s) => (s === 'training' || s === 'loading' || s === 'paused' ? 'idle' : s));
  });

  // A run pauses while the reader cannot see it, and carries on when they can (a run they paused stays paused).
  const rootRef = useRef<HTMLDivElement>(null);
  useAwayPause(
    rootRef,
    status === 'training',
    () => client.current?.pauseDeep(),
    () => client.current?.resumeDeep(),
  );

  const start = async () => {
    const s = settingsRef.current;
    setView(emptyDeepView(s));
    setStatus('loading');
    setMessage(null);
    try {
      (await client.get()).startDeep(
        { config: toDeepConfig(s), data: deepDataset(), snapshotEvery: DEEP_SNAPSHOT_EVERY },
        {
          update: (u) => updates.push(u),
          status: (next, info) => {
            if (next !== 'training') updates.flush();
            setStatus(next);
            if (next === 'error') setMessage(info.message ?? 'error');
          },
        },
      );
    } catch (e) {
      setStatus('error');
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  /** Stop the current run (if any) and show the settings' starting state (or their recorded run). */
  const reset = (next: DeepSettings) => {
    client.current?.cancelDeep();
    updates.clear();
    setView(recorded(next) ?? emptyDeepView(next));
    setStatus('idle');
    setMessage(null);
  };
  const update = (patch: Partial<DeepSettings>) => {
    url.touch();
    const next = { ...settingsRef.current, ...patch };
    setSettings(next);
    reset(next);
  };

  // A button that gets disabled under the keyboard would drop focus to the page: hand it to the one that is
  // now usable (Train ⇄ Pause), if one of them had focus last and focus has not gone elsewhere since. In the
  // update that disables it, so the reader's next key already reaches the other button.
  const trainButton = useRef<HTMLButtonElement>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const buttonFocused = useRef(false);
  useLayoutEffect(() => {
    const focused = document.activeElement;
    const lost =
      focused === null ||
      focused === document.body ||
      focused === trainButton.current ||
      focused === pauseButton.current;
    if (!buttonFocused.current || !lost) return;
    const target = status === 'training' ? pauseButton.current : status === 'loading' ? null : trainButton.current;
    if (target && !target.disabled) target.focus();
  }, [status]);
  const onButtonFocus = () => (buttonFocused.current = true);
  const onButtonBlur = (e: FocusEvent) => {
    const next = e.relatedTarget;
    // Focus moving to the page itself (a disabled button) keeps the hand-off armed; anywhere else disarms it.
    if (next !== null && next !== trainButton.current && next !== pauseButton.current) buttonFocused.current = false;
  };

  const busy = status === 'training' || status === 'loading';
  const onTrain = () => (status === 'paused' ? client.current?.resumeDeep() : void start());
  const domain = useMemo(() => gradientDomain(allGradients(view)), [view]);
  const statusText = !hydrated
    ? t.staticNote
    : fill(t.status[status], {
        epoch: view.epoch,
        epochs: settings.epochs,
        count: settings.activations.length,
        layers: settings.layers,
      });
  const updateRef = useRef(update);
  updateRef.current = update;
  const controls = useMemo(
    () => (
      <DeepControls
        t={t}
        uid={uid}
        settings={settings}
        disabled={!hydrated || busy}
        onChange={(patch) => updateRef.current(patch)}
      />
    ),
    [settings, hydrated, busy],
  );

  return (
    <div
      class="lab deeplab"
      id={uid}
      ref={rootRef}
      data-demo="deep-lab"
      data-status={status}
      data-epoch={view.epoch}
      data-hydrated={hydrated ? 'true' : 'false'}
      data-error={message ?? undefined}
    >
      <LabStatus
        class="lab__status deeplab__status"
        text={statusText}
        trainingLive={t.status.trainingLive}
        training={status === 'training'}
        hydrated={hydrated}
      />
      <RefusedNotice refused={url.refused} title={t.refusedTitle} message={(r) => deepRefusalMessage(t, r)} />
      <FallbackNotice show={fallback}>{t.workerFallback}</FallbackNotice>
      {status === 'diverged' && (
        <p class="lab__notice lab__notice--error" role="alert" data-role="diverged">
          {fill(t.diverged, { lr: String(settings.lr), epoch: view.divergedAt ?? view.epoch })}
        </p>
      )}
      {status === 'error' && !view.networks[0]?.start && (
        <p class="lab__notice lab__notice--error" role="alert" data-role="error">
          {t.unavailable}
        </p>
      )}
      {controls}
      <div class="lab__buttons" role="group" aria-label={t.title}>
        <button
          ref={trainButton}
          onFocus={onButtonFocus}
          onBlur={onButtonBlur}
          type="button"
          class="lab__button lab__button--primary"
          data-action="train"
          disabled={!hydrated || busy}
          onClick={onTrain}
        >
          {status === 'paused' ? t.resume : t.train}
        </button>
        <button
          ref={pauseButton}
          onFocus={onButtonFocus}
          onBlur={onButtonBlur}
          type="button"
          class="lab__button"
          data-action="pause"
          disabled={!hydrated || status !== 'training'}
          onClick={() => client.current?.pauseDeep()}
        >
          {t.pause}
        </button>
        <button
          type="button"
          class="lab__button"
          data-action="cancel"
          disabled={!hydrated || !(busy || status === 'paused')}
          onClick={() => reset(settingsRef.current)}
        >
          {t.cancel}
        </button>
      </div>
      <div class="deeplab__grid">
        {view.networks.map((n) => (
          <DeepPanel
            key={n.activation}
            t={t}
            id={`${uid}-${n.activation}`}
            network={n}
            epoch={view.epoch}
            epochs={view.epochs}
            layers={view.layers}
            divergedAt={view.divergedAt}
            domain={domain}
          />
        ))}
      </div>
    </div>
  );
}
