/**
 * The plot in words, under it: a polite live region, updated at most every 2 s while training (a screen reader is
 * not flooded with every frame) and at once otherwise, so the final state is read when the run ends.
 */
import { useThrottled } from '../../../shared/useThrottled';

/** While training, the caption changes at most this often. */
export const CAPTION_INTERVAL_MS = 2000;

export function LiveCaption({ text, training }: { text: string; training: boolean }) {
  const shown = useThrottled(text, training ? CAPTION_INTERVAL_MS : 0);
  return (
    <p class="fitlab__caption" data-role="caption" aria-live="polite">
      {shown}
    </p>
  );
}
