/**
 * Manual mode's numbers: for each neuron its position −b/w and height v as text boxes (type a value and press
 * Enter or leave the box; arrow keys step it), and for PReLU its slope α, with the w, b and v that follow shown
 * beside them. A value that is not a number is named and not applied.
 */
import { useState } from 'preact/hooks';
import type { NetworkParams } from '../../../core/train/types';
import type { Dictionary } from '../../../i18n';
import { fill, formatNumber } from '../../../shared/format';
import { componentPlace, placeComponent, setSlope } from './neurons';
import type { ActiveNeuron } from './useActiveNeuron';
import { POSITION_STEP } from './ManualLayer';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  params: NetworkParams;
  disabled: boolean;
  onParams(params: NetworkParams): void;
  neuron: ActiveNeuron;
}

const HEIGHT_STEP = 0.1;
const SLOPE_STEP = 0.05;

/** A decimal number as readers type it: a true minus sign or a comma for the decimal point are fine too. */
export function readDecimal(text: string): number | null {
  const clean = text.trim().replace(/[−–]/g, '-').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(clean)) return null;
  const v = Number(clean);
  return Number.isFinite(v) ? v : null;
}

function NumberBox({
  id,
  label,
  value,
  step,
  disabled,
  refusedText,
  onValue,
}: {
  id: string;
  label: string;
  value: number | null;
  step: number;
  disabled: boolean;
  refusedText: (typed: string) => string;
  onValue(v: number): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = value === null ? '' : formatNumber(value, 4);
  const commit = (typed: string) => {
    if (typed.trim() === shown) {
      setText(null);
      setError(null);
      return;
    }
    const v = readDecimal(typed);
    if (v === null) {
      setError(refusedText(typed));
      return;
    }
    setError(null);
    setText(null);
    onValue(v);
  };
  return (
    <span class="fitlab__place-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        maxLength={32}
        value={text ?? shown}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => commit((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          setText(null);
          setError(null);
          onValue((value ?? 0) + (e.key === 'ArrowUp' ? step : -step));
        }}
      />
      {error && (
        <span class="lab__field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

export function ManualFields({ t, uid, params, disabled, onParams, neuron }: Props) {
  return (
    <ol class="fitlab__place">
      {params.w1.map((_, i) => {
        const k = i + 1;
        const place = componentPlace(params, i);
        const refused = (name: string, old: number | null) => (typed: string) =>
          fill(t.place.refused, { value: typed, name, old: formatNumber(old) });
        return (
          <li key={i} class="fitlab__place-row" data-neuron={k} {...neuron.hoverWithin(k)}>
            <span class="fitlab__place-name">{fill(t.place.neuron, { i: k })}</span>
            <NumberBox
              id={`${uid}-position-${k}`}
              label={t.place.position}
              value={place.position}
              step={POSITION_STEP}
              disabled={disabled}
              refusedText={refused(t.place.position, place.position)}
              onValue={(v) => onParams(placeComponent(params, i, { position: v }))}
            />
            <NumberBox
              id={`${uid}-height-${k}`}
              label={t.place.height}
              value={place.height}
              step={HEIGHT_STEP}
              disabled={disabled}
              refusedText={refused(t.place.height, place.height)}
              onValue={(v) => onParams(placeComponent(params, i, { height: v }))}
            />
            {params.alpha && (
              <NumberBox
                id={`${uid}-slope-${k}`}
                label={t.place.slope}
                value={params.alpha[i] ?? null}
                step={SLOPE_STEP}
                disabled={disabled}
                refusedText={refused(t.place.slope, params.alpha[i] ?? null)}
                onValue={(v) => onParams(setSlope(params, i, v))}
              />
            )}
            <span
              class="fitlab__place-readout"
              data-role="place-readout"
              data-w={String(params.w1[i])}
              data-b={String(params.b1[i])}
              data-v={String(params.w2[i])}
            >
              {fill(t.place.readout, {
                w: formatNumber(params.w1[i]),
                b: formatNumber(params.b1[i]),
                v: formatNumber(params.w2[i]),
              })}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
