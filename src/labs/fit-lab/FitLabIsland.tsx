/**
 * The Fit Lab island: settings → a training run in a worker → snapshots → plots, cards and status.
 * It holds state and wiring only; maths is in src/core, drawing in src/plots. Each instance owns its runner, so
 * several Fit Labs can share a page; only the one with `syncUrl` reads and writes the address bar.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Dictionary, Lang } from '../../i18n';
import {
  FIT_LAB,
  parseSettings,
  safeLearningRate,
  serializeSettings,
  lockedSettings,
  withChallengeLock,
  writeSettings,
  type FitLabSettings,
  type Refusal,
} from '../../core/settings/fit-lab';
import type { NetworkParams } from '../../core/train/types';
import { fitPlotLayers, fitPlotSvg, type FitView } from '../../plots/fitPlot';
import { lossPlotSvg } from '../../plots/lossPlot';
import { GuessLayer, PredictPanel, usePrediction } from './PredictSketch';
import { markerEpoch, RunActions, RunTimeline } from './timeline/RunTimeline';
import { epochForEvent, lossMarkers, nextSeed, viewIndex } from './timeline/timeline';
import { Controls } from './Controls';
import { ExportPanel } from './export/ExportPanel';
import { ChallengeBanner } from './challenge/ChallengeBanner';
import { useChallenge } from './challenge/useChallenge';
import { ManualLayer } from './neurons/ManualLayer';
import { activationName, finalMse, networkView, plotData, trainingSetup } from './view';
import { NeuronCards } from './neurons/NeuronCards';
import type { CompareResult } from '../../shared/fit-runner';
import type { HiddenActivationId } from '../../core/activations/types';
import { cannotLearn } from '../../core/activations/cannot-learn';
import { SideBySide } from './SideBySide';
import { refusalMessage } from './text';
import { FallbackNotice, LabStatus, RefusedNotice } from '../../shared/LabNotices';
import { useHydrated, useUrlSettings } from '../../shared/island-kit';
import { useWidth } from '../../shared/useWidth';
import { fill, formatNumber } from '../../shared/format';
import { FitDataTable, LossDataTable, TestLossTable } from './FitTables';
import { LiveCaption } from './neurons/LiveCaption';
import { ManualFields } from './neurons/ManualFields';
import { NeuronFormula } from './neurons/NeuronFormula';
import { useNeuronViews } from './neurons/useNeuronViews';
import { OwnPointsPanel } from './points/OwnPoints';
import { PointsLayer } from './points/PointsEditor';
import { testMse } from '../../core/analysis/test-loss';
import { freshRun, runFromStatic, shownRun, type StaticRun } from './run/run-state';
import { useFitRun } from './run/useFitRun';

export type { StaticRun } from './run/run-state';

export interface FitLabProps {
  lang: Lang;
  /** This language's Fit Lab strings (passed in, so the island does not bundle every dictionary of the site). */
  t: Dictionary['fitLab'];
  /** Unique on the page; prefixes element ids. */
  uid: string;
  /** Settings as a query string, e.g. "activation=relu&seed=3" (validated like a URL). */
  preset?: string;
  syncUrl?: boolean;
  staticRun?: StaticRun | null;
  view?: FitView;
  /** Optional panels. */
  sideBySide?: boolean;
  manual?: boolean;
  /** Offer "sketch your guess" of the trained curve before training. */
  predict?: boolean;
  exports?: boolean;
  settingsOpen?: boolean;
  /** Side-by-side results recorded at build time for the preset, and whether that panel starts open. */
  compare?: Partial<Record<HiddenActivationId, CompareResult>> | null;
  compareOpen?: boolean;
}
export const PLOT_ASPECT = 0.6;
/** Narrow plots (phones) are taller, so the curves stay readable: 272 px high at 340 px wide. */
export const NARROW_PLOT_ASPECT = 0.8;
/** Up to this width (px) a plot is narrow; fitlab.css's container query uses the same bound. */
export const NARROW_PLOT_WIDTH = 480;
export const plotAspect = (width: number) => (width <= NARROW_PLOT_WIDTH ? NARROW_PLOT_ASPECT : PLOT_ASPECT);
export const LOSS_ASPECT = 0.28;

