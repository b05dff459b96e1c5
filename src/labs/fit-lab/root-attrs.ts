/**
 * The Fit Lab root's data-* attributes: the run's state and weights as tests and embedding pages read them
 * (never globals), the moment shown, and the lab's own points, guess and held-out error.
 */
import type { FitLabSettings } from '../../core/settings/fit-lab';
import type { NetworkParams } from '../../core/train/types';
import type { ShownRun } from './timeline/timeline';
import type { RunState } from './run/run-state';

interface Lab {
  run: RunState;
  shown: ShownRun;
  settings: FitLabSettings;
  /** Training MSE of a finished run; null before. */
  mse: number | null;
  /** MSE on the held-out points of a finished run; null without one. */
  testError: number | null;
  guessDistance: number | null;
  hydrated: boolean;
  syncUrl?: boolean;
}

const weightsOf = (p: NetworkParams) => ({ w1: p.w1, b1: p.b1, w2: p.w2, b2: p.b2, alpha: p.alpha });

export function rootAttrs({ run, shown, settings, mse, testError, guessDistance, hydrated, syncUrl }: Lab) {
  return {
    'data-status': run.status,
    'data-epoch': run.epoch,
    'data-view-epoch': shown.epoch,
    'data-weights-shown': JSON.stringify(weightsOf(shown.params)),
    'data-guess-distance': guessDistance === null ? undefined : String(guessDistance),
    'data-loss': run.loss === null ? '' : String(run.loss),
    // A finished run's weights with their activation and training MSE.
    'data-weights':
      run.status === 'done' && mse !== null
        ? JSON.stringify({
            activation: settings.activation,
            hidden: settings.hidden,
            ...weightsOf(run.params),
            finalMse: mse,
          })
        : undefined,
    'data-test-mse': testError === null ? undefined : String(testError),
    'data-points': settings.points ? settings.points.length : undefined,
    'data-hydrated': hydrated ? 'true' : 'false',
    'data-sync-url': syncUrl ? 'true' : undefined,
    'data-error': run.message ?? undefined,
  };
}
