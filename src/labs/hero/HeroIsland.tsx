/**
 * The landing page's figure: two sigmoid neurons learn y = cos x + 1 in the training worker as soon as the figure
 * comes into view, every component v·σ(wx + b) drawn as it moves. Rendered on the server from the run recorded at
 * build time, so without JavaScript (and until it trains) the reader sees the trained network. It pauses while out
 * of sight; with reduced motion it trains without drawing the way there and shows the result.
 * Root: [data-demo="hero"] with data-status (idle|loading|training|paused|done|error), data-epoch, data-source
 * (recorded|live) and data-hydrated.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NetworkParams, Snapshot } from '../../core/train/types';
import { initialParams } from '../../core/train/random';
import { fitPlotLayers } from '../../plots/fitPlot';
import type { FitRunner } from '../../shared/fit-runner';
import {
  prefersReducedMotion,
  useAwayPause,
  useFrameQueue,
  useHydrated,
  useLazy,
  usePageLifetime,
} from '../../shared/island-kit';
import { LabStatus } from '../../shared/LabNotices';
import { useWidth } from '../../shared/useWidth';
import type { HeroRun } from './run';
import { patchSvg } from './svg-patch';
import { heroPlotLabels, heroStatusText, type HeroPhase, type HeroText } from './text';
import { HERO_CONFIG, HERO_DATA, heroPlotData } from './view';

export interface HeroProps {
  t: HeroText;
  uid: string;
  /** The run recorded at build time: what the figure shows until its own run draws. */
  run: HeroRun;
}

/** Height ÷ width of the plot, as `.lab__plot` keeps it, so the static and live figures take the same box. */
const PLOT_ASPECT = 0.6;
/**
 * Shortest time between two drawn frames: ten a second show the curves moving into place, and leave a phone's main
 * thread free for the rest of the page (the reader scrolling, other figures starting).
 */
const FRAME_MS = 100;
/** An idle period with this much time to spare (ms) means nothing else is queued: the page has settled. */
const QUIET_MS = 40;
/** Longest wait for a quiet moment, once the page has loaded, before the hero starts anyway (ms). */
const START_WITHIN_MS = 3000;

/**
 * Run `task` once the page has loaded and the main thread is quiet (an idle period of QUIET_MS), so the page's
 * own loading, the other islands' start and the reader's first scroll go first; at the latest START_WITHIN_MS after
 * load (a page that never goes idle), or soon after load where requestIdleCallback is missing.
 */
function whenSettled(task: () => void): void {
  const afterLoad = () => {
    if (typeof requestIdleCallback !== 'function') {
      setTimeout(task, 200);
      return;
    }
    const latest = performance.now() + START_WITHIN_MS;
    const attempt = (deadline: IdleDeadline) => {
      if (deadline.didTimeout || deadline.timeRemaining() >= QUIET_MS || performance.now() >= latest) task();
      else requestIdleCallback(attempt, { timeout: Math.max(1, latest - performance.now()) });
    };
    requestIdleCallback(attempt, { timeout: START_WITHIN_MS });
  };
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
}

interface Shown {
  params: NetworkParams;
  epoch: number;
  loss: number | null;
  /** Drawn from this page's own run (not the recorded one). */
  live: boolean;
}

