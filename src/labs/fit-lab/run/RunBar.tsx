/**
 * The bar under the plot: Train (Resume when paused), Pause, Step, Reset, the two ways to train again, and
 * whether the plot shows each neuron's component or only their sum (manual placement always shows components).
 */
import type { Dictionary } from '../../../i18n';
import type { FitView } from '../../../plots/fitPlot';
import { RunActions } from '../timeline/RunTimeline';
import type { FitRun } from './useFitRun';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  fit: FitRun;
  hydrated: boolean;
  manual: boolean;
  view: FitView;
  onView(view: FitView): void;
  onNewSeed(): void;
}

export function RunBar({ t, uid, fit, hydrated, manual, view, onView, onNewSeed }: Props) {
  const { status, busy } = fit;
  return (
    <div class="fitlab__bar">
      <div class="lab__buttons" role="group" aria-label={t.title}>
        <button
          type="button"
          class="lab__button lab__button--primary"
          data-action="train"
          disabled={!hydrated || busy}
          onClick={fit.train}
        >
          {status === 'paused' ? t.resume : t.train}
        </button>
        <button
          type="button"
          class="lab__button"
          data-action="pause"
          disabled={!hydrated || status !== 'training'}
          onClick={fit.pause}
        >
          {t.pause}
        </button>
        <button type="button" class="lab__button" data-action="step" disabled={!hydrated || busy} onClick={fit.step}>
          {t.step}
        </button>
        <button type="button" class="lab__button" data-action="reset" disabled={!hydrated} onClick={fit.reset}>
          {t.reset}
        </button>
        <RunActions
          t={t}
          uid={uid}
          disabled={!hydrated || busy}
          canReplay={status !== 'idle' || fit.run.epoch > 0}
          onReplay={fit.replay}
          onNewSeed={onNewSeed}
        />
      </div>
      <fieldset class="fitlab__view" disabled={!hydrated || manual}>
        <legend>{t.view}</legend>
        {(['components', 'sum'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name={`${uid}-view`} value={v} checked={view === v} onChange={() => onView(v)} />{' '}
            {v === 'components' ? t.viewComponents : t.viewSum}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
