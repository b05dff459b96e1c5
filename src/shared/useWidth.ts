/** Tracks an element's content width, so SVGs are drawn at their displayed size (text stays at 12 px on phones). */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useWidth(fallback: number, min = 260, max = 900) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(Math.min(Math.max(w, min), max));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [min, max]);
  return [ref, width] as const;
}
