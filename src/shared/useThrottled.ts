/**
 * A value that follows `value` at most once every `intervalMs` (the latest value wins; nothing is dropped at the
 * end). With `intervalMs` 0 it follows at once: a run that ended shows its final state without waiting.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const now = performance.now();
    const wait = last.current + intervalMs - now;
    if (intervalMs <= 0 || wait <= 0) {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      last.current = now;
      setShown(value);
    } else if (timer.current === null) {
      timer.current = setTimeout(() => {
        timer.current = null;
        last.current = performance.now();
        setShown(latest.current);
      }, wait);
    }
  }, [value, intervalMs]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return intervalMs <= 0 ? value : shown;
}
