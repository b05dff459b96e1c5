/**
 * "Run it yourself": pick activations, hidden neurons and a number of seeds, train them in the worker, and watch
 * the histograms fill in. State and wiring only: statistics come from src/core, drawing from HistogramCard.
 * Root: [data-demo="many-seeds-live"] with data-status (idle|loading|training|done|cancelled|error),
 * data-done and data-total, for tests and automation. Leaving the page ends its worker. Every control is disabled
 * until the island is interactive (the static HTML, and a reader without JavaScript, get disabled controls).
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { HiddenActivationId } from '../../core/activations/types';
import type { SeedRun } from '../../core/analysis/seed-stats';
import { buildCard, type SeedsText } from './cards';
import { parseSeedCount, SEEDS_PANEL } from './settings';
import { HistogramCard, OutcomeLegend, type CardData, type CardLabels } from './HistogramCard';

import { LiveSeedsRunner, type LiveStatus } from '../../shared/seeds-runner';
import type { Lang } from '../../i18n';
import { useHydrated, useLazy, usePageLifetime } from '../../shared/island-kit';
import { useHeldWhenAway } from '../../shared/useHeldWhenAway';
import { fill } from '../../shared/format';

export interface LiveSeedsProps {
  lang: Lang;
  t: SeedsText;
  labels: CardLabels;
  /** Activation ids with their display names, in registry order. */
  activations: Array<{ id: HiddenActivationId; name: string }>;
  edges: number[];
  lineMse: number;
  monotoneBound: number;
  /** Fit Lab link templates by `${activation}-h${hidden}`. */
  hrefTemplates: Record<string, string>;
}

const DEFAULTS = SEEDS_PANEL.defaults();

