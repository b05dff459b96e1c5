/**
 * A Fit Lab's challenge, if its settings name one: the verdict on the finished run (scored by core/challenges), the
 * reader's solved list read after hydration and updated on a solve, and the root's data-challenge / data-solved.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CHALLENGES, score, type ChallengeId, type Verdict } from '../../../core/challenges/challenges';
import type { FitLabSettings } from '../../../core/settings/fit-lab';
import type { RunStatus } from '../../../core/train/types';
import { markSolved, readSolved, type SolvedState } from './challenge-store';

export interface ChallengeView {
  id: ChallengeId | null;
  /** The finished run's verdict (null before a run ends). */
  verdict: Verdict | null;
  stored: SolvedState;
  rootAttrs: { 'data-challenge'?: string; 'data-solved'?: string };
}

export function useChallenge(
  settings: Pick<FitLabSettings, 'challenge' | 'hidden'>,
  status: RunStatus,
  /** The finished run's MSE on its training points. */
  mse: number | null,
): ChallengeView {
  const id = settings.challenge;
  const verdict = useMemo(
    () =>
      id && (status === 'done' || status === 'diverged')
        ? score(CHALLENGES[id], { status, mse, hidden: settings.hidden })
        : null,
    [id, status, mse, settings.hidden],
  );
  // Nothing is read while rendering on the server or hydrating: the stored list is the reader's alone.
  const [stored, setStored] = useState<SolvedState>({ solved: new Set(), remembered: true });
  useEffect(() => setStored(readSolved()), []);
  useEffect(() => {
    if (id && verdict?.solved) setStored(markSolved(id));
  }, [id, verdict?.solved]);
  return {
    id,
    verdict,
    stored,
    rootAttrs: id ? { 'data-challenge': id, 'data-solved': verdict ? String(verdict.solved) : undefined } : {},
  };
}
