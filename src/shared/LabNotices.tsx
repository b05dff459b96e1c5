/**
 * The status line and notices every lab island shows the same way: a visible status line with a polite live
 * region beside it, the "refused settings" list for bad URL input, and the worker-fallback notice. The texts
 * come from each lab's own dictionary; the roles and data-role hooks are shared (the browser tests read them).
 */
import type { ComponentChildren } from 'preact';

interface StatusProps {
  /** Class of the visible line (each lab styles its own). */
  class: string;
  text: string;
  /** What screen readers hear while training: state changes, not every epoch. */
  trainingLive: string;
  training: boolean;
  hydrated: boolean;
}

export function LabStatus({ class: className, text, trainingLive, training, hydrated }: StatusProps) {
  return (
    <>
      <p class={className}>{text}</p>
      <p class="sr-only" role="status" aria-live="polite">
        {hydrated ? (training ? trainingLive : text) : ''}
      </p>
    </>
  );
}

interface RefusedProps<R extends { param: string }> {
  refused: readonly R[];
  title: string;
  message: (r: R) => string;
  class?: string;
}

/** The settings read from the address bar that were refused, each with its localized reason (nothing if none). */
export function RefusedNotice<R extends { param: string }>({
  refused,
  title,
  message,
  class: className = 'lab__notice',
}: RefusedProps<R>) {
  if (refused.length === 0) return null;
  return (
    <div class={className} role="alert" data-role="refused">
      <p>{title}</p>
      <ul>
        {refused.map((r) => (
          <li key={r.param}>{message(r)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Shown when the training worker could not start and training runs on the page's own thread. */
export function FallbackNotice({ show, children }: { show: boolean; children: ComponentChildren }) {
  if (!show) return null;
  return (
    <p class="lab__notice" role="alert" data-role="fallback">
      {children}
    </p>
  );
}
