/**
 * The Fit Lab island: settings → a training run in a worker → snapshots → plots, cards and status.
 * It holds state and wiring only; maths is in src/core, drawing in src/plots. Each instance owns its runner, so
 * several Fit Labs can share a page; only the one with `syncUrl` reads and writes the address bar.
 * Its parts: the settings (useFitSettings), the run and its buttons (run/), the fit plot (plot/), the loss over
 * time (timeline/), the neurons (neurons/), own points (points/), challenges (challenge/) and the panels below.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Dictionary, Lang } from '../../i18n';
import type { HiddenActivationId } from '../../core/activations/types';
import { testMse } from '../../core/analysis/test-loss';
import { fitPlotSvg, type FitView } from '../../plots/fitPlot';
import type { CompareResult } from '../../shared/fit-runner';
import { FallbackNotice, LabStatus, RefusedNotice } from '../../shared/LabNotices';
import { useHydrated } from '../../shared/island-kit';
import { useWidth } from '../../shared/useWidth';
import { activationName, finalMse, networkView, plotData, trainingSetup } from './view';
import { refusalMessage } from './text';
import { PredictPanel, usePrediction } from './PredictSketch';
import { FitDataTable } from './FitTables';
import { FitNotices } from './FitNotices';
import { FitPanels } from './FitPanels';
import { rootAttrs } from './root-attrs';
import { ChallengeBanner } from './challenge/ChallengeBanner';
import { useChallenge } from './challenge/useChallenge';
import { LiveCaption } from './neurons/LiveCaption';
import { NeuronCards } from './neurons/NeuronCards';
import { NeuronFormula } from './neurons/NeuronFormula';
import { useNeuronViews } from './neurons/useNeuronViews';
import { OwnPointsPanel } from './points/OwnPoints';
import { fitPlotLabels } from './plot/fit-plot-labels';
import { fitPlotSize } from './plot/plot-size';
import { PlotStack } from './plot/PlotStack';
import { freshRun, runFromStatic, shownRun } from './run/run-state';
import { unpackStaticRun, type PackedStaticRun } from './run/packed-run';
import { RunBar } from './run/RunBar';
import { statusText } from './run/status-text';
import { useFitRun } from './run/useFitRun';
import { LossOverTime } from './timeline/LossOverTime';
import { nextSeed, viewIndex } from './timeline/timeline';
import { useFitSettings } from './useFitSettings';

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
  /** The run recorded at build time for these settings (its loss history packed into a string). */
  staticRun?: PackedStaticRun | null;
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

export default function FitLabIsland(props: FitLabProps) {
  const { lang, uid, t } = props;
  // A settings change restarts the run (`fit` below: called from handlers and effects, never while rendering).
  const lab = useFitSettings(props.preset, props.syncUrl === true, (next, params) => fit.restart(next, params));
  const { settings, presetSettings, update } = lab;
  const [view, setView] = useState<FitView>(props.view ?? 'components');
  const hydrated = useHydrated();
  const [manual, setManual] = useState(false);
  const [editPoints, setEditPoints] = useState(false);
  const [plotBox, width] = useWidth(640, 280, 900);
  const setup = useMemo(
    () => trainingSetup(settings),
    [settings.target, settings.points, settings.noise, settings.holdout, settings.seed],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const fit = useFitRun(
    settings,
    setup,
    () =>
      props.staticRun ? runFromStatic(unpackStaticRun(props.staticRun), presetSettings) : freshRun(presetSettings),
    rootRef,
  );
  const { run, status, busy } = fit;

  // Going back to an epoch swaps the recorded moment in (manual mode always edits the live weights).
  const viewIdx = manual ? null : viewIndex(run.trail, run.viewEpoch);
  const shown = useMemo(() => shownRun(run, viewIdx), [run, viewIdx]);

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
  // The next seed's run starts once the new settings (and their data) have rendered.
  const onNewSeed = () => {
    update({ seed: nextSeed(lab.current().seed) });
    fit.trainAfterRender();
  };
  const prediction = usePrediction(props.predict === true, shown, settings, setup.data.x, busy);

  const name = activationName(settings.activation, lang);
  const plotSize = fitPlotSize(uid, width);
  const data = nv.plotData(plotData(setup, shown.params, netView, manual ? 'components' : view));
  const plotLabels = fitPlotLabels(t, {
    settings,
    setup,
    params: shown.params,
    components: netView.components,
    activation: name,
    bandTitle: nv.bandTitle,
  });
  // The one-piece SVG is only needed for the export buttons.
  const exportSvg = () => fitPlotSvg(data, plotSize, plotLabels);

  return (
    <div
      class="lab fitlab"
      id={uid}
      ref={rootRef}
      data-demo="fit-lab"
      {...rootAttrs({
        run,
        shown,
        settings,
        mse,
        testError,
        guessDistance: prediction.distance,
        hydrated,
        syncUrl: props.syncUrl,
      })}
      {...challenge.rootAttrs}
      {...nv.rootAttrs}
    >
      <LabStatus
        class="lab__status"
        text={statusText(t, hydrated, run, { epochs: settings.epochs, mse, points: setup.data.x.length })}
        trainingLive={t.status.trainingLive}
        training={status === 'training'}
        hydrated={hydrated}
      />
      <RefusedNotice refused={lab.refused} title={t.refusedTitle} message={(r) => refusalMessage(t, r)} />
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
      <FitNotices t={t} lang={lang} settings={settings} run={run} onSafeLr={(lr) => update({ lr })} />
      <PlotStack
        t={t}
        uid={uid}
        box={plotBox}
        nv={nv}
        data={data}
        size={plotSize}
        labels={plotLabels}
        hydrated={hydrated}
        settings={settings}
        manual={manual}
        params={shown.params}
        onParams={fit.place}
        editPoints={editPoints}
        onPoints={(points) => update({ points })}
        prediction={prediction}
      />
      <LiveCaption text={nv.caption} training={status === 'training'} />
      <FitDataTable t={t} params={shown.params} settings={settings} data={setup.data} muted={nv.muted} />
      <RunBar
        t={t}
        uid={uid}
        fit={fit}
        hydrated={hydrated}
        manual={manual}
        view={view}
        onView={setView}
        onNewSeed={onNewSeed}
      />
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
      <LossOverTime
        t={t}
        uid={uid}
        width={width}
        shown={shown}
        epochs={settings.epochs}
        divergedAt={run.divergedAt}
        events={fit.events}
        trail={run.trail}
        index={viewIdx}
        test={fit.testHistory}
        testError={testError}
        testPoints={setup.test.x.length}
        hydrated={hydrated}
        onScrub={fit.scrubTo}
      />
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
      <FitPanels
        t={t}
        lang={lang}
        uid={uid}
        settings={settings}
        presetSettings={presetSettings}
        setup={setup}
        hydrated={hydrated}
        fit={fit}
        params={shown.params}
        neuron={nv.neuron}
        mse={mse}
        exportSvg={exportSvg}
        settingsOpen={props.settingsOpen}
        manual={props.manual}
        sideBySide={props.sideBySide}
        exports={props.exports}
        compare={props.compare}
        compareOpen={props.compareOpen}
        onChange={update}
        onManual={setManual}
        onImport={lab.importRun}
      />
    </div>
  );
}