export default function FitLabIsland(props: FitLabProps) {
  const { lang, uid } = props;
  const { t } = props;
  const presetSettings = useMemo(() => parseSettings(props.preset ?? '').settings, [props.preset]);
  const [settings, setSettings] = useState<FitLabSettings>(presetSettings);
  const [view, setView] = useState<FitView>(props.view ?? 'components');
  const hydrated = useHydrated();
  const [manual, setManual] = useState(false);
  const [plotBox, width] = useWidth(640, 280, 900);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const setup = useMemo(
    () => trainingSetup(settings),
    [settings.target, settings.points, settings.noise, settings.holdout, settings.seed],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const fit = useFitRun(
    settings,
    setup,
    () => (props.staticRun ? runFromStatic(props.staticRun, presetSettings) : freshRun(presetSettings)),
    rootRef,
  );
  const { run, status, busy, testHistory, events } = fit;

  // Going back to an epoch swaps the recorded moment in (manual mode always edits the live weights).
  const viewIdx = manual ? null : viewIndex(run.trail, run.viewEpoch);
  const shown = useMemo(() => shownRun(run, viewIdx), [run, viewIdx]);

  const [editPoints, setEditPoints] = useState(false);
  const testError = useMemo(
    () => (run.status === 'done' ? testMse(run.params, settings, setup.test) : null),
    [run.status, run.params, setup],
  );
  const netView = useMemo(
    () => networkView(shown.params, settings, setup.data.x, shown.dead),
    [shown.params, shown.dead, settings.activation, settings.activationParams, setup],
  );
  const nv = useNeuronViews(t, shown, settings, setup, netView.states);
  const mse = useMemo(
    () => (run.status === 'done' ? finalMse(run.params, settings, setup.data) : null),
    [run.status, run.params, setup],
  );

  const challenge = useChallenge(settings, run.status, mse);

  // The primary instance (syncUrl) reads its settings from the address bar and writes them back.
  const binding = useMemo(
    () => ({
      keys: FIT_LAB.readNames,
      parse: (search: string) => parseSettings(search, presetSettings),
      write: writeSettings,
    }),
    [presetSettings],
  );
  const url = useUrlSettings<FitLabSettings, Refusal>(binding, settings, {
    enabled: props.syncUrl === true,
    onRead: (parsed) => {
      if (serializeSettings(parsed.settings) === serializeSettings(presetSettings)) return;
      setSettings(parsed.settings);
      fit.restart(parsed.settings);
    },
  });

  const update = (patch: Partial<FitLabSettings>) => {
    url.touch();
    const next = withChallengeLock({ ...settingsRef.current, ...patch });
    fit.restart(next);
    setSettings(next);
  };
  // A run file's settings, points and (when it has them) weights, in place of the lab's.
  const importRun = (file: { settings: FitLabSettings; params: NetworkParams | null }) => {
    url.touch();
    const next = withChallengeLock(file.settings);
    fit.restart(next, file.params);
    setSettings(next);
  };
  // The next seed's run starts once the new settings (and their data) have rendered.
  const onNewSeed = () => {
    update({ seed: nextSeed(settingsRef.current.seed) });
    fit.trainAfterRender();
  };
  const prediction = usePrediction(props.predict === true, shown, settings, setup.data.x, busy);

  const name = activationName(settings.activation, lang);
  const statusText = !hydrated
    ? t.staticNote
    : fill(t.status[status], {
        epoch: status === 'diverged' ? (run.divergedAt ?? run.epoch) : run.epoch,
        epochs: settings.epochs,
        loss: formatNumber(run.loss),
        mse: formatNumber(mse),
        n: setup.data.x.length,
        message: run.message ?? '',
      });
  const componentText = netView.components
    .map((c, i) =>
      fill(t.plot.component, {
        i: i + 1,
        v: formatNumber(shown.params.w2[i]),
        w: formatNumber(shown.params.w1[i]),
        b: formatNumber(shown.params.b1[i]),
        centre: c.centre === null ? t.card.noCentre : formatNumber(c.centre),
        state: t.states[c.state],
      }),
    )
    .join(' ');
  const plotSize = { width, height: Math.round(width * plotAspect(width)), idPrefix: `${uid}-fit` };
  const data = nv.plotData(plotData(setup, shown.params, netView, manual ? 'components' : view));
  const plotLabels = {
    title: fill(t.plot.title, {
      target:
        settings.points !== null && setup.source === 'points'
          ? fill(t.own.title, { n: settings.points.length })
          : setup.target.text,
      hidden: settings.hidden,
      activation: name,
    }),
    desc: fill(t.plot.summary, {
      c: formatNumber(shown.params.b2),
      hidden: settings.hidden,
      components: componentText,
    }),
    target: t.plot.target,
    prediction: t.plot.prediction,
    bias: t.plot.bias,
    neuronTag: (i: number) => String(i + 1),
    dead: t.plot.dead,
    heldOut: t.own.heldOut,
    band: t.neurons.band,
    bandTitle: nv.bandTitle,
  };
  const layers = fitPlotLayers(data, plotSize, plotLabels);
  // The one-piece SVG is only needed for the export buttons.
  const exportSvg = () => fitPlotSvg(data, plotSize, plotLabels);
  const lossSvg = lossPlotSvg(
    {
      history: shown.history,
      epochs: settings.epochs,
      epoch: shown.epoch,
      divergedAt: run.divergedAt,
      markers: lossMarkers(t, events),
      test: testHistory.filter(([epoch]) => epoch <= shown.epoch),
    },
    { width, height: Math.round(width * LOSS_ASPECT), idPrefix: `${uid}-loss` },
    {
      title: t.plot.lossTitle,
      desc: fill(t.plot.lossDesc, { epoch: shown.epoch, loss: formatNumber(shown.loss) }),
      epoch: t.plot.epoch,
      loss: t.plot.loss,
      trainLegend: t.own.trainLoss,
      testLegend: t.own.testLoss,
    },
  );
  const weights =
    status === 'done' && mse !== null
      ? JSON.stringify({
          activation: settings.activation,
          hidden: settings.hidden,
          w1: run.params.w1,
          b1: run.params.b1,
          w2: run.params.w2,
          b2: run.params.b2,
          alpha: run.params.alpha,
          finalMse: mse,
        })
      : undefined;

  // Settings only change on input: keep the form out of the per-snapshot re-render.
  const updateRef = useRef(update);
  updateRef.current = update;
  const controls = useMemo(
    () => (
      <Controls
        t={t}
        lang={lang}
        uid={uid}
        settings={settings}
        disabled={!hydrated}
        locked={lockedSettings(settings)}
        onChange={(patch) => updateRef.current(patch)}
      />
    ),
    [settings, hydrated, lang],
  );

  return (
    <div
      class="lab fitlab"
      id={uid}
      ref={rootRef}
      data-demo="fit-lab"
      data-status={status}
      data-epoch={run.epoch}
      data-view-epoch={shown.epoch}
      data-weights-shown={JSON.stringify({
        w1: shown.params.w1,
        b1: shown.params.b1,
        w2: shown.params.w2,
        b2: shown.params.b2,
        alpha: shown.params.alpha,
      })}
      data-guess-distance={prediction.distance === null ? undefined : String(prediction.distance)}
      data-loss={run.loss === null ? '' : String(run.loss)}
      data-weights={weights}
      data-test-mse={testError === null ? undefined : String(testError)}
      data-points={settings.points ? settings.points.length : undefined}
      data-hydrated={hydrated ? 'true' : 'false'}
      data-sync-url={props.syncUrl ? 'true' : undefined}
      data-error={run.message ?? undefined}
      {...challenge.rootAttrs}
      {...nv.rootAttrs}
    >
      <LabStatus
        class="lab__status"
        text={statusText}
        trainingLive={t.status.trainingLive}
        training={status === 'training'}
        hydrated={hydrated}
      />
      <RefusedNotice refused={url.refused} title={t.refusedTitle} message={(r) => refusalMessage(t, r)} />
      <ChallengeBanner
        t={t}
        lang={lang}
        uid={uid}
        settings={settings}
        challenge={challenge}
        disabled={!hydrated}
        onLeave={() => update({ challenge: null })}
      />
      <FallbackNotice show={fit.fallback}>{t.workerFallback}</FallbackNotice>
      {cannotLearn(settings.activation) && (
        <p class="lab__notice" role="note" data-role="cannot-learn">
          {fill(t.cannotLearn[cannotLearn(settings.activation)!], { name: activationName(settings.activation, lang) })}
        </p>
      )}
      {status === 'diverged' && (
        <div class="lab__notice lab__notice--error" role="alert" data-role="diverged">
          <p>{fill(t.diverged, { lr: String(settings.lr), epoch: run.divergedAt ?? run.epoch })}</p>
          <button type="button" class="lab__button" onClick={() => update({ lr: safeLearningRate(settings.lr) })}>
            {fill(t.resetSafeLr, { lr: formatNumber(safeLearningRate(settings.lr)) })}
          </button>
        </div>
      )}
      <div class="lab__plot" ref={plotBox} {...nv.plotHover(data, plotSize)}>
        <div class="lab__svg" dangerouslySetInnerHTML={{ __html: layers.back }} />
        <div class="lab__svg lab__front" dangerouslySetInnerHTML={{ __html: layers.front }} />
        <p class="sr-only" id={`${plotSize.idPrefix}-summary`}>
          {plotLabels.desc}
        </p>
        {manual && hydrated && (
          <ManualLayer
            t={t}
            uid={uid}
            data={data}
            size={plotSize}
            params={shown.params}
            settings={settings}
            onParams={fit.place}
            neuron={nv.neuron}
          />
        )}
        {editPoints && hydrated && (
          <PointsLayer
            t={t}
            uid={uid}
            data={data}
            size={plotSize}
            points={settings.points}
            onPoints={(points) => update({ points })}
          />
        )}
        {prediction.enabled && hydrated && (
          <GuessLayer t={t} uid={uid} prediction={prediction} data={data} size={plotSize} />
        )}
      </div>
      <LiveCaption text={nv.caption} training={status === 'training'} />
      <FitDataTable t={t} params={shown.params} settings={settings} data={setup.data} muted={nv.muted} />
      <div class="fitlab__bar">
        <div class="lab__buttons" role="group" aria-label={t.title}>
          <button
            type="button"
            class="lab__button lab__button--primary"
            data-action="train"
            disabled={!hydrated || busy}
            onClick={fit.train}
          >
            {status === 'paused' ? t.resume : t.train}
          </button>
          <button
            type="button"
            class="lab__button"
            data-action="pause"
            disabled={!hydrated || status !== 'training'}
            onClick={fit.pause}
          >
            {t.pause}
          </button>
          <button type="button" class="lab__button" data-action="step" disabled={!hydrated || busy} onClick={fit.step}>
            {t.step}
          </button>
          <button type="button" class="lab__button" data-action="reset" disabled={!hydrated} onClick={fit.reset}>
            {t.reset}
          </button>
          <RunActions
            t={t}
            uid={uid}
            disabled={!hydrated || busy}
            canReplay={status !== 'idle' || run.epoch > 0}
            onReplay={fit.replay}
            onNewSeed={onNewSeed}
          />
        </div>
        <fieldset class="fitlab__view" disabled={!hydrated || manual}>
          <legend>{t.view}</legend>
          {(['components', 'sum'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name={`${uid}-view`} value={v} checked={view === v} onChange={() => setView(v)} />{' '}
              {v === 'components' ? t.viewComponents : t.viewSum}
            </label>
          ))}
        </fieldset>
      </div>
      <NeuronFormula
        t={t}
        formula={nv.formula}
        dead={netView.states.map((st) => st === 'dead')}
        error={nv.error}
        fullMse={nv.fullMse}
        points={setup.data.x.length}
        anyMuted={nv.muted.some(Boolean)}
        neuron={nv.neuron}
      />
      {prediction.enabled && (
        <PredictPanel
          t={t}
          uid={uid}
          prediction={prediction}
          epoch={shown.epoch}
          points={setup.data.x.length}
          disabled={!hydrated || busy}
          startLevel={setup.data.y.reduce((a, b) => a + b, 0) / setup.data.y.length}
          onStart={() => {
            if (status !== 'idle' || run.epoch > 0) fit.reset();
          }}
        />
      )}
      <div
        class="fitlab__loss"
        onClick={(e) => {
          const epoch = markerEpoch(e.target);
          if (epoch !== null && hydrated) fit.scrubTo(epochForEvent(run.trail, epoch));
        }}
        dangerouslySetInnerHTML={{ __html: lossSvg }}
      />
      <RunTimeline
        t={t}
        uid={uid}
        trail={run.trail}
        index={viewIdx}
        events={events}
        disabled={!hydrated}
        onScrub={fit.scrubTo}
      />
      <LossDataTable t={t} history={shown.history} />
      <TestLossTable t={t} history={testHistory} />
      {testError !== null && (
        <p class="lab__hint" data-role="test-mse">
          {fill(t.own.testMse, { n: setup.test.x.length, mse: formatNumber(testError) })}
        </p>
      )}
      <NeuronCards
        t={t}
        params={shown.params}
        states={netView.states}
        gradNorm={shown.gradNorm}
        deadSince={shown.deadSince}
        muted={nv.muted}
        disabled={!hydrated}
        onMute={nv.mute}
        onSolo={nv.solo}
        neuron={nv.neuron}
      />
      <OwnPointsPanel
        t={t}
        uid={uid}
        points={settings.points}
        syncUrl={props.syncUrl === true}
        editing={editPoints}
        disabled={!hydrated}
        onEditing={setEditPoints}
        onPoints={(points) => update({ points })}
        onPreset={() =>
          update({ points: presetSettings.points, noise: presetSettings.noise, holdout: presetSettings.holdout })
        }
      />
      <details class="lab__panel" open={props.settingsOpen || settings.challenge !== null}>
        <summary>{t.settings}</summary>
        {controls}
      </details>
      {/* In a challenge, weights placed by hand or the other activations' runs would give the answer away. */}
      {props.manual !== false && !settings.challenge && (
        <details class="lab__panel" onToggle={(e) => setManual((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t.manual}</summary>
          <p class="lab__hint">{t.place.hint}</p>
          <ManualFields
            t={t}
            uid={uid}
            params={shown.params}
            disabled={!hydrated || busy}
            onParams={fit.place}
            neuron={nv.neuron}
          />
          <button
            type="button"
            class="lab__button"
            data-action="train-from-here"
            disabled={!hydrated || busy}
            onClick={fit.trainFromHere}
          >
            {t.trainFromHere}
          </button>
        </details>
      )}
      {props.sideBySide !== false && !settings.challenge && (
        <SideBySide
          key={serializeSettings(settings)}
          t={t}
          lang={lang}
          uid={uid}
          settings={settings}
          setup={setup}
          disabled={!hydrated}
          getRunner={async () => {
            fit.reset();
            return fit.getRunner();
          }}
          initial={serializeSettings(settings) === serializeSettings(presetSettings) ? props.compare : null}
          open={props.compareOpen}
        />
      )}
      {props.exports !== false && (
        <ExportPanel
          t={t}
          uid={uid}
          settings={settings}
          params={run.params}
          svg={exportSvg}
          mse={mse}
          disabled={!hydrated}
          onImport={importRun}
        />
      )}
    </div>
  );
}
