/**
 * The list of challenges (content/docs/{en,zh-cn}/challenges.mdx): each one's goal, hint and free settings from the registry,
 * links that open it in the experiment page's Fit Lab or in the embed, and, once hydrated, whether the reader has
 * solved it (read from their browser only). The three possible marks share one grid cell, so the list keeps its
 * height when the mark changes.
 */
import { CHALLENGE_IDS, CHALLENGES } from '../../../core/challenges/challenges';
import { parseSettings } from '../../../core/settings/fit-lab';
import type { Dictionary, Lang } from '../../../i18n';
import { useEffect, useState } from 'preact/hooks';
import { useHydrated } from '../../../shared/island-kit';
import { fill } from '../../../shared/format';
import { readSolved, type SolvedState } from './challenge-store';
import { freeText, goalText } from './challenge-text';

/** The experiment page's address-synced Fit Lab (its figure's id is the island's id). */
export const CHALLENGE_LAB = { page: 'experiment', anchor: 'fl-fitlab-linear' } as const;

export interface ChallengeListProps {
  lang: Lang;
  t: Dictionary['fitLab'];
  base: string;
}

export default function ChallengeList({ lang, t, base }: ChallengeListProps) {
  const tc = t.challengeUi;
  const hydrated = useHydrated();
  const [stored, setStored] = useState<SolvedState | null>(null);
  useEffect(() => setStored(readSolved()), []);
  return (
    <div class="challenge-list not-content" data-demo="challenges" data-hydrated={hydrated ? 'true' : 'false'}>
      <ol class="challenge-list__items">
        {CHALLENGE_IDS.map((id) => {
          const c = CHALLENGES[id];
          const item = tc.items[id];
          const start = parseSettings(`challenge=${id}`).settings;
          const query = `?challenge=${id}`;
          const solved = stored ? stored.solved.has(id) : null;
          const mark = (state: 'unknown' | 'solved' | 'open', text: string) => {
            const current = solved === null ? 'unknown' : solved ? 'solved' : 'open';
            return (
              <span
                class={`challenge-list__mark-text challenge-list__mark-text--${state}`}
                aria-hidden={current === state ? undefined : 'true'}
                data-current={current === state ? 'true' : undefined}
              >
                {state === 'solved' && <span aria-hidden="true">✓ </span>}
                {text}
              </span>
            );
          };
          return (
            <li
              key={id}
              class="challenge-list__item"
              data-challenge={id}
              data-solved={solved === null ? undefined : String(solved)}
            >
              <h2 id={`challenge-${id}`} class="challenge-list__title">
                {item.title}
              </h2>
              <p>{fill(tc.goal, { goal: goalText(t, c) })}</p>
              <p class="lab__hint">{item.hint}</p>
              <p>{fill(tc.free, { list: freeText(t, id, start) })}</p>
              <p class="challenge-list__links">
                <a href={`${base}${lang}/${CHALLENGE_LAB.page}/${query}#${CHALLENGE_LAB.anchor}`} data-role="open-lab">
                  {tc.openLab}
                </a>
                <span aria-hidden="true"> · </span>
                <a href={`${base}${lang}/embed/fit-lab/${query}`} data-role="open-embed">
                  {tc.openEmbed}
                </a>
              </p>
              <p class="challenge-list__mark" data-role="solved-mark">
                {mark('unknown', tc.unknownState)}
                {mark('solved', tc.solved)}
                {mark('open', tc.notSolved)}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
