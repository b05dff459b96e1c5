/**
 * The Fit Lab's plot in words: where the components bend (hinges, steps or bends, by activation), which neurons
 * are dead or muted, and where the fit is worst — "Two hinges at x = 2.8 and 3.5; neuron 2 dead since epoch 0;
 * largest error 0.12 at x = 3.1." Pure, so the build-time figure and the island say the same thing.
 */
import { ACTIVATIONS } from '../../../core/activations/registry';
import type { HiddenActivationId } from '../../../core/activations/types';
import type { NetworkParams } from '../../../core/train/types';
import type { Dictionary } from '../../../i18n';
import type { NeuronState } from '../../../shared/network-view';
import { fill, formatNumber } from '../../../shared/format';
import type { FitError } from './neurons';

export type CaptionText = Dictionary['fitLab']['caption'];

/** What a component's special point looks like for an activation. */
export type ShapeKind = 'line' | 'step' | 'bump' | 'hinge' | 'bend';

export function shapeKind(activation: HiddenActivationId): ShapeKind {
  if (activation === 'linear') return 'line';
  const facts = ACTIVATIONS[activation].facts;
  // Flat on both sides: a step if it only rises (or falls), a bump if it rises and falls again.
  if (facts.saturatesOn === 'both') return facts.monotonic ? 'step' : 'bump';
  if (facts.kinks.length > 0) return 'hinge';
  return 'bend';
}

export interface CaptionInput {
  activation: HiddenActivationId;
  params: NetworkParams;
  states: readonly NeuronState[];
  deadSince: readonly (number | null)[];
  muted: readonly boolean[];
  /** The data's x range: hinges outside it do not shape the fit. */
  xRange: readonly [number, number];
  /** The shown network's error on the data (muted neurons left out); null: not told. */
  error: FitError | null;
}

/** "a", "a and b", "a, b and c" in the caption's language. */
export function listText(items: readonly string[], t: Pick<CaptionText, 'and' | 'comma'>): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(t.comma)}${t.and}${items[items.length - 1]}`;
}

const short = (v: number) => formatNumber(v, 2);

export function fitCaption(input: CaptionInput, t: CaptionText): string {
  const { params, states, muted } = input;
  const [lo, hi] = input.xRange;
  const parts: string[] = [];

  const kind = shapeKind(input.activation);
  if (kind === 'line') parts.push(t.line);
  else {
    const places = params.w1
      .map((w, i) => (w === 0 || states[i] === 'dead' || muted[i] ? null : -params.b1[i]! / w))
      .filter((c): c is number => c !== null && Number.isFinite(c) && c >= lo && c <= hi)
      .sort((a, b) => a - b);
    // Places that read the same are named once: "two hinges at x = 0", not "at x = 0 and 0".
    const named = [...new Set(places.map(short))];
    const { one, many } = t.shapes[kind];
    if (places.length === 0) parts.push(fill(t.none, { shape: one }));
    else
      parts.push(
        fill(t.at, {
          count: t.numbers[places.length] ?? String(places.length),
          shape: places.length === 1 ? one : many,
          list: listText(named, t),
        }),
      );
  }

  states.forEach((state, i) => {
    if (state !== 'dead') return;
    const since = input.deadSince[i];
    parts.push(
      since === null || since === undefined ? fill(t.deadNow, { i: i + 1 }) : fill(t.dead, { i: i + 1, epoch: since }),
    );
  });

  const off = muted.flatMap((m, i) => (m ? [String(i + 1)] : []));
  if (off.length > 0) parts.push(fill(off.length === 1 ? t.mutedOne : t.mutedMany, { list: listText(off, t) }));

  if (input.error) parts.push(fill(t.error, { error: short(input.error.largest), x: short(input.error.at) }));

  return parts.join(t.separator) + t.end;
}
