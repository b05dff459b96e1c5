/**
 * One small card per hidden neuron: its numbers, how its activation is shifted and flipped, its state, and Mute and
 * Solo toggles (they change what is drawn, never the training). Hovering or focusing a card lights its neuron up.
 */
import type { Dictionary } from '../../../i18n';
import type { NetworkParams } from '../../../core/train/types';
import { DEAD_COLOUR, DEAD_DASH, neuronStyle } from '../../../plots/svg';
import type { NeuronState } from '../../../shared/network-view';
import { fill, formatNumber } from '../../../shared/format';
import { isSoloed } from './neurons';
import type { ActiveNeuron } from './useActiveNeuron';

interface Props {
  t: Dictionary['fitLab'];
  params: NetworkParams;
  states: readonly NeuronState[];
  gradNorm: readonly number[] | null;
  deadSince: readonly (number | null)[];
  muted: readonly boolean[];
  disabled: boolean;
  onMute(i: number): void;
  onSolo(i: number): void;
  neuron: ActiveNeuron;
}

export function Swatch({ i, dead }: { i: number; dead: boolean }) {
  const s = neuronStyle(i);
  const colour = dead ? DEAD_COLOUR : s.colour;
  return (
    <svg class="fitlab__swatch" viewBox="0 0 36 14" width="36" height="14" aria-hidden="true">
      <line
        x1="1"
        x2="35"
        y1="7"
        y2="7"
        stroke={colour}
        stroke-width="2"
        stroke-dasharray={dead ? DEAD_DASH : s.dash}
      />
      <path d={s.marker(40)} transform="translate(18,7)" fill={colour} />
    </svg>
  );
}

export function NeuronCards({
  t,
  params,
  states,
  gradNorm,
  deadSince,
  muted,
  disabled,
  onMute,
  onSolo,
  neuron,
}: Props) {
  const n = params.w1.length;
  return (
    <ol class="fitlab__cards">
      {params.w1.map((w, i) => {
        const b = params.b1[i]!;
        const v = params.w2[i]!;
        const state = states[i] ?? 'alive';
        const centre = w === 0 ? null : -b / w;
        const flips =
          [w < 0 ? t.card.flipMirror : null, v < 0 ? t.card.flipUpsideDown : null].filter(Boolean).join('; ') ||
          t.card.flipNone;
        const shift =
          centre === null || Math.abs(centre) < 1e-3
            ? '—'
            : fill(centre > 0 ? t.card.shiftedRight : t.card.shiftedLeft, { d: formatNumber(Math.abs(centre)) });
        // PReLU's learned slope, shown as it moves (other activations have none).
        const alpha = params.alpha?.[i];
        const since = deadSince[i];
        const off = muted[i] === true;
        const solo = isSoloed(muted, i, n);
        return (
          <li
            class={`fitlab__card fitlab__card--${state}${off ? ' fitlab__card--muted' : ''}`}
            key={i}
            data-neuron={i + 1}
            data-state={state}
            data-muted={off ? 'true' : undefined}
            data-alpha={alpha === undefined ? undefined : String(alpha)}
            tabIndex={0}
            {...neuron.hoverWithin(i + 1)}
          >
            <p class="fitlab__card-title">
              <Swatch i={i} dead={state === 'dead'} />
              <span>{fill(t.neuron, { i: i + 1 })}</span>
              <span class={`fitlab__badge fitlab__badge--${state}`}>{t.states[state]}</span>
            </p>
            <dl>
              <dt>{t.card.w}</dt>
              <dd>{formatNumber(w)}</dd>
              <dt>{t.card.b}</dt>
              <dd>{formatNumber(b)}</dd>
              <dt>{t.card.v}</dt>
              <dd>{formatNumber(v)}</dd>
              {alpha !== undefined && (
                <>
                  <dt>{t.card.alpha}</dt>
                  <dd>{fill(t.card.alphaValue, { a: formatNumber(alpha) })}</dd>
                </>
              )}
              <dt>{t.card.centre}</dt>
              <dd>{centre === null ? t.card.noCentre : formatNumber(centre)}</dd>
              <dt>{t.card.shift}</dt>
              <dd>{shift}</dd>
              <dt>{t.card.flip}</dt>
              <dd>{flips}</dd>
              <dt>{t.card.grad}</dt>
              <dd>{gradNorm ? formatNumber(gradNorm[i]) : '—'}</dd>
              {state === 'dead' && since !== null && since !== undefined && (
                <>
                  <dt>{t.card.state}</dt>
                  <dd>{fill(t.deadSince, { epoch: since })}</dd>
                </>
              )}
            </dl>
            <div class="fitlab__card-actions">
              <button
                type="button"
                class="lab__button lab__button--small"
                data-action="mute"
                aria-pressed={off ? 'true' : 'false'}
                aria-label={fill(t.neurons.muteLabel, { i: i + 1 })}
                title={t.neurons.muteTitle}
                disabled={disabled}
                onClick={() => onMute(i)}
              >
                {t.neurons.mute}
              </button>
              <button
                type="button"
                class="lab__button lab__button--small"
                data-action="solo"
                aria-pressed={solo ? 'true' : 'false'}
                aria-label={fill(t.neurons.soloLabel, { i: i + 1 })}
                title={t.neurons.soloTitle}
                disabled={disabled || n < 2}
                onClick={() => onSolo(i)}
              >
                {t.neurons.solo}
              </button>
            </div>
            {off && <p class="fitlab__card-note">{t.neurons.muted}</p>}
          </li>
        );
      })}
    </ol>
  );
}
