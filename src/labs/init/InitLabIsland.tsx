/**
 * "Initialisation matters": choose the kernel scheme, the hidden-bias start, the activation and a number of seeds;
 * see the scheme's first draw of w₁ at once, and measure the seed experiment live in the training worker next to
 * the precomputed numbers. State and wiring only: settings in ./settings.ts, statistics in seed-stats.ts,
 * the weights in init-weights.ts, drawing in plots/initWeights.ts.
 * Root: [data-demo="init-lab"] with data-ready, data-status (idle|loading|training|done|cancelled|error),
 * data-done, data-total and, once a measurement has ended, data-runs (its runs as JSON, for checking); the address
 * bar holds ikernel, ibias, iact and iseeds.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../i18n';
import { seedDataset } from '../../core/data/dataset';
import {
  layerLimits,
  KERNEL_INITS,
  SMALL_POSITIVE_BIAS,
  type InitSpec,
  type KernelInit,
} from '../../core/train/init-schemes';
import { DEFAULT_SETTINGS } from '../../core/settings/fit-lab';
import {
  DEFAULT_INIT_LAB,
  INIT_LAB,
  initLabChunks,
  parseBias,
  parseInitLab,
  parseSeedCount,
  writeInitLab,
  type InitLabActivation,
  type InitLabSettings,
  type InitRefusal,
} from './settings';
import { initWeightsHistogram } from '../../core/analysis/init-weights';
import { summarizeConfig, type SeedRun } from '../../core/analysis/seed-stats';

import { Controls, type BiasChoice, type ControlState } from './Controls';
import { ResultsTable, WeightsFigure } from './Results';
import { LiveSeedsRunner, type LiveStatus } from '../../shared/seeds-runner';
import { biasText, findRow, refusalText, type InitLabText, type PrecomputedRow, type StatKey } from './text';
import { RefusedNotice } from '../../shared/LabNotices';
import { type UrlBinding, useLazy, usePageLifetime, useUrlSettings } from '../../shared/island-kit';
import { useHeldWhenAway } from '../../shared/useHeldWhenAway';
import { fill, formatMse } from '../../shared/format';

export interface InitLabProps {
  lang: Lang;
  t: InitLabText;
  activationNames: Record<InitLabActivation, string>;
  rows: PrecomputedRow[];
  precomputedRuns: number;
  lineMse: number;
}

const URL_BINDING: UrlBinding<InitLabSettings, InitRefusal> = {
  keys: INIT_LAB.readNames,
  parse: (search) => parseInitLab(search),
  write: (s, query) => writeInitLab(query, s),
};

const xs = seedDataset().x;

/** The seed experiment's training: hidden 2, Adam 0.04, 300 epochs, batch 32 (as in `npm run init-experiment`). */
const INIT_LAB_TRAINING = {
  hidden: 2,
  lr: DEFAULT_SETTINGS.lr,
  epochs: DEFAULT_SETTINGS.epochs,
  batchSize: DEFAULT_SETTINGS.batch,
};

function controlsFor(s: InitLabSettings): ControlState {
  const b = s.init.hiddenBias;
  const biasChoice: BiasChoice = b === 0 ? '0' : b === SMALL_POSITIVE_BIAS ? '0.1' : 'other';
  return {
    kernel: s.init.kernel,
    biasChoice,
    biasOther: biasChoice === 'other' ? String(b) : '',
    activation: s.activation,
    seedsText: String(s.seeds),
  };
}

function whyText(t: InitLabText, init: InitSpec, activation: InitLabActivation): string {
  // φ(0) = 0 for ReLU and leaky ReLU only: with zero kernels and bias, sigmoid units still output ½ and learn (as twins).
  const zeroAtZero = activation !== 'sigmoid';
  if (init.kernel === 'zeros') return init.hiddenBias === 0 && zeroAtZero ? t.why.zerosNoBias : t.why.zerosBias;
  if (!zeroAtZero) return t.why.neverOff;
  if (init.hiddenBias === 0) return t.why.signNoBias;
  return init.hiddenBias > 0 ? t.why.signPositiveBias : t.why.signNegativeBias;
}