export default function LiveSeedsIsland(props: LiveSeedsProps) {
  const { t, lang } = props;
  const tl = t.live;
  const [chosen, setChosen] = useState<HiddenActivationId[]>(DEFAULTS.activations);
  const [hidden, setHidden] = useState(DEFAULTS.hidden);
  const [countText, setCountText] = useState(String(DEFAULTS.count));
  const [status, setStatus] = useState<LiveStatus>('idle');
  const [message, setMessage] = useState('');
  const [progress, setProgress] = useState({ done: 0, total: 0, partial: 0 });
  // Results reach the page in batches (one per trained chunk). They are collected here and shown one activation
  // per task, so each update re-draws a single histogram and the main thread never blocks for long.
  const [results, setResults] = useState<Record<string, SeedRun[]>>({});
  const collected = useRef<Record<string, SeedRun[]>>({});
  const dirty = useRef<string[]>([]);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cardCache = useRef(new Map<string, { runs: SeedRun[]; card: CardData }>());
  const [runHidden, setRunHidden] = useState(DEFAULTS.hidden);
  const [elapsed, setElapsed] = useState(0);
  const started = useRef(0);
  const ready = useHydrated();

  const pendingFinal = useRef<(() => void) | null>(null);
  const showStatus = (s: LiveStatus, m?: string) => {
    setStatus(s);
    setMessage(m ?? '');
    if (s === 'done' || s === 'cancelled') setElapsed((performance.now() - started.current) / 1000);
  };

  const scheduleFlush = () => {
    if (flushTimer.current !== null) return;
    flushTimer.current = setTimeout(() => {
      flushTimer.current = null;
      const activation = dirty.current.shift();
      if (activation === undefined) return;
      const runs = collected.current[activation] ?? [];
      setResults((prev) => ({ ...prev, [activation]: runs }));
      if (dirty.current.length > 0) scheduleFlush();
      else if (pendingFinal.current) {
        pendingFinal.current();
        pendingFinal.current = null;
      }
    }, 0);
  };

  const runner = useLazy(
    () =>
      new LiveSeedsRunner({
        status: (s, m) => {
          // A final status waits until every collected result is on screen, so "done" means "all drawn".
          if ((s === 'done' || s === 'cancelled') && flushTimer.current !== null)
            pendingFinal.current = () => showStatus(s, m);
          else showStatus(s, m);
        },
        progress: (done, total, partial) => setProgress({ done, total, partial }),
        results: (runs) => {
          for (const { activation, run } of runs) {
            collected.current[activation] = [...(collected.current[activation] ?? []), run];
            if (!dirty.current.includes(activation)) dirty.current.push(activation);
          }
          scheduleFlush();
        },
      }),
    (r) => r.dispose(),
  );
  usePageLifetime(() => {
    if (flushTimer.current !== null) clearTimeout(flushTimer.current);
    flushTimer.current = null;
    runner.dispose();
  });

  const rootRef = useRef<HTMLDivElement>(null);
  const shownStatus = useHeldWhenAway(rootRef, status, runner);

  const parsedCount = parseSeedCount(countText);
  const running = status === 'loading' || status === 'training';
  const locked = running || !ready;
  const problem = !parsedCount.ok ? tl.countRefused : chosen.length === 0 ? tl.noneChosen : '';

  const start = () => {
    if (!parsedCount.ok || chosen.length === 0) return;
    // Registry order, whatever order the boxes were ticked in.
    const activations = props.activations.map((a) => a.id).filter((id) => chosen.includes(id));
    collected.current = {};
    dirty.current = [];
    pendingFinal.current = null;
    cardCache.current.clear();
    setResults({});
    setRunHidden(hidden);
    started.current = performance.now();
    void runner.get().then((r) => r.start({ activations, hidden, count: parsedCount.value }));
  };

  // A card is rebuilt only when its activation's runs changed (same array ⇒ same card object ⇒ no redraw).
  const cards = useMemo(
    () =>
      props.activations
        .filter((a) => (results[a.id]?.length ?? 0) > 0)
        .map((a) => {
          const runs = results[a.id]!;
          const cached = cardCache.current.get(a.id);
          if (cached && cached.runs === runs) return cached.card;
          const id = `${a.id}-h${runHidden}`;
          const sorted = [...runs].sort((x, y) => x.seed - y.seed);
          const card = buildCard(`live-${id}`, a.id, runHidden, sorted, {
            edges: props.edges,
            lineMse: props.lineMse,
            monotoneBound: props.monotoneBound,
            lang,
            t,
            hrefTemplate: props.hrefTemplates[id] ?? '',
          });
          const titled = { ...card, heading: fill(tl.resultTitle, { name: card.heading, n: runs.length }) };
          cardCache.current.set(a.id, { runs, card: titled });
          return titled;
        }),
    [results, runHidden],
  );

  const statusText = fill(tl.status[shownStatus], {
    done: progress.done,
    total: progress.total,
    seconds: elapsed.toFixed(1),
    message,
  });
  const value = progress.total ? (progress.done + progress.partial) / progress.total : 0;

  return (
    <div
      class="seeds-live__body"
      ref={rootRef}
      data-demo="many-seeds-live"
      data-ready={ready ? 'true' : 'false'}
      data-status={shownStatus}
      data-done={progress.done}
      data-total={progress.total}
    >
      <div class="seeds-live__controls">
        <fieldset disabled={locked}>
          <legend>{tl.activations}</legend>
          {props.activations.map((a) => (
            <label key={a.id}>
              <input
                type="checkbox"
                name="activation"
                value={a.id}
                checked={chosen.includes(a.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setChosen((c) => (on ? [...c, a.id] : c.filter((id) => id !== a.id)));
                }}
              />
              {a.name}
            </label>
          ))}
        </fieldset>
        <label>
          {tl.hidden}
          <select
            value={String(hidden)}
            disabled={locked}
            onChange={(e) => setHidden(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <label>
          {tl.count}
          <input
            type="number"
            name="count"
            min={SEEDS_PANEL.fields.count.type.range!.min}
            max={SEEDS_PANEL.fields.count.type.range!.max}
            step={1}
            inputMode="numeric"
            value={countText}
            disabled={locked}
            aria-describedby="seeds-live-count-hint"
            aria-invalid={!parsedCount.ok}
            onInput={(e) => setCountText((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <div class="seeds-live__buttons">
          <button type="button" data-action="start" onClick={start} disabled={locked || problem !== ''}>
            {tl.start}
          </button>
          <button type="button" data-action="cancel" onClick={() => runner.current?.cancel()} disabled={!running}>
            {tl.cancel}
          </button>
        </div>
      </div>
      <p id="seeds-live-count-hint" class={problem ? 'seeds-live__error' : 'seeds-hint'}>
        {problem || tl.countHint}
      </p>
      <progress max={1} value={value} aria-label={tl.progress} />
      <p class="seeds-live__status" role="status" aria-live="polite">
        {statusText}
      </p>
      {cards.length > 0 ? <OutcomeLegend labels={props.labels} idPrefix="sl-legend" /> : null}
      {cards.length > 0 ? (
        <div class="seeds-grid__cards">
          {cards.map((c) => (
            <HistogramCard key={c.id} data={c} edges={props.edges} labels={props.labels} idPrefix={c.id} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
