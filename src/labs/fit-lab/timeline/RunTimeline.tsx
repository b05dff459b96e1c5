/**
 * The run over time, under the loss plot: a slider over the recorded epochs (moving it shows that moment of the
 * run in every view of the lab; at its right end the views follow the live run) and the run's events as a
 * numbered list matching the loss plot's markers; choosing an event goes to its epoch. `RunActions` are the two
 * ways to train again: from the same start, or from the next seed's.
 */
import type { RunEvent } from '../../../core/analysis/run-events';
import type { SnapshotTrail } from '../../../core/sessions/snapshot-trail';
import type { Dictionary } from '../../../i18n';
import { MARKER_SHAPES } from '../../../plots/lossMarkers';
import { fill } from '../../../shared/format';
import { epochForEvent, eventRuleText, eventText } from './timeline';

type Text = Dictionary['fitLab'];

/** The epoch of the loss-plot marker at or around a clicked element, if any. */
export function markerEpoch(target: EventTarget | null): number | null {
  const marker = target instanceof Element ? target.closest('[data-role="event-marker"]') : null;
  const epoch = Number(marker?.getAttribute('data-epoch') ?? NaN);
  return Number.isFinite(epoch) ? epoch : null;
}

interface TimelineProps {
  t: Text;
  uid: string;
  trail: SnapshotTrail;
  /** The trail index shown, or null for the live run (the last entry). */
  index: number | null;
  events: readonly RunEvent[];
  disabled: boolean;
  /** Show the run at this epoch (null: the live run). */
  onScrub(epoch: number | null): void;
}

export function RunTimeline({ t, uid, trail, index, events, disabled, onScrub }: TimelineProps) {
  const last = trail.entries.length - 1;
  const at = index ?? last;
  const epoch = trail.entries[at]!.epoch;
  const latest = trail.entries[last]!.epoch;
  const valueText = fill(t.scrub.value, { epoch, last: latest });
  const id = `${uid}-scrub`;
  const go = (k: number) => onScrub(k >= last ? null : trail.entries[k]!.epoch);
  return (
    <div class="fitlab__timeline">
      <p class="lab__hint" id={`${uid}-run-hint`}>
        {t.runActionsHint}
      </p>
      <div class="fitlab__scrub">
        <label for={id}>{t.scrub.label}</label>
        <input
          id={id}
          type="range"
          data-scrub=""
          min={0}
          max={last}
          step={1}
          value={at}
          aria-valuetext={valueText}
          disabled={disabled || last === 0}
          onInput={(e) => go(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <output for={id} data-role="scrub-value">
          {valueText}
        </output>
        {index !== null && (
          <button
            type="button"
            class="lab__button lab__button--small"
            data-action="scrub-latest"
            onClick={() => onScrub(null)}
          >
            {t.scrub.latest}
          </button>
        )}
      </div>
      {index !== null && (
        <p class="lab__hint" data-role="scrub-note">
          {fill(t.scrub.past, { epoch, last: latest })}
        </p>
      )}
      <div class="fitlab__events">
        <p class="fitlab__events-title" id={`${uid}-events-title`}>
          {t.events.title}
        </p>
        {events.length === 0 ? (
          <p class="lab__hint">{t.events.none}</p>
        ) : (
          <>
            <p class="lab__hint">{t.events.pick}</p>
            <ol data-role="run-events" aria-labelledby={`${uid}-events-title`}>
              {events.map((e, k) => (
                <li key={`${e.kind}-${e.epoch}-${k}`} data-event-kind={e.kind} data-epoch={e.epoch}>
                  <button
                    type="button"
                    class="fitlab__event"
                    data-action="scrub-to-event"
                    disabled={disabled}
                    aria-current={index !== null && epoch === epochForEvent(trail, e.epoch) ? 'true' : undefined}
                    onClick={() => onScrub(epochForEvent(trail, e.epoch))}
                  >
                    <svg class="fitlab__event-tag" width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true">
                      <path d={MARKER_SHAPES[e.kind]} fill="none" stroke="currentColor" stroke-width="1.25" />
                      <text text-anchor="middle" dy="0.35em" font-size="9" font-weight="700" fill="currentColor">
                        {k + 1}
                      </text>
                    </svg>
                    {eventText(t, e)}
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
        <p class="lab__hint">{eventRuleText(t)}</p>
      </div>
    </div>
  );
}

interface ActionsProps {
  t: Text;
  uid: string;
  disabled: boolean;
  /** Whether there is a start to replay (a run has begun). */
  canReplay: boolean;
  onReplay(): void;
  onNewSeed(): void;
}

/** Described by the hint RunTimeline shows (id `<uid>-run-hint`). */
export function RunActions({ t, uid, disabled, canReplay, onReplay, onNewSeed }: ActionsProps) {
  return (
    <>
      <button
        type="button"
        class="lab__button"
        data-action="replay"
        disabled={disabled || !canReplay}
        aria-describedby={`${uid}-run-hint`}
        onClick={onReplay}
      >
        {t.replay}
      </button>
      <button
        type="button"
        class="lab__button"
        data-action="new-seed"
        disabled={disabled}
        aria-describedby={`${uid}-run-hint`}
        onClick={onNewSeed}
      >
        {t.newSeed}
      </button>
    </>
  );
}
