/**
 * The Fit Lab island: settings → a training run in a worker → snapshots → plots, cards and status.
 * It holds state and wiring only; maths is in src/core, drawing in src/plots. Each instance owns its runner, so
 * several Fit Labs can share a page; only the one with `syncUrl` reads and writes the address bar.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dictionary, Lang } from '../../i18n';
import { initialParamsFor, withSlopesFor } from '../../core/train/random';
import {
  FIT_LAB,
  parseSettings,
  safeLearningRate,
  serializeSettings,
  toTrainConfig,
  lockedSettings,
  withChallengeLock,
  writeSettings,
  type FitLabSettings,
  type Refusal,
} from '../../core/settings/fit-lab';
import type { NetworkParams, RunStatus, Snapshot } from '../../core/train/types';
import { fitPlotLayers, fitPlotSvg, type FitView } from '../../plots/fitPlot';
import { lossPlotSvg } from '../../plots/lossPlot';
import { runEvents, stepsFromDeadSince, type DeadStep } from '../../core/analysis/run-events';
import { pushTrail, startTrail, type SnapshotTrail } from '../../core/sessions/snapshot-trail';
import { GuessLayer, PredictPanel, usePrediction } from './PredictSketch';
import { markerEpoch, RunActions, RunTimeline } from './timeline/RunTimeline';
import {
  atMoment,
  epochForEvent,
  lossMarkers,
  nextSeed,
  recordedTrail,
  viewIndex,
  type ShownRun,
} from './timeline/timeline';
import { Controls } from './Controls';
import { ExportPanel } from './export/ExportPanel';
import { ChallengeBanner } from './challenge/ChallengeBanner';
import { useChallenge } from './challenge/useChallenge';
import { ManualLayer } from './neurons/ManualLayer';
import { activationName, finalMse, networkView, plotData, trainingSetup } from './view';
import { neuronLabels } from '../../shared/network-view';
import { NeuronCards } from './neurons/NeuronCards';
import type { CompareResult, FitRunner } from '../../shared/fit-runner';
import type { HiddenActivationId } from '../../core/activations/types';
import { cannotLearn } from '../../core/activations/cannot-learn';
import { SideBySide } from './SideBySide';
import { refusalMessage } from './text';
import { FallbackNotice, LabStatus, RefusedNotice } from '../../shared/LabNotices';
import {
  useAwayPause,
  useFrameQueue,
  useHydrated,
  useLazy,
  usePageLifetime,
  useUrlSettings,
} from '../../shared/island-kit';
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

/** A finished run recorded at build time (see src/labs/fit-lab/generate-figures.ts), shown until the reader trains. */
export interface StaticRun {
  params: NetworkParams;
  history: Array<[number, number]>;
  epoch: number;
  dead: boolean[];
  deadSince: Array<number | null>;
  gradNorm?: number[] | null;
  status: 'done' | 'diverged';
  divergedAt: number | null;
}

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
/** At most ~25 redraws a second: the animation stays smooth and the main thread keeps most of its time free. */
const MIN_FRAME_MS = 40;

/** What one report adds: the latest snapshot (if any) and the [epoch, loss] pairs since the previous report. */
interface Report {
  snapshot: Snapshot | null;
  history: Array<[number, number]>;
}
export const LOSS_ASPECT = 0.28;

interface RunState {
  status: RunStatus;
  params: NetworkParams;
  epoch: number;
  loss: number | null;
  history: Array<[number, number]>;
  dead: boolean[];
  deadSince: Array<number | null>;
  gradNorm: number[] | null;
  divergedAt: number | null;
  message: string | null;
  /** Recorded moments of the run, to go back to. */
  trail: SnapshotTrail;
  /** The epoch the reader went back to; null while the views follow the run. */
  viewEpoch: number | null;
  /** A recorded run's deaths, epoch by epoch (its trail holds only its start and end). */
  recordedDeaths?: DeadStep[];
}

/** A run about to start from given weights: its trail starts there. */
function restartAt(params: NetworkParams, dead: boolean[]): Pick<RunState, 'trail' | 'viewEpoch' | 'recordedDeaths'> {
  return {
    trail: startTrail({ epoch: 0, params, dead, loss: null, gradNorm: null }),
    viewEpoch: null,
    recordedDeaths: undefined,
  };
}

function freshRun(s: FitLabSettings): RunState {
  const params = initialParamsFor(s.activation, s.seed, s.hidden);
  // A ReLU unit can be dead before training starts (b = 0, w < 0, x ≥ 0): that is "dead since epoch 0".
  const dead = neuronLabels(params, s, trainingSetup(s).data.x).map((state) => state === 'dead');
  return {
    status: 'idle',
    params,
    epoch: 0,
    loss: null,
    history: [],
    dead,
    deadSince: dead.map((d) => (d ? 0 : null)),
    gradNorm: null,
    divergedAt: null,
    message: null,
    ...restartAt(params, dead),
  };
}