export default function HeroIsland({ t, uid, run }: HeroProps) {
  const hydrated = useHydrated();
  const rootRef = useRef<HTMLDivElement>(null);
  const recorded: Shown = { params: run.params, epoch: run.epoch, loss: null, live: false };
  const [phase, setPhase] = useState<HeroPhase>('idle');
  const [shown, setShown] = useState<Shown>(recorded);
  const [plotBox, width] = useWidth(640, 260, 900);
  const runner = useLazy<FitRunner>(
    () => import('../../shared/fit-runner').then((m) => m.createFitRunner()),
    (r) => r.dispose(),
  );
  // Only the latest snapshot matters: the plot shows the network as it is now.
  const frames = useFrameQueue<Snapshot>((batch) => {
    const s = batch[batch.length - 1]!;
    setShown({ params: s.params, epoch: s.epoch, loss: s.loss, live: true });
  }, FRAME_MS);
  usePageLifetime(() => {
    frames.clear();
    runner.dispose();
    setPhase((p) => (p === 'loading' || p === 'training' || p === 'paused' ? 'idle' : p));
  });

  const train = async () => {
    // Reduced motion: no way there, only the result (the recorded run stays up until it arrives).
    const still = prefersReducedMotion();
    frames.clear();
    setPhase('loading');
    if (!still)
      setShown({ params: initialParams(HERO_CONFIG.seed, HERO_CONFIG.hidden), epoch: 0, loss: null, live: true });
    try {
      (await runner.get()).start(
        { config: HERO_CONFIG, data: HERO_DATA, speed: still ? 'instant' : 'normal' },
        {
          snapshot: (snap) => frames.push(snap),
          status: (status) => {
            if (status !== 'training') frames.flush();
            if (status === 'loading' || status === 'training' || status === 'paused' || status === 'done')
              setPhase(status);
            else {
              // Diverged, cancelled or failed: the recorded run is still a true picture of this network.
              frames.clear();
              setShown(recorded);
              setPhase('error');
            }
          },
        },
      );
    } catch {
      setShown(recorded);
      setPhase('error');
    }
  };

  const away = useAwayPause(
    rootRef,
    phase === 'training',
    () => runner.current?.pause(),
    () => runner.current?.resume(),
  );
  // It starts once the page has settled (whenSettled); if the reader has looked away by then, it waits for the next
  // time they see it.
  const started = useRef(false);
  const awayNow = useRef(away);
  awayNow.current = away;
  useEffect(() => {
    if (away || started.current) return;
    started.current = true;
    whenSettled(() => {
      if (awayNow.current) started.current = false;
      else void train();
    });
  }, [away]);

  const size = { width, height: Math.round(width * PLOT_ASPECT), idPrefix: `${uid}-plot` };
  const labels = heroPlotLabels(t, shown.params);
  // The words for the figure describe a network at rest; while it trains they keep the last one (nobody reads a
  // description ten times a second, and rewriting it costs each frame).
  const summary = useRef(labels.desc);
  if (phase !== 'training') summary.current = labels.desc;
  const layers = fitPlotLayers(heroPlotData(shown.params), size, labels);
  // The curves' layer is handed to Preact once (as rendered on the server) and then patched in place each frame:
  // re-parsing it every frame made each one a long task on a phone.
  const curves = useRef<HTMLDivElement>(null);
  const firstCurves = useRef(layers.front);
  useLayoutEffect(() => {
    if (curves.current) patchSvg(curves.current, layers.front);
  }, [layers.front]);
  const busy = phase === 'loading' || phase === 'training' || phase === 'paused';
  const status = heroStatusText(
    t,
    { phase, live: shown.live, hydrated, epoch: shown.epoch, epochs: HERO_CONFIG.epochs, loss: shown.loss },
    shown.params,
  );

  return (
    <div
      class="lab hero-lab"
      id={uid}
      ref={rootRef}
      data-demo="hero"
      data-status={phase}
      data-epoch={shown.epoch}
      data-source={shown.live ? 'live' : 'recorded'}
      data-hydrated={hydrated ? 'true' : 'false'}
    >
      <div class="lab__plot" ref={plotBox}>
        <div class="lab__svg" dangerouslySetInnerHTML={{ __html: layers.back }} />
        <div class="lab__svg lab__front" ref={curves} dangerouslySetInnerHTML={{ __html: firstCurves.current }} />
        <p class="sr-only" id={`${size.idPrefix}-summary`}>
          {summary.current}
        </p>
      </div>
      <div class="hero-lab__row">
        <LabStatus
          class="hero-lab__status"
          text={status}
          trainingLive={t.status.trainingLive}
          training={phase === 'training'}
          hydrated={hydrated}
        />
        <button
          type="button"
          class={`lab__button lab__button--small hero-lab__replay${hydrated ? '' : ' hero-lab__replay--static'}`}
          data-action="replay"
          disabled={!hydrated || busy}
          onClick={() => void train()}
        >
          {t.replay}
        </button>
      </div>
    </div>
  );
}
