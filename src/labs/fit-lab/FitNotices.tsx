/**
 * The notices above the plot that the settings call for: an activation that cannot learn this way, and a run
 * that diverged, with a button back to a learning rate that does not.
 */
import { cannotLearn } from '../../core/activations/cannot-learn';
import { safeLearningRate, type FitLabSettings } from '../../core/settings/fit-lab';
import type { Dictionary, Lang } from '../../i18n';
import { fill, formatNumber } from '../../shared/format';
import type { RunState } from './run/run-state';
import { activationName } from './view';

interface Props {
  t: Dictionary['fitLab'];
  lang: Lang;
  settings: FitLabSettings;
  run: RunState;
  onSafeLr(lr: number): void;
}

export function FitNotices({ t, lang, settings, run, onSafeLr }: Props) {
  const cannot = cannotLearn(settings.activation);
  return (
    <>
      {cannot && (
        <p class="lab__notice" role="note" data-role="cannot-learn">
          {fill(t.cannotLearn[cannot], { name: activationName(settings.activation, lang) })}
        </p>
      )}
      {run.status === 'diverged' && (
        <div class="lab__notice lab__notice--error" role="alert" data-role="diverged">
          <p>{fill(t.diverged, { lr: String(settings.lr), epoch: run.divergedAt ?? run.epoch })}</p>
          <button type="button" class="lab__button" onClick={() => onSafeLr(safeLearningRate(settings.lr))}>
            {fill(t.resetSafeLr, { lr: formatNumber(safeLearningRate(settings.lr)) })}
          </button>
        </div>
      )}
    </>
  );
}
