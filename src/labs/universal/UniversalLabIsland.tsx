/**
 * The universal-approximation lab: draw a target, train Dense(units, φ) → Dense(1) on it in the worker, see the
 * fit and every component vᵢ·φ(wᵢx+bᵢ), add the components left to right by centre with a slider, and ask how
 * many sigmoid and ReLU units the shape needs. State and wiring only: maths in src/core, drawing in src/plots.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../i18n';
import { HIDDEN_ACTIVATION_IDS, type HiddenActivationId } from '../../core/activations/types';
import { ACTIVATIONS } from '../../core/activations/registry';
import { flatControls, presetControls, SHAPE_PRESET_IDS } from '../../core/data/drawn-target';
import { initialParams } from '../../core/train/random';
import {
  parseUniversalSettings,
  serializeUniversalSettings,
  shapeParam,
  UNIVERSAL,
  universalTrainConfig,
  writeUniversalSettings,
  type UniversalRefusal,
  type UniversalSettings,
} from './settings';
import type { NetworkParams, RunStatus, Snapshot } from '../../core/train/types';
import type { SweepSummary } from '../../core/analysis/units-needed';
import { fitPlotLayers } from '../../plots/fitPlot';
import { centreMarksSvg } from '../../plots/universalPlots';
import type { FitRunner } from '../../shared/fit-runner';
import { DrawingArea } from './DrawingArea';
import { HowManyPanel } from './HowManyPanel';
import {
  centresText,
  componentsText,
  mseOf,
  refusalText,
  shapeData,
  sortedView,
  type StaticUniversalRun,
  type UniversalText,
} from './view';
import { FallbackNotice, LabStatus, RefusedNotice } from '../../shared/LabNotices';
import { TextNumberField } from '../../shared/TextNumberField';
import {
  useAwayPause,
  useFrameQueue,
  useHydrated,
  useLazy,
  usePageLifetime,
  useUrlSettings,
  type UrlBinding,
} from '../../shared/island-kit';
import { useWidth } from '../../shared/useWidth';
import { fill, formatNumber } from '../../shared/format';

export interface UniversalLabProps {
  lang: Lang;
  t: UniversalText;
  uid: string;
  /** The default settings as a query (what the static figure shows). */
  preset: string;
  staticRun: StaticUniversalRun | null;
  /** Build-time "how many units?" summary for the preset's shape. */
  recorded: SweepSummary | null;
}

export const PLOT_ASPECT = 0.6;
/** 32 units: a frame at most every ~32 ms, leaving the main thread idle half the time while it trains. */
const FRAME_MS_PER_UNIT = 1;
const URL_BINDING: UrlBinding<UniversalSettings, UniversalRefusal> = {
  keys: UNIVERSAL.readNames,
  parse: (search) => parseUniversalSettings(search),
  write: writeUniversalSettings,
};

interface RunState {
  status: RunStatus;
  params: NetworkParams;
  epoch: number;
  loss: number | null;
  message: string | null;
}

/** The "how many units?" sweep depends on the shape, epochs and seeds only (not on the lab's units or activation). */
const sweepKey = (s: UniversalSettings) => serializeUniversalSettings({ ...s, units: 1, activation: 'relu' });

const freshRun = (s: UniversalSettings): RunState => ({
  status: 'idle',
  params: initialParams(0, s.units),
  epoch: 0,
  loss: null,
  message: null,
});

