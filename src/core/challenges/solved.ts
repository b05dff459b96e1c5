/**
 * Which challenges the reader has solved, as kept in their own browser: a JSON list of ids under one storage key.
 * Reading never throws: text that is not such a list (edited by hand, from another version) counts as nothing
 * solved, and ids that name no challenge are dropped.
 */
import { CHALLENGE_IDS, isChallengeId, type ChallengeId } from './challenges';

export const SOLVED_STORAGE_KEY = 'activations-intuitively:solved-challenges';

/** More text than a list of every id could be is not looked at. */
const MAX_STORED_TEXT = 4096;

export function parseSolved(text: string | null | undefined): Set<ChallengeId> {
  if (!text || text.length > MAX_STORED_TEXT) return new Set();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new Set();
  }
  if (!Array.isArray(parsed)) return new Set();
  return new Set(parsed.filter((v): v is ChallengeId => typeof v === 'string' && isChallengeId(v)));
}

/** The stored text with `id` added (in registry order, so the text is the same however it was reached). */
export function withSolved(text: string | null | undefined, id: ChallengeId): string {
  const solved = parseSolved(text);
  solved.add(id);
  return JSON.stringify(CHALLENGE_IDS.filter((c) => solved.has(c)));
}