export default function InitLabIsland(props: InitLabProps) {
  const { t, lang } = props;
  const [controls, setControls] = useState<ControlState>(() => controlsFor(DEFAULT_INIT_LAB));
  const [status, setStatus] = useState<LiveStatus>('idle');
  const [message, setMessage] = useState('');
  const [progress, setProgress] = useState({ done: 0, total: 0, partial: 0 });
  const [runs, setRuns] = useState<SeedRun[]>([]);
  const [elapsed, setElapsed] = useState(0);
  const collected = useRef<SeedRun[]>([]);
  const started = useRef(0);

  const bias =
    controls.biasChoice === 'other'
      ? parseBias(controls.biasOther.trim())
      : ({ ok: true, value: Number(controls.biasChoice) } as const);
  const seeds = parseSeedCount(controls.seedsText.trim());
  // The figure and the URL follow the last valid settings while the reader is mid-way through typing.
  const lastValid = useRef<InitLabSettings>(DEFAULT_INIT_LAB);
  if (bias.ok && seeds.ok)
    lastValid.current = {
      init: { kernel: controls.kernel, hiddenBias: bias.value },
      activation: controls.activation,
      seeds: seeds.value,
    };
  const settings = lastValid.current;
  const settingsKey = writeInitLab('', settings);
  const url = useUrlSettings(URL_BINDING, settings, {
    enabled: true,
    onRead: (parsed) => setControls(controlsFor(parsed.settings)),
  });
  const ready = url.ready;

  const runner = useLazy(
    () =>
      new LiveSeedsRunner({
        status: (s, m) => {
          setStatus(s);
          setMessage(m ?? '');
          if (s === 'done' || s === 'cancelled') setElapsed((performance.now() - started.current) / 1000);
        },
        progress: (done, total, partial) => setProgress({ done, total, partial }),
        results: (batch) => {
          collected.current = [...collected.current, ...batch.map((b) => b.run)];
          setRuns(collected.current);
        },
      }),
    (r) => r.dispose(),
  );
  usePageLifetime(() => runner.dispose());

  const rootRef = useRef<HTMLDivElement>(null);
  const shownStatus = useHeldWhenAway(rootRef, status, runner);
  const running = status === 'loading' || status === 'training';
  const change = (next: Partial<ControlState>) => {
    url.touch();
    setControls((c) => ({ ...c, ...next }));
    // Results describe the settings they were measured with: a new choice clears them.
    collected.current = [];
    setRuns([]);
    setStatus('idle');
    setProgress({ done: 0, total: 0, partial: 0 });
  };
  const measure = () => {
    if (!bias.ok || !seeds.ok) return;
    collected.current = [];
    setRuns([]);
    started.current = performance.now();
    void runner.get().then((r) => r.startChunks(initLabChunks(settings, INIT_LAB_TRAINING), settings.seeds));
  };

  const histogram = useMemo(
    () => initWeightsHistogram(settings.init, settings.activation, 2, settings.seeds, xs),
    [settingsKey],
  );
  const live = useMemo(() => (runs.length ? summarizeConfig(runs, props.lineMse) : null), [runs]);
  const limits = Object.fromEntries(
    KERNEL_INITS.map((k) => [k, { w1: formatMse(layerLimits(k, 2).w1), w2: formatMse(layerLimits(k, 2).w2) }]),
  ) as Record<KernelInit, { w1: string; w2: string }>;
  const keys: StatKey[] =
    settings.activation === 'leaky_relu'
      ? ['negativeAtInitShare', 'negativeAtEndShare', 'goodFitShare', 'medianMse']
      : ['deadAtInitShare', 'deadAtEndShare', 'goodFitShare', 'medianMse'];
  const kernelName = t.kernelNames[settings.init.kernel];
  const statusText = fill(t.status[shownStatus], {
    done: progress.done,
    total: progress.total,
    seconds: elapsed.toFixed(1),
    message,
  });
  const value = progress.total ? (progress.done + progress.partial) / progress.total : 0;
  const ended = status === 'done' || status === 'cancelled';
  const runsJson = useMemo(() => (ended ? JSON.stringify(runs) : undefined), [ended, runs]);

  return (
    <div
      class="init-lab__body"
      ref={rootRef}
      data-demo="init-lab"
      data-ready={ready ? 'true' : 'false'}
      data-status={shownStatus}
      data-done={progress.done}
      data-total={progress.total}
      data-runs={runsJson}
    >
      <RefusedNotice
        class="init-lab__notice"
        refused={url.refused}
        title={t.refusedTitle}
        message={(r) => refusalText(t, r)}
      />
      <Controls
        t={t}
        state={controls}
        onChange={change}
        activationNames={props.activationNames}
        limits={limits}
        bias={bias}
        seeds={seeds}
        running={running}
        ready={ready}
        onMeasure={measure}
        onCancel={() => runner.current?.cancel()}
      />
      <progress max={1} value={value} aria-label={t.progress} />
      <p class="init-lab__status" role="status" aria-live="polite">
        {statusText}
      </p>
      <div class="init-lab__panels">
        <ResultsTable
          t={t}
          lang={lang}
          caption={fill(t.resultsCaption, {
            activation: props.activationNames[settings.activation],
            kernel: kernelName,
            bias: biasText(settings.init.hiddenBias),
          })}
          keys={keys}
          live={live}
          liveRuns={runs.length}
          precomputed={findRow(props.rows, settings.activation, settings.init)}
          precomputedRuns={props.precomputedRuns}
        />
        <WeightsFigure
          t={t}
          lang={lang}
          histogram={histogram}
          kernelName={kernelName}
          bias={biasText(settings.init.hiddenBias)}
          why={whyText(t, settings.init, settings.activation)}
        />
      </div>
    </div>
  );
}