export default function UniversalLabIsland(props: UniversalLabProps) {
  const { t, lang, uid } = props;
  const presetSettings = useMemo(() => parseUniversalSettings(props.preset).settings, [props.preset]);
  const [settings, setSettings] = useState<UniversalSettings>(presetSettings);
  const [run, setRun] = useState<RunState>(() =>
    props.staticRun
      ? {
          status: 'idle',
          params: props.staticRun.params,
          epoch: props.staticRun.epoch,
          loss: props.staticRun.loss,
          message: null,
        }
      : freshRun(presetSettings),
  );
  const [k, setK] = useState(presetSettings.units);
  const hydrated = useHydrated();
  const [fallback, setFallback] = useState(false);
  const [sweeping, setSweeping] = useState(false);
  const [plotBox, width] = useWidth(640, 280, 900);
  const runner = useLazy<FitRunner>(
    () => import('../../shared/fit-runner').then((m) => m.createFitRunner()),
    (r) => r.dispose(),
  );
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const shape = useMemo(() => shapeData(settings.shape), [settings.shape]);
  const units = run.params.w1.length;
  const view = useMemo(
    () => sortedView(shape, run.params, settings.activation, Math.min(k, units)),
    [shape, run.params, settings.activation, k, units],
  );
  // The MSE of a finished run (or of the recorded one shown before the reader trains).
  const mse =
    run.epoch > 0 && (run.status === 'done' || run.status === 'idle')
      ? mseOf(run.params, settings.activation, shape.data)
      : null;

  const url = useUrlSettings(URL_BINDING, settings, {
    enabled: true,
    onRead: (parsed) => {
      if (serializeUniversalSettings(parsed.settings) === serializeUniversalSettings(presetSettings)) return;
      setSettings(parsed.settings);
      setRun(freshRun(parsed.settings));
      setK(parsed.settings.units);
    },
  });
  // Only the latest snapshot matters: the plot shows the network as it is now. A frame's work grows with the
  // units drawn, so wide networks are drawn at most every FRAME_MS_PER_UNIT × units ms.
  const snapshots = useFrameQueue<Snapshot>((batch) => {
    const s = batch[batch.length - 1]!;
    setRun((r) => ({ ...r, params: s.params, epoch: s.epoch, loss: s.loss }));
  }, FRAME_MS_PER_UNIT * settings.units);
  usePageLifetime(() => {
    snapshots.clear();
    runner.dispose();
  });
  const getRunner = () => runner.get();
  const rootRef = useRef<HTMLDivElement>(null);
  useAwayPause(
    rootRef,
    run.status === 'training',
    () => runner.current?.pause(),
    () => runner.current?.resume(),
  );

  const train = async () => {
    const s = settingsRef.current;
    setRun({ ...freshRun(s), status: 'loading' });
    setK(s.units);
    try {
      const runner = await getRunner();
      runner.start(
        { config: universalTrainConfig(s, s.units), data: shape.data, speed: 'fast' },
        {
          snapshot: (snap) => snapshots.push(snap),
          fallback: () => setFallback(true),
          status: (status, info) => {
            if (status !== 'training') snapshots.flush();
            setRun((r) => ({
              ...r,
              status,
              epoch: status === 'diverged' ? (info.divergedAt ?? info.epoch) : r.epoch,
              message: info.message ?? null,
            }));
          },
        },
      );
    } catch (e) {
      setRun((r) => ({ ...r, status: 'error', message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const stop = () => {
    runner.current?.cancel();
    snapshots.clear();
    setRun((r) => ({ ...r, status: 'idle' }));
  };

  const update = (patch: Partial<UniversalSettings>) => {
    url.touch();
    if (run.status === 'training' || run.status === 'loading' || run.status === 'paused') stop();
    const next = { ...settingsRef.current, ...patch };
    // A new sweep key remounts the sweep panel, which stops its sweep.
    if (sweepKey(next) !== sweepKey(settingsRef.current)) setSweeping(false);
    settingsRef.current = next;
    setSettings(next);
    setRun(freshRun(next));
    setK(next.units);
  };

  // Stable across renders, so the memoized sweep panel is not re-rendered by every training frame.
  const stopRef = useRef(stop);
  stopRef.current = stop;
  const busyRef = useRef(false);
  const getSweepRunner = useCallback(() => {
    if (busyRef.current) stopRef.current();
    return runner.get();
  }, [runner]);

  const status = run.status;
  // Paused only while out of sight (useAwayPause): still a run in progress.
  const busy = status === 'training' || status === 'loading' || status === 'paused';
  busyRef.current = busy;
  const name = ACTIVATIONS[settings.activation].name[lang];
  const statusText = !hydrated
    ? t.staticNote
    : // A finished run shown while idle (the recorded one) reads as done, not as "ready".
      fill(t.status[status === 'idle' && run.epoch === settings.epochs ? 'done' : status], {
        units,
        activation: name,
        epoch: run.epoch,
        epochs: settings.epochs,
        loss: formatNumber(run.loss),
        mse: formatNumber(mse),
      });
  const plotSize = { width, height: Math.round(width * PLOT_ASPECT), idPrefix: `${uid}-fit` };
  const plotLabels = {
    title: fill(t.plot.title, { units, activation: name }),
    desc: fill(t.plot.summary, {
      c: formatNumber(run.params.b2),
      k: Math.min(k, units),
      units,
      components: componentsText(t, run.params, view.order, Math.min(k, units)),
    }),
    target: t.plot.target,
    prediction: k >= units ? t.plot.prediction : t.plot.partial,
    bias: t.plot.bias,
    neuronTag: (i: number) => String(view.order[i]! + 1),
    dead: t.plot.dead,
  };
  const layers = fitPlotLayers(view.plot, plotSize, plotLabels);
  const marks = centreMarksSvg(view.plot, plotSize, view.marks);
  const weights =
    status === 'done' && mse !== null
      ? JSON.stringify({
          activation: settings.activation,
          units,
          w1: run.params.w1,
          b1: run.params.b1,
          w2: run.params.w2,
          b2: run.params.b2,
          // PReLU's learned slopes (absent for every other activation).
          alpha: run.params.alpha,
          finalMse: mse,
        })
      : undefined;
  const isPresetShape = sweepKey(settings) === sweepKey(presetSettings);
  // The same element while its inputs stay the same, which Preact skips: the lab's training frames do not
  // re-render the sweep panel.
  const sweepPanelKey = sweepKey(settings);
  const sweepDisabled = !hydrated || busy;
  const sweepRecorded = isPresetShape ? props.recorded : null;
  const howManyPanel = useMemo(
    () => (
      <HowManyPanel
        key={sweepPanelKey}
        t={t}
        uid={uid}
        data={shape.data}
        epochs={settings.epochs}
        seeds={settings.seeds}
        width={width}
        disabled={sweepDisabled}
        recorded={sweepRecorded}
        getRunner={getSweepRunner}
        onBusy={setSweeping}
      />
    ),
    [
      sweepPanelKey,
      t,
      uid,
      shape.data,
      settings.epochs,
      settings.seeds,
      width,
      sweepDisabled,
      sweepRecorded,
      getSweepRunner,
    ],
  );
  const shapeCode = shapeParam(settings.shape);

  return (
    <div
      class="lab ul-lab"
      id={uid}
      ref={rootRef}
      data-demo="universal-lab"
      data-status={status}
      data-epoch={run.epoch}
      data-hydrated={hydrated ? 'true' : 'false'}
      data-shape={shapeCode}
      data-weights={weights}
      data-error={run.message ?? undefined}
    >
      <LabStatus
        class="lab__status"
        text={statusText}
        trainingLive={t.status.trainingLive}
        training={status === 'training'}
        hydrated={hydrated}
      />
      <RefusedNotice refused={url.refused} title={t.refusedTitle} message={(r) => refusalText(t, r)} />
      <FallbackNotice show={fallback}>{t.workerFallback}</FallbackNotice>
      <section class="ul-section" aria-labelledby={`${uid}-draw-title`}>
        <h3 class="ul-heading" id={`${uid}-draw-title`}>
          {t.draw}
        </h3>
        <DrawingArea
          t={t}
          uid={uid}
          values={settings.shape}
          width={width}
          disabled={!hydrated}
          onChange={(shape) => update({ shape })}
        />
        <div class="lab__buttons ul-presets" role="group" aria-label={t.presets}>
          <span class="ul-presets__label" aria-hidden="true">
            {t.presets}:
          </span>
          {SHAPE_PRESET_IDS.map((id) => (
            <button
              type="button"
              key={id}
              class="lab__button lab__button--small"
              data-preset={id}
              disabled={!hydrated}
              onClick={() => update({ shape: presetControls(id) })}
            >
              {t.presetNames[id]}
            </button>
          ))}
          <button
            type="button"
            class="lab__button lab__button--small"
            data-action="clear"
            disabled={!hydrated}
            onClick={() => update({ shape: flatControls() })}
          >
            {t.clear}
          </button>
        </div>
      </section>
      <div class="ul-controls">
        <TextNumberField
          id={`${uid}-units`}
          label={t.units}
          value={String(settings.units)}
          decimal={false}
          disabled={!hydrated}
          block="lab"
          setting={UNIVERSAL.fields.units.name}
          accept={(text) => {
            const parsed = parseUniversalSettings(new URLSearchParams([[UNIVERSAL.fields.units.name, text]]));
            if (parsed.refused[0]) return refusalText(t, parsed.refused[0]);
            if (parsed.settings.units !== settings.units) update({ units: parsed.settings.units });
            return null;
          }}
        />
        <div class="lab__field">
          <label for={`${uid}-uact`}>{t.uact}</label>
          <select
            id={`${uid}-uact`}
            value={settings.activation}
            disabled={!hydrated}
            onChange={(e) => update({ activation: (e.currentTarget as HTMLSelectElement).value as HiddenActivationId })}
          >
            {HIDDEN_ACTIVATION_IDS.map((id) => (
              <option key={id} value={id}>
                {ACTIVATIONS[id].name[lang]}
              </option>
            ))}
          </select>
        </div>
        <div class="lab__buttons">
          <button
            type="button"
            class="lab__button lab__button--primary"
            data-action="train"
            disabled={!hydrated || busy || sweeping}
            onClick={() => void train()}
          >
            {t.train}
          </button>
          <button type="button" class="lab__button" data-action="stop" disabled={!hydrated || !busy} onClick={stop}>
            {t.stop}
          </button>
        </div>
      </div>
      <div class="lab__plot" ref={plotBox} data-k={Math.min(k, units)} data-order={view.order.join(',')}>
        <div class="lab__svg" dangerouslySetInnerHTML={{ __html: layers.back }} />
        <div class="lab__svg lab__front" dangerouslySetInnerHTML={{ __html: layers.front }} />
        <div class="lab__svg lab__front" dangerouslySetInnerHTML={{ __html: marks }} />
        <p class="sr-only" id={`${plotSize.idPrefix}-summary`}>
          {plotLabels.desc} {centresText(t, run.params, view.order)}
        </p>
      </div>
      <div class="ul-sort">
        <label for={`${uid}-sort`}>{t.sort}</label>
        <input
          id={`${uid}-sort`}
          type="range"
          min={0}
          max={units}
          step={1}
          value={Math.min(k, units)}
          disabled={!hydrated}
          data-role="sort-slider"
          aria-valuetext={fill(t.sortValue, { k: Math.min(k, units), n: units })}
          onInput={(e) => setK(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <output for={`${uid}-sort`} data-role="sort-value">
          {fill(t.sortValue, { k: Math.min(k, units), n: units })}
        </output>
        <p class="lab__hint">{t.sortHint}</p>
      </div>
      {howManyPanel}
    </div>
  );
}
