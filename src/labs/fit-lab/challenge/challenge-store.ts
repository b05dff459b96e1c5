/**
 * The reader's solved challenges, kept in their own browser (localStorage) and nowhere else. Storage may be refused
 * (private modes, blocked site data, a sandboxed frame): reading then finds nothing solved and writing reports that
 * nothing was kept, and neither throws.
 */
import { parseSolved, SOLVED_STORAGE_KEY, withSolved } from '../../../core/challenges/solved';
import type { ChallengeId } from '../../../core/challenges/challenges';

export interface SolvedState {
  solved: ReadonlySet<ChallengeId>;
  /** False when the browser refused storage: solutions are not remembered. */
  remembered: boolean;
}

export function readSolved(): SolvedState {
  try {
    return { solved: parseSolved(localStorage.getItem(SOLVED_STORAGE_KEY)), remembered: true };
  } catch {
    return { solved: new Set(), remembered: false };
  }
}

export function markSolved(id: ChallengeId): SolvedState {
  try {
    const text = withSolved(localStorage.getItem(SOLVED_STORAGE_KEY), id);
    localStorage.setItem(SOLVED_STORAGE_KEY, text);
    return { solved: parseSolved(text), remembered: true };
  } catch {
    return { solved: new Set([id]), remembered: false };
  }
}
