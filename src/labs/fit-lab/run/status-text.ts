/** The lab's status line: the run's state in words (before hydration, that the figure is a recorded run). */
import type { Dictionary } from '../../../i18n';
import { fill, formatNumber } from '../../../shared/format';
import type { RunState } from './run-state';

export function statusText(
  t: Dictionary['fitLab'],
  hydrated: boolean,
  run: RunState,
  s: { epochs: number; mse: number | null; points: number },
): string {
  if (!hydrated) return t.staticNote;
  const { status } = run;
  return fill(t.status[status], {
    epoch: status === 'diverged' ? (run.divergedAt ?? run.epoch) : run.epoch,
    epochs: s.epochs,
    loss: formatNumber(run.loss),
    mse: formatNumber(s.mse),
    n: s.points,
    message: run.message ?? '',
  });
}
