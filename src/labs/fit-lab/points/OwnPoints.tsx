/**
 * The "Your own points" panel: turn on editing on the plot (PointsLayer), paste points (PastePoints), clear them or
 * go back to the preset's data; it says how many points the lab trains on and, for the lab that writes the address,
 * when there are more than a link carries.
 */
import { MAX_URL_POINTS, fitsInUrl } from '../../../core/data/url-points';
import type { Point } from '../../../core/data/points';
import type { Dictionary } from '../../../i18n';
import { fill } from '../../../shared/format';
import { PastePoints } from './PastePoints';

type Text = Dictionary['fitLab'];

interface Props {
  t: Text;
  uid: string;
  points: readonly Point[] | null;
  /** The lab writes its settings into the address. */
  syncUrl: boolean;
  editing: boolean;
  disabled: boolean;
  onEditing(on: boolean): void;
  onPoints(points: Point[] | null): void;
  onPreset(): void;
}

export function OwnPointsPanel(props: Props) {
  const { t, uid, points, syncUrl, editing, disabled, onEditing, onPoints, onPreset } = props;
  return (
    <details class="lab__panel" data-role="own-points">
      <summary>{t.own.heading}</summary>
      <p class="lab__hint" id={`${uid}-points-hint`}>
        {t.own.hint}
      </p>
      <p role="status" data-role="points-count" data-count={points ? points.length : 0}>
        {points ? fill(t.own.count, { n: points.length }) : t.own.none}
      </p>
      {syncUrl && points && !fitsInUrl(points) && (
        <p class="lab__notice" role="note" data-role="points-not-in-link">
          {fill(t.own.notInLink, { n: points.length, max: MAX_URL_POINTS })}
        </p>
      )}
      <div class="lab__buttons">
        <button
          type="button"
          class="lab__button"
          data-action="edit-points"
          aria-pressed={editing ? 'true' : 'false'}
          disabled={disabled}
          onClick={() => onEditing(!editing)}
        >
          {editing ? t.own.editing : t.own.edit}
        </button>
        <button
          type="button"
          class="lab__button"
          data-action="clear-points"
          disabled={disabled || points === null}
          onClick={() => onPoints(null)}
        >
          {t.own.clear}
        </button>
        <button type="button" class="lab__button" data-action="preset-points" disabled={disabled} onClick={onPreset}>
          {t.own.preset}
        </button>
      </div>
      <PastePoints t={t} uid={uid} disabled={disabled} onPoints={onPoints} />
    </details>
  );
}
