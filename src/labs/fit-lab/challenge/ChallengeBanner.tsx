/**
 * The challenge a Fit Lab is running: its goal and hint, what is locked (with the values) and what the reader may
 * change, and, once a run ends, the verdict. The verdict line is a polite live region that is always present, so
 * the result is announced when it arrives.
 */
import { CHALLENGES } from '../../../core/challenges/challenges';
import { lockedSettings, type FitLabSettings } from '../../../core/settings/fit-lab';
import type { Dictionary, Lang } from '../../../i18n';
import { fill, formatNumber } from '../../../shared/format';
import { freeText, goalText, lockedText } from './challenge-text';
import type { ChallengeView } from './useChallenge';

interface Props {
  t: Dictionary['fitLab'];
  lang: Lang;
  uid: string;
  settings: FitLabSettings;
  challenge: ChallengeView;
  disabled: boolean;
  onLeave(): void;
}

export function ChallengeBanner({ t, lang, uid, settings, challenge, disabled, onLeave }: Props) {
  const { id, verdict, stored } = challenge;
  if (!id) return null;
  const c = CHALLENGES[id];
  const tc = t.challengeUi;
  const item = tc.items[id];
  const verdictText = verdict
    ? fill(tc.verdict[verdict.reason], {
        mse: formatNumber(verdict.mse),
        max: c.goal.maxMse,
        hidden: settings.hidden,
        maxHidden: c.goal.maxHidden ?? '',
      })
    : tc.pending;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return (
    <section class="lab__notice fitlab__challenge" aria-labelledby={`${uid}-challenge`} data-role="challenge">
      <p class="fitlab__challenge-title" id={`${uid}-challenge`}>
        <strong>{fill(tc.heading, { title: item.title })}</strong>
      </p>
      <p>{fill(tc.goal, { goal: goalText(t, c) })}</p>
      <p class="lab__hint">{item.hint}</p>
      <p data-role="challenge-locked">
        {fill(tc.locked, { list: lockedText(t, lang, lockedSettings(settings), settings) })}
      </p>
      <p data-role="challenge-free">{fill(tc.free, { list: freeText(t, id, settings) })}</p>
      <p
        class={`fitlab__verdict${verdict ? (verdict.solved ? ' fitlab__verdict--solved' : ' fitlab__verdict--open') : ''}`}
        role="status"
        data-role="challenge-verdict"
      >
        {verdict && <span aria-hidden="true">{verdict.solved ? '✓ ' : '✗ '}</span>}
        {verdictText}
      </p>
      {stored.solved.has(id) && !verdict?.solved && <p data-role="challenge-solved-before">{tc.solvedBefore}</p>}
      {!stored.remembered && verdict?.solved && <p data-role="challenge-not-remembered">{tc.notRemembered}</p>}
      <p class="fitlab__challenge-links">
        <a href={`${base}${lang}/challenges/`}>{tc.all}</a>
        <button type="button" class="lab__button lab__button--small" disabled={disabled} onClick={onLeave}>
          {tc.leave}
        </button>
      </p>
    </section>
  );
}
