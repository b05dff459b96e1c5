/** How the Fit Lab words a challenge: its goal, and the settings it locks and leaves free, with their values. */
import { ACTIVATIONS } from '../../../core/activations/registry';
import { CHALLENGES, type Challenge, type ChallengeId, type LockableKey } from '../../../core/challenges/challenges';
import { isTargetPresetId } from '../../../core/data/targets';
import { parseSettings, type FitLabSettings } from '../../../core/settings/fit-lab';
import type { Dictionary, Lang } from '../../../i18n';
import { fill } from '../../../shared/format';

type T = Dictionary['fitLab'];

export function goalText(t: T, c: Challenge): string {
  return fill(t.challengeUi.items[c.id].goal, {
    mse: c.goal.maxMse,
    maxHidden: c.goal.maxHidden ?? '',
    epochs: parseSettings(`challenge=${c.id}`).settings.epochs,
  });
}

/** An activation's α and β go with it: named on their own only where the activation is not. */
function shown(keys: readonly LockableKey[], s: FitLabSettings): LockableKey[] {
  const params = ACTIVATIONS[s.activation].params.map((p) => p.name as string);
  return keys.filter((k) => {
    if (k === 'alpha' || k === 'beta') return !keys.includes('activation') && params.includes(k);
    // Own data that is not in use is not worth naming.
    if (k === 'points') return s.points !== null;
    if (k === 'noise' || k === 'holdout') return s[k] !== 0;
    return true;
  });
}

function valueOf(t: T, lang: Lang, key: LockableKey, s: FitLabSettings): string {
  switch (key) {
    case 'activation':
      return ACTIVATIONS[s.activation].name[lang];
    case 'target':
      return isTargetPresetId(s.target) ? t.targets[s.target] : s.target;
    case 'points':
      return String(s.points?.length ?? 0);
    case 'alpha':
    case 'beta':
      return String(s.activationParams[key] ?? ACTIVATIONS[s.activation].params.find((p) => p.name === key)?.default);
    default:
      return String(s[key]);
  }
}

/** "Activation: ReLU; Hidden neurons: 2; …" for the settings the challenge locks, at their values. */
export function lockedText(t: T, lang: Lang, keys: readonly LockableKey[], s: FitLabSettings): string {
  return shown(keys, s)
    .map((k) => fill(t.challengeUi.pair, { label: t[k], value: valueOf(t, lang, k, s) }))
    .join(t.challengeUi.separator);
}

/** "Activation, Seed" for what the reader may change. */
export function freeText(t: T, id: ChallengeId, s: FitLabSettings): string {
  return shown(CHALLENGES[id].free, s)
    .map((k) => t[k])
    .join(t.challengeUi.listSeparator);
}
