/**
 * A Fit Lab run over time: the runner in its worker (made on the first run), starting a run (from the seed's
 * weights, from given ones, or paused for one step), pause, step, reset, replay and "train from here", the
 * runner's snapshots drawn once per frame, the held-out losses, and the run's events.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { initialParamsFor, withSlopesFor } from '../../../core/train/random';
import { serializeSettings, toTrainConfig, type FitLabSettings } from '../../../core/settings/fit-lab';
import type { NetworkParams, Snapshot } from '../../../core/train/types';
import { runEvents } from '../../../core/analysis/run-events';
import { pushTrail } from '../../../core/sessions/snapshot-trail';
import { neuronLabels } from '../../../shared/network-view';
import type { FitRunner } from '../../../shared/fit-runner';
import { useAwayPause, useFrameQueue, useLazy, usePageLifetime, type ElementRef } from '../../../shared/island-kit';
import type { TrainingSetup } from '../view';
import { freshRun, restartAt, type RunState } from './run-state';

/** At most ~25 redraws a second: the animation stays smooth and the main thread keeps most of its time free. */
const MIN_FRAME_MS = 40;

/** What one report adds: the latest snapshot (if any) and the [epoch, loss] pairs since the previous report. */
interface Report {
  snapshot: Snapshot | null;
  history: Array<[number, number]>;
}

interface StartOptions {
  fromCurrent: boolean;
  startPaused: boolean;
  initial?: NetworkParams;
}

/**
 * The run of a lab with these settings and data. `initial` makes the first state (a recorded run or a fresh one);
 * `root` is the lab's element: a run nobody can see (hidden tab, lab scrolled away) waits.
 */
export function useFitRun(settings: FitLabSettings, setup: TrainingSetup, initial: () => RunState, root: ElementRef) {
  const [run, setRun] = useState<RunState>(initial);
  // [epoch, MSE on the held-out points] of the latest run, for the test curve.
  const [testHistory, setTestHistory] = useState<Array<[number, number]>>([]);
  const [fallback, setFallback] = useState(false);
  const runner = useLazy<FitRunner>(
    () => import('../../../shared/fit-runner').then((m) => m.createFitRunner()),
    (r) => r.dispose(),
  );
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

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

  const start = async (opts: StartOptions) => {
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

  /** Ends the run and starts over from `next` settings' seed (or from `params`, e.g. an imported run's weights). */
  const restart = (next: FitLabSettings, params: NetworkParams | null = null) => {
    runner.current?.cancel();
    reports.clear();
    setTestHistory([]);
    setRun(params ? { ...freshRun(next), params, dead: [], deadSince: [] } : freshRun(next));
  };

  const status = run.status;
  const busy = status === 'training' || status === 'loading';
  useAwayPause(
    root,
    status === 'training',
    () => runner.current?.pause(),
    () => runner.current?.resume(),
  );

  // A run asked for with new settings starts once they (and their data) have rendered.
  const [trainSoon, setTrainSoon] = useState(false);
  useEffect(() => {
    if (!trainSoon) return;
    setTrainSoon(false);
    void start({ fromCurrent: false, startPaused: false });
  }, [trainSoon]);

  const events = useMemo(
    () =>
      runEvents({ steps: run.recordedDeaths ?? run.trail.entries, losses: run.history, divergedAt: run.divergedAt }),
    [run.recordedDeaths, run.trail, run.history, run.divergedAt],
  );

  return {
    run,
    status,
    busy,
    testHistory,
    /** The runner fell back from its worker to the main thread. */
    fallback,
    events,
    getRunner,
    train: () => {
      if (status === 'paused') runner.current?.resume();
      else void start({ fromCurrent: false, startPaused: false });
    },
    step: () => {
      if (status === 'paused') runner.current?.step();
      else void start({ fromCurrent: false, startPaused: true });
    },
    pause: () => runner.current?.pause(),
    reset: () => restart(settingsRef.current),
    restart,
    replay: () => {
      const same = lastStart.current?.settings === serializeSettings(settingsRef.current);
      void start({ fromCurrent: false, startPaused: false, initial: same ? lastStart.current?.initial : undefined });
    },
    trainFromHere: () => void start({ fromCurrent: true, startPaused: false }),
    trainAfterRender: () => setTrainSoon(true),
    /** Weights placed by hand: the run stops being a run of the trainer. */
    place: (params: NetworkParams) => setRun((r) => ({ ...r, params, status: 'idle', dead: [], deadSince: [] })),
    /** Shows the run at a recorded epoch (null: follow the run). */
    scrubTo: (epoch: number | null) => setRun((r) => ({ ...r, viewEpoch: epoch })),
  };
}

export type FitRun = ReturnType<typeof useFitRun>;
