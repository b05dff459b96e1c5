/**
 * "How many units does this shape need?": trains sigmoid and ReLU at each size of UNIT_SWEEP (all seeds of both
 * activations as one batched compare per size), then shows the smallest size whose best run reaches MSE < 0.01,
 * a table and a chart. Numbers come from summarizeSweep on the returned weights; the weights themselves are
 * published in `data-runs` so they can be checked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { shortNameOf } from '../../core/activations/registry';
import { GOOD_FIT_MSE } from '../../core/analysis/network';
import {
  summarizeSweep,
  sweepConfigs,
  sweepRuns,
  type SweepPlan,
  type SweepRun,
  type SweepSummary,
} from '../../core/analysis/units-needed';
import { SWEEP_ACTIVATIONS, UNIT_SWEEP, UNIVERSAL_TRAINING } from './settings';
import type { Dataset, RunStatus } from '../../core/train/types';
import type { HiddenActivationId } from '../../core/activations/types';
import { unitsChartSvg } from '../../plots/universalPlots';
import type { FitRunner } from '../../shared/fit-runner';
import type { UniversalText } from './view';
import { fill, formatNumber, formatPercent } from '../../shared/format';
import { useAwayPause } from '../../shared/island-kit';

/** The sweep's status: a seed job's, with the idle state before it. */
type Phase = Extract<RunStatus, 'idle' | 'training' | 'done' | 'cancelled' | 'error'>;

interface Props {
  t: UniversalText;
  uid: string;
  data: Dataset;
  epochs: number;
  seeds: number;
  width: number;
  disabled: boolean;
  /** Build-time summary for this exact shape and settings, if there is one. */
  recorded: SweepSummary | null;
  getRunner(): Promise<FitRunner>;
  onBusy(busy: boolean): void;
}

