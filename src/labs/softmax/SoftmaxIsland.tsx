/**
 * The softmax demo island: 3–6 editable logits and a temperature slider drive probability bars that always sum
 * to 1. A logit box holding something that is not a number shows a message and the last valid value is kept.
 */
import { useId, useState } from 'preact/hooks';
import {
  DEFAULT_LOGITS,
  MAX_LOGITS,
  MIN_LOGITS,
  TEMPERATURE,
  parseLogit,
  softmax,
} from '../../core/activations/softmax';
import { buildSoftmaxBars, formatProbability } from '../../plots/softmaxBars';
import type { Dictionary } from '../../i18n';
import { StatusNote } from '../../shared/StatusNote';

import { useWidth } from '../../shared/useWidth';
import { useHydrated } from '../../shared/island-kit';
import './softmax.css';
import { fill, formatNumber } from '../../shared/format';

export interface SoftmaxProps {
  t: Dictionary['gallery'];
  /** Shown until the island has hydrated (the controls are disabled until then); then `t.liveNote` takes its place. */
  staticNote: string;
}

interface LogitEntry {
  /** What the reader typed. */
  text: string;
  /** The last valid number typed in this box. */
  value: number;
  invalid: boolean;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
const entryOf = (value: number): LogitEntry => ({ text: String(value), value, invalid: false });

export default function SoftmaxIsland({ t, staticNote }: SoftmaxProps) {
  const uid = useId();
  const ready = useHydrated();
  const [entries, setEntries] = useState<LogitEntry[]>(() => DEFAULT_LOGITS.map(entryOf));
  const [temperature, setTemperature] = useState<number>(TEMPERATURE.default);
  const [barsRef, width] = useWidth(560, 260, 720);

  const logits = entries.map((e) => e.value);
  const probabilities = softmax(logits, temperature);
  const total = probabilities.reduce((a, b) => a + b, 0);
  const scene = buildSoftmaxBars({
    probabilities,
    labels: logits.map((z, i) => `z${subscript(i + 1)} = ${formatNumber(z, 4)}`),
    width,
  });
  const summary = fill(t.probabilitiesLabel, {
    list: probabilities.map((p, i) => `p${subscript(i + 1)} = ${formatProbability(p)}`).join(', '),
  });

  const edit = (index: number, text: string) =>
    setEntries((list) =>
      list.map((entry, i) => {
        if (i !== index) return entry;
        const parsed = parseLogit(text);
        return parsed.ok ? { text, value: parsed.value, invalid: false } : { ...entry, text, invalid: true };
      }),
    );

  return (
    <div
      class="sm not-content"
      data-demo="softmax"
      data-ready={ready ? 'true' : 'false'}
      data-probabilities={JSON.stringify(probabilities)}
      data-sum={String(total)}
      data-temperature={String(temperature)}
    >
      <StatusNote ready={ready} staticNote={staticNote} liveNote={t.liveNote} className="sm-hint" />
      <fieldset class="sm-logits">
        <legend>{t.logitsLabel}</legend>
        {entries.map((entry, i) => {
          const messageId = `sm-msg-${uid}-${i}`;
          return (
            <div class="sm-logit" key={i}>
              <label>
                <span>{fill(t.logit, { i: subscript(i + 1) })}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  spellcheck={false}
                  value={entry.text}
                  disabled={!ready}
                  aria-invalid={entry.invalid ? 'true' : 'false'}
                  aria-describedby={entry.invalid ? messageId : undefined}
                  data-logit={i}
                  onInput={(e) => edit(i, e.currentTarget.value)}
                />
              </label>
              <p id={messageId} class="sm-message" role="status" data-message={i}>
                {entry.invalid ? fill(t.notANumber, { value: entry.text, last: formatNumber(entry.value, 6) }) : ''}
              </p>
            </div>
          );
        })}
        <div class="sm-buttons">
          <button
            type="button"
            disabled={!ready || entries.length >= MAX_LOGITS}
            data-control="add"
            onClick={() => setEntries((l) => [...l, entryOf(0)])}
          >
            + {t.addLogit}
          </button>
          <button
            type="button"
            disabled={!ready || entries.length <= MIN_LOGITS}
            data-control="remove"
            onClick={() => setEntries((l) => l.slice(0, -1))}
          >
            − {t.removeLogit}
          </button>
        </div>
      </fieldset>

      <label class="sm-temperature">
        <span>{fill(t.temperature, { t: temperature.toFixed(2) })}</span>
        <input
          type="range"
          min={TEMPERATURE.min}
          max={TEMPERATURE.max}
          step={TEMPERATURE.step}
          value={temperature}
          disabled={!ready}
          data-control="temperature"
          onInput={(e) => setTemperature(Number(e.currentTarget.value))}
        />
      </label>

      <div ref={barsRef}>
        <svg
          class="sm-bars"
          preserveAspectRatio="xMinYMid meet"
          viewBox={`0 0 ${scene.width} ${scene.height}`}
          width={scene.width}
          height={scene.height}
          role="img"
          aria-labelledby={`sm-title-${uid} sm-desc-${uid}`}
          data-plot="softmax"
        >
          <title id={`sm-title-${uid}`}>{summary}</title>
          <desc id={`sm-desc-${uid}`}>{t.softmaxDesc}</desc>
          {scene.ticks.map((tick) => (
            <g key={tick.value} class="ag-tick">
              <line class="ag-grid" x1={tick.position} x2={tick.position} y1={0} y2={scene.height - 18} />
              <text x={tick.position} y={scene.height - 4} text-anchor="middle">
                {tick.label}
              </text>
            </g>
          ))}
          {scene.bars.map((bar) => (
            <g key={bar.index} data-bar={bar.index} data-probability={String(bar.probability)}>
              <text class="sm-label" x={bar.x - 8} y={bar.y + bar.height / 2} dy="0.32em" text-anchor="end">
                {bar.label}
              </text>
              <rect class="sm-bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={2} />
              <text class="sm-value" x={bar.textX} y={bar.y + bar.height / 2} dy="0.32em">
                {bar.valueText}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <p class="sm-sum" data-sum-text="">
        {fill(t.sum, { sum: total.toFixed(6) })}
      </p>
    </div>
  );
}
