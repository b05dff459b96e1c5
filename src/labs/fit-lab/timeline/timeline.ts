/**
 * The Fit Lab's view of a run over time: which recorded moment the views show when the reader scrubs back, the
 * run's events in words and as loss-plot markers, and the trail of a run recorded at build time. Framework-free.
 */
import { PLATEAU_RULE, type RunEvent } from '../../../core/analysis/run-events';
import {
  deadSinceAt,
  indexAtEpoch,
  pushTrail,
  startTrail,
  type SnapshotTrail,
  type TrailEntry,
} from '../../../core/sessions/snapshot-trail';
import { RANGES } from '../../../core/settings/fit-lab';
import type { NetworkParams } from '../../../core/train/types';
import type { Dictionary } from '../../../i18n';
import type { LossMarker } from '../../../plots/lossMarkers';
import { fill, formatNumber } from '../../../shared/format';

type Text = Dictionary['fitLab'];

/** A moment of the run as the views draw it (the fields of the island's `shown` that change with the epoch). */
export interface Moment {
  params: NetworkParams;
  dead: boolean[];
  deadSince: Array<number | null>;
  epoch: number;
  loss: number | null;
  gradNorm: number[] | null;
}

/** The moment of the run that the views show, with the losses up to it. */
export interface ShownRun extends Moment {
  history: Array<[number, number]>;
}

/** The live view with the moment at trail `index` in place of the live one (`live` itself when index is null). */
export function atMoment<T extends Moment>(live: T, trail: SnapshotTrail, index: number | null): T {
  return index === null ? live : { ...live, ...momentAt(trail, index) };
}

/** The trail index the views show for a chosen epoch; null when that is the latest entry (the live run). */
export function viewIndex(trail: SnapshotTrail, viewEpoch: number | null): number | null {
  if (viewEpoch === null) return null;
  const k = indexAtEpoch(trail, viewEpoch);
  return k === trail.entries.length - 1 ? null : k;
}

export function momentAt(trail: SnapshotTrail, index: number): Moment {
  const e = trail.entries[index]!;
  return {
    params: e.params,
    dead: e.dead,
    deadSince: deadSinceAt(trail, index),
    epoch: e.epoch,
    loss: e.loss,
    gradNorm: e.gradNorm,
  };
}

/** The seed after `seed` ("New seed"), back to the first after the last. */
export function nextSeed(seed: number): number {
  return seed >= RANGES.seed.max ? RANGES.seed.min : seed + 1;
}

/** Where an event takes the reader: the first recorded epoch at or after it (the latest if none). */
export function epochForEvent(trail: SnapshotTrail, epoch: number): number {
  const found = trail.entries.find((e) => e.epoch >= epoch);
  return (found ?? trail.entries[trail.entries.length - 1]!).epoch;
}

/**
 * A run recorded at build time: only its start (the seed's weights) and its end have weights. (Its deaths are known
 * epoch by epoch, as deadSince: the island reads its events from those.)
 */
export function recordedTrail(start: TrailEntry, end: TrailEntry): SnapshotTrail {
  return pushTrail(startTrail(start), end);
}

export function eventText(t: Text, e: RunEvent): string {
  switch (e.kind) {
    case 'died':
      return e.epoch === 0
        ? fill(t.events.deadFromStart, { i: e.neuron + 1 })
        : fill(t.events.died, { i: e.neuron + 1, epoch: e.epoch });
    case 'plateau':
      return fill(t.events.plateau, { from: e.epoch, to: e.until, loss: formatNumber(e.loss) });
    case 'diverged':
      return fill(t.events.diverged, { epoch: e.epoch });
  }
}

/** The loss plot's markers, tagged with each event's number in the list. */
export function lossMarkers(t: Text, events: readonly RunEvent[]): LossMarker[] {
  return events.map((e, k) => ({
    kind: e.kind,
    epoch: e.epoch,
    until: e.kind === 'plateau' ? e.until : undefined,
    tag: String(k + 1),
    title: `${k + 1}. ${eventText(t, e)}`,
  }));
}

/** The rule the events follow, in words. */
export function eventRuleText(t: Text): string {
  return fill(t.events.rule, {
    percent: PLATEAU_RULE.minImprovement * 100,
    window: PLATEAU_RULE.window,
    span: 2 * PLATEAU_RULE.window,
  });
}