export function HowManyPanel(props: Props) {
  const { t, uid } = props;
  const h = t.howMany;
  const [phase, setPhase] = useState<Phase>('idle');
  const [runs, setRuns] = useState<SweepRun[]>([]);
  const [summary, setSummary] = useState<SweepSummary | null>(props.recorded);
  const [done, setDone] = useState(0);
  const [current, setCurrent] = useState<number>(UNIT_SWEEP[0]);
  const [seconds, setSeconds] = useState(0);
  const [message, setMessage] = useState('');
  const generation = useRef(0);
  const runnerRef = useRef<FitRunner | null>(null);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  // A sweep nobody can see waits between slices (hidden tab, or the panel scrolled away) and carries on after.
  const rootRef = useRef<HTMLDetailsElement>(null);
  const away = useAwayPause(
    rootRef,
    phase === 'training',
    () => runnerRef.current?.pause(),
    () => runnerRef.current?.resume(),
  );
  const shownPhase = away && phase === 'training' ? 'paused' : phase;

  // The lab remounts this panel for a new drawing: a sweep of the old one stops and is forgotten.
  useEffect(() => {
    return () => {
      generation.current++;
      if (phaseRef.current === 'training') runnerRef.current?.cancel();
    };
  }, []);

  const plan: SweepPlan = {
    sizes: UNIT_SWEEP,
    activations: SWEEP_ACTIVATIONS,
    seeds: props.seeds,
    epochs: props.epochs,
    lr: UNIVERSAL_TRAINING.lr,
    batchSize: UNIVERSAL_TRAINING.batchSize,
  };

  const run = async () => {
    const id = ++generation.current;
    setPhase('training');
    props.onBusy(true);
    setRuns([]);
    setSummary(null);
    setDone(0);
    setMessage('');
    const started = performance.now();
    const all: SweepRun[] = [];
    try {
      const runner = await props.getRunner();
      runnerRef.current = runner;
      for (const [k, hidden] of plan.sizes.entries()) {
        if (id !== generation.current) return;
        setCurrent(hidden);
        const configs = sweepConfigs(plan, hidden);
        const results = await runner.compare(configs, props.data);
        if (id !== generation.current) return;
        all.push(...sweepRuns(configs, results));
        setRuns([...all]);
        setSummary(summarizeSweep(all, props.data, plan.activations));
        setDone(k + 1);
      }
      setSeconds((performance.now() - started) / 1000);
      setPhase('done');
    } catch (e) {
      if (id !== generation.current) return;
      const text = e instanceof Error ? e.message : String(e);
      if (text === 'superseded') setPhase('cancelled');
      else {
        setMessage(text);
        setPhase('error');
      }
    } finally {
      if (id === generation.current) props.onBusy(false);
    }
  };

  const cancel = () => {
    generation.current++;
    runnerRef.current?.cancel();
    setPhase('cancelled');
    props.onBusy(false);
  };

  // Short names (sigmoid, ReLU) keep the table and the chart's legend narrow.
  const name = (id: HiddenActivationId) => shortNameOf(id);
  const total = plan.sizes.length;
  const statusText = fill(h.status[shownPhase], {
    units: current,
    done,
    total,
    seeds: props.seeds,
    seconds: seconds.toFixed(1),
    message,
  });
  const neededText =
    summary?.needed.map((n) =>
      n.hidden === null
        ? fill(h.neededNone, { name: name(n.activation), max: Math.max(...UNIT_SWEEP) })
        : fill(h.needed, { name: name(n.activation), units: n.hidden, share: formatPercent(n.goodShare) }),
    ) ?? [];
  const sizes = summary ? [...new Set(summary.cells.map((c) => c.hidden))] : [];
  const cell = (hidden: number, activation: string) =>
    summary?.cells.find((c) => c.hidden === hidden && c.activation === activation);
  const chart =
    summary &&
    unitsChartSvg(
      plan.activations.map((a) => ({
        id: a,
        name: name(a),
        points: summary.cells.filter((c) => c.activation === a).map((c) => [c.hidden, c.bestMse] as const),
      })),
      UNIT_SWEEP,
      GOOD_FIT_MSE,
      { width: props.width, height: Math.round(props.width * 0.45), idPrefix: `${uid}-units` },
      {
        title: h.chartTitle,
        desc: fill(h.chartDesc, { needed: neededText.join(' ') }),
        units: h.unitsAxis,
        mse: h.mseAxis,
        threshold: h.threshold,
      },
    );
  const showingRecorded = phase === 'idle' && props.recorded !== null && summary === props.recorded;

  return (
    <details
      ref={rootRef}
      class="lab__panel ul-howmany"
      data-role="how-many"
      data-phase={showingRecorded ? 'recorded' : shownPhase}
      data-done={done}
      data-runs={phase === 'done' ? JSON.stringify(runs) : undefined}
      data-needed={summary ? JSON.stringify(summary.needed) : undefined}
      open
    >
      <summary>{h.title}</summary>
      <p class="lab__hint">{fill(h.hint, { seeds: props.seeds })}</p>
      <div class="lab__buttons">
        <button
          type="button"
          class="lab__button lab__button--primary"
          data-action="how-many"
          disabled={props.disabled || phase === 'training'}
          onClick={() => void run()}
        >
          {h.run}
        </button>
        <button
          type="button"
          class="lab__button"
          data-action="how-many-cancel"
          disabled={phase !== 'training'}
          onClick={cancel}
        >
          {h.cancel}
        </button>
        <label class="ul-howmany__progress">
          {h.progress} <progress max={total} value={done} />
        </label>
      </div>
      <p class="ul-howmany__status" role="status" aria-live="polite" data-role="how-many-status">
        {showingRecorded ? h.recorded : statusText}
      </p>
      {summary && (
        <>
          <ul class="ul-howmany__needed" data-role="needed">
            {summary.needed.map((n, k) => (
              <li key={n.activation} data-activation={n.activation} data-units={n.hidden ?? ''}>
                {neededText[k]}
              </li>
            ))}
          </ul>
          <div class="ul-howmany__chart" dangerouslySetInnerHTML={{ __html: chart ?? '' }} />
          <div class="ul-howmany__table" role="region" aria-label={h.tableCaption} tabIndex={0}>
            <table>
              <caption>{h.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{h.unitsHeader}</th>
                  {plan.activations.map((a) => [
                    <th scope="col" key={`${a}-best`}>
                      {fill(h.bestHeader, { name: name(a) })}
                    </th>,
                    <th scope="col" key={`${a}-share`}>
                      {fill(h.shareHeader, { name: name(a) })}
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {sizes.map((hidden) => (
                  <tr key={hidden} data-units={hidden}>
                    <th scope="row">{hidden}</th>
                    {plan.activations.map((a) => {
                      const c = cell(hidden, a);
                      return [
                        <td key={`${a}-best`} data-activation={a} data-best={c ? String(c.bestMse) : ''}>
                          {c ? formatNumber(c.bestMse) : '—'}
                        </td>,
                        <td key={`${a}-share`} data-activation={a} data-share={c ? String(c.goodShare) : ''}>
                          {c ? formatPercent(c.goodShare) : '—'}
                        </td>,
                      ];
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </details>
  );
}
