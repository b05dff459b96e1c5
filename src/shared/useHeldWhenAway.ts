/**
 * A seed job (LiveSeedsRunner) that nobody can see waits: while the tab is hidden or its panel is scrolled away
 * (useAwayPause), the worker holds the job between slices, and the panel shows the status 'paused' until the reader
 * looks back.
 */
import { useAwayPause, type ElementRef } from './island-kit';
import type { LiveSeedsRunner, LiveStatus } from './seeds-runner';

export function useHeldWhenAway(
  ref: ElementRef,
  status: LiveStatus,
  runner: { readonly current: LiveSeedsRunner | null },
): LiveStatus | 'paused' {
  const away = useAwayPause(
    ref,
    status === 'training',
    () => runner.current?.hold(true),
    () => runner.current?.hold(false),
  );
  return away && status === 'training' ? 'paused' : status;
}