function runFromStatic(r: StaticRun, s: FitLabSettings): RunState {
  const last = r.history[r.history.length - 1];
  const start = freshRun(s).trail.entries[0]!;
  const end = {
    epoch: r.epoch,
    params: r.params,
    dead: r.dead,
    loss: last ? last[1] : null,
    gradNorm: r.gradNorm ?? null,
  };
  return {
    status: 'idle',
    params: r.params,
    epoch: r.epoch,
    loss: last ? last[1] : null,
    history: r.history,
    dead: r.dead,
    deadSince: r.deadSince,
    gradNorm: r.gradNorm ?? null,
    divergedAt: r.divergedAt,
    message: null,
    trail: recordedTrail(start, end),
    viewEpoch: null,
    recordedDeaths: stepsFromDeadSince(r.deadSince),
  };
}

export default function FitLabIsland(props: FitLabProps) {
  const { lang, uid } = props;
  const { t } = props;
  const presetSettings = useMemo(() => parseSettings(props.preset ?? '').settings, [props.preset]);
  const [settings, setSettings] = useState<FitLabSettings>(presetSettings);
  const [run, setRun] = useState<RunState>(() =>
    props.staticRun ? runFromStatic(props.staticRun, presetSettings) : freshRun(presetSettings),
  );
  const [view, setView] = useState<FitView>(props.view ?? 'components');
  const hydrated = useHydrated();
  const [manual, setManual] = useState(false);
  const [fallback, setFallback] = useState(false);
  const [plotBox, width] = useWidth(640, 280, 900);
  const runner = useLazy<FitRunner>(
    () => import('../../shared/fit-runner').then((m) => m.createFitRunner()),
    (r) => r.dispose(),
  );
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  // Going back to an epoch swaps the recorded moment in (manual mode always edits the live weights).
  const viewIdx = manual ? null : viewIndex(run.trail, run.viewEpoch);
  /**
   * What every view draws (plot, cards, loss, caption): one value, so a view of another moment of the run
   * (e.g. a past epoch) replaces it in one place. Training state and controls keep reading `run`.
   */
  const shown = useMemo<ShownRun>(
    () =>
      atMoment(
        {
          params: run.params,
          dead: run.dead,
          deadSince: run.deadSince,
          epoch: run.epoch,
          loss: run.loss,
          gradNorm: run.gradNorm,
          history: run.history,
        },
        run.trail,
        viewIdx,
      ),
    [run, viewIdx],
  );

  const setup = useMemo(
    () => trainingSetup(settings),
    [settings.target, settings.points, settings.noise, settings.holdout, settings.seed],
  );
  // [epoch, MSE on the held-out points] of the latest run, for the test curve.
  const [testHistory, setTestHistory] = useState<Array<[number, number]>>([]);
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
  const placeManually = (params: NetworkParams) =>
    setRun((r) => ({ ...r, params, status: 'idle', dead: [], deadSince: [] }));
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
      setRun(freshRun(parsed.settings));
    },
  });

  // Snapshots can arrive faster than frames: queue them and draw once per frame.
  const reports = useFrameQueue<Report>((batch) => {
    const h = batch.flatMap((r) => r.history);
    const s = batch.reduce<Snapshot | null>((last, r) => r.snapshot ?? last, null);
    setRun((r) => {
      const next = {
        ...r,
        history: h.length ? [...r.history, ...h] : r.history,
        trail: batch.reduce((t, b) => (b.snapshot ? pushTrail(t, b.snapshot) : t), r.trail),
      };
      if (!s) return next;
      const deadSince = s.dead.map((d, i) => (d ? (r.deadSince[i] ?? s.epoch) : null));
      return { ...next, params: s.params, epoch: s.epoch, loss: s.loss, dead: s.dead, deadSince, gradNorm: s.gradNorm };
    });
  }, MIN_FRAME_MS);
  const onSnapshot = useCallback(
    (snapshot: Snapshot, history: Array<[number, number]>) => reports.push({ snapshot, history }),
    [],
  );
  const onLosses = useCallback((history: Array<[number, number]>) => reports.push({ snapshot: null, history }), []);

  // Leaving the page ends the worker; a new one starts on the next Train.
  usePageLifetime(() => {
    reports.clear();
    runner.dispose();
    setRun((r) =>
      r.status === 'training' || r.status === 'loading' || r.status === 'paused' ? { ...r, status: 'idle' } : r,
    );
  });

  const getRunner = () => runner.get();
  // The start of the latest run, for "Replay the same start" (undefined: the seed's own weights).
  const lastStart = useRef<{ settings: string; initial?: NetworkParams } | null>(null);

  const start = async (opts: { fromCurrent: boolean; startPaused: boolean; initial?: NetworkParams }) => {
    const s = settingsRef.current;
    const given = opts.initial ?? (opts.fromCurrent ? run.params : undefined);
    // PReLU's slopes go with its weights, and only with its weights.
    const initial = given && withSlopesFor(s.activation, given);
    lastStart.current = { settings: serializeSettings(s), initial };
    const startDead = initial ? neuronLabels(initial, s, setup.data.x).map((st) => st === 'dead') : [];
    setTestHistory([]);
    setRun((r) => ({
      ...(initial ? { ...r, history: [], epoch: 0, ...restartAt(initial, startDead) } : freshRun(s)),
      params: initial ?? initialParamsFor(s.activation, s.seed, s.hidden),
      status: 'loading',
      divergedAt: null,
      message: null,
    }));
    try {
      const runner = await getRunner();
      runner.start(
        {
          config: toTrainConfig(s),
          data: setup.data,
          test: setup.test,
          initial,
          speed: s.speed,
          startPaused: opts.startPaused,
        },
        {
          testLoss: (p) => setTestHistory((h) => [...h, p]),
          snapshot: onSnapshot,
          losses: onLosses,
          fallback: () => setFallback(true),
          status: (status, info) => {
            if (status !== 'training') reports.flush();
            setRun((r) => ({
              ...r,
              status,
              divergedAt: info.divergedAt ?? (status === 'diverged' ? info.epoch : r.divergedAt),
              message: info.message ?? null,
            }));
          },
        },
      );
    } catch (e) {
      setRun((r) => ({ ...r, status: 'error', message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const cancelRun = () => {
    runner.current?.cancel();
    reports.clear();
  };

  const update = (patch: Partial<FitLabSettings>) => {
    url.touch();
    cancelRun();
    const next = withChallengeLock({ ...settingsRef.current, ...patch });
    setTestHistory([]);
    setSettings(next);
    setRun(freshRun(next));
  };

  // A run file's settings, points and (when it has them) weights, in place of the lab's.
  const importRun = (file: { settings: FitLabSettings; params: NetworkParams | null }) => {
    url.touch();
    cancelRun();
    const next = withChallengeLock(file.settings);
    setTestHistory([]);
    setSettings(next);
    setRun(file.params ? { ...freshRun(next), params: file.params, dead: [], deadSince: [] } : freshRun(next));
  };

  const status = run.status;
  const busy = status === 'training' || status === 'loading';
  // A run nobody can see waits: hidden tab or lab scrolled away.
  const rootRef = useRef<HTMLDivElement>(null);
  useAwayPause(
    rootRef,
    status === 'training',
    () => runner.current?.pause(),
    () => runner.current?.resume(),
  );
  const onTrain = () => {
    if (status === 'paused') runner.current?.resume();
    else void start({ fromCurrent: false, startPaused: false });
  };
  const onStep = () => {
    if (status === 'paused') runner.current?.step();
    else void start({ fromCurrent: false, startPaused: true });
  };
  const onReset = () => {
    cancelRun();
    setTestHistory([]);
    setRun(freshRun(settingsRef.current));
  };
  const onReplay = () => {
    const same = lastStart.current?.settings === serializeSettings(settingsRef.current);
    void start({ fromCurrent: false, startPaused: false, initial: same ? lastStart.current?.initial : undefined });
  };
  // The next seed's run starts once the new settings (and their data) have rendered.
  const [trainSoon, setTrainSoon] = useState(false);
  useEffect(() => {
    if (!trainSoon) return;
    setTrainSoon(false);
    void start({ fromCurrent: false, startPaused: false });
  }, [trainSoon]);
  const onNewSeed = () => {
    update({ seed: nextSeed(settingsRef.current.seed) });
    setTrainSoon(true);
  };
  const scrubTo = (epoch: number | null) => setRun((r) => ({ ...r, viewEpoch: epoch }));
  const events = useMemo(
    () =>
      runEvents({ steps: run.recordedDeaths ?? run.trail.entries, losses: run.history, divergedAt: run.divergedAt }),
    [run.recordedDeaths, run.trail, run.history, run.divergedAt],
  );
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
      <FallbackNotice show={fallback}>{t.workerFallback}</FallbackNotice>
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
            onParams={placeManually}
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
            onClick={onTrain}
          >
            {status === 'paused' ? t.resume : t.train}
          </button>
          <button
            type="button"
            class="lab__button"
            data-action="pause"
            disabled={!hydrated || status !== 'training'}
            onClick={() => runner.current?.pause()}
          >
            {t.pause}
          </button>
          <button type="button" class="lab__button" data-action="step" disabled={!hydrated || busy} onClick={onStep}>
            {t.step}
          </button>
          <button type="button" class="lab__button" data-action="reset" disabled={!hydrated} onClick={onReset}>
            {t.reset}
          </button>
          <RunActions
            t={t}
            uid={uid}
            disabled={!hydrated || busy}
            canReplay={status !== 'idle' || run.epoch > 0}
            onReplay={onReplay}
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
            if (status !== 'idle' || run.epoch > 0) onReset();
          }}
        />
      )}
      <div
        class="fitlab__loss"
        onClick={(e) => {
          const epoch = markerEpoch(e.target);
          if (epoch !== null && hydrated) scrubTo(epochForEvent(run.trail, epoch));
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
        onScrub={scrubTo}
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
            onParams={placeManually}
            neuron={nv.neuron}
          />
          <button
            type="button"
            class="lab__button"
            data-action="train-from-here"
            disabled={!hydrated || busy}
            onClick={() => void start({ fromCurrent: true, startPaused: false })}
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
            onReset();
            return getRunner();
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
