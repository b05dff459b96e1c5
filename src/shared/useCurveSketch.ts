/**
 * A curve the reader sketches: control values over [0, 2π] (core/data/drawn-target.ts) painted with a pointer
 * (mouse, pen, finger) or edited with the keys, for one focusable slider-like element: ← → choose a control point,
 * ↑ ↓ move it (Shift, PageUp or PageDown in bigger steps), Home and End jump to the ends. A stroke is shown live
 * and handed over when it ends. The caller draws the curve and maps pointer positions to data.
 */
import { useRef, useState } from 'preact/hooks';
import { applyStroke, CONTROL_POINTS, nearestControl, quantize, type Sample } from '../core/data/drawn-target';

export interface CurveSketchOptions {
  values: readonly number[];
  disabled: boolean;
  onChange(values: number[]): void;
  /** The data point under the pointer, or null (the caller knows its scales). */
  toData(e: PointerEvent): Sample | null;
  /** Called when a stroke starts (e.g. to freeze the scales under the pointer). */
  onStrokeStart?(): void;
  /** Every value set goes through this (clamping, quantising); default: the drawn target's quantize. */
  snap?: (y: number) => number;
  smallStep: number;
  bigStep: number;
}

export interface CurveSketch {
  /** The values to draw: the stroke in progress, or `values`. */
  shown: readonly number[];
  /** The control point the keys act on. */
  focus: number;
  focused: boolean;
  handlers: {
    onPointerDown(e: PointerEvent): void;
    onPointerMove(e: PointerEvent): void;
    onPointerUp(): void;
    onPointerCancel(): void;
    onLostPointerCapture(): void;
    onKeyDown(e: KeyboardEvent): void;
    onFocus(): void;
    onBlur(): void;
  };
}

export function useCurveSketch(o: CurveSketchOptions): CurveSketch {
  const { values, disabled, onChange, toData, smallStep, bigStep } = o;
  const snap = o.snap ?? quantize;
  const [live, setLive] = useState<number[] | null>(null);
  const [focus, setFocus] = useState(Math.floor(CONTROL_POINTS / 2));
  const [focused, setFocused] = useState(false);
  const stroke = useRef<{ base: number[]; samples: Sample[] } | null>(null);
  // Keys can arrive faster than re-renders: each press builds on the previous one, not on a stale render.
  const latest = useRef({ values, focus });
  latest.current = { values, focus };

  const finish = () => {
    const current = stroke.current;
    stroke.current = null;
    if (!current) return;
    const next = applyStroke(current.base, current.samples, snap);
    setLive(null);
    onChange(next);
  };

  const handlers: CurveSketch['handlers'] = {
    onPointerDown(e) {
      if (disabled || e.button > 0) return;
      const s = toData(e);
      if (!s) return;
      e.preventDefault();
      (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      (e.currentTarget as HTMLElement).focus({ preventScroll: true });
      o.onStrokeStart?.();
      stroke.current = { base: [...values], samples: [s] };
      setFocus(nearestControl(s.x));
      setLive(applyStroke(values, [s], snap));
    },
    onPointerMove(e) {
      const current = stroke.current;
      if (!current) return;
      const s = toData(e);
      if (!s) return;
      current.samples.push(s);
      setFocus(nearestControl(s.x));
      setLive(applyStroke(current.base, current.samples, snap));
    },
    onPointerUp: finish,
    onPointerCancel: finish,
    onLostPointerCapture: finish,
    onKeyDown(e) {
      if (disabled) return;
      const step = e.shiftKey ? bigStep : smallStep;
      const { values: base, focus: from } = latest.current;
      let k = from;
      let dy = 0;
      switch (e.key) {
        case 'ArrowLeft':
          k = Math.max(0, from - 1);
          break;
        case 'ArrowRight':
          k = Math.min(CONTROL_POINTS - 1, from + 1);
          break;
        case 'Home':
          k = 0;
          break;
        case 'End':
          k = CONTROL_POINTS - 1;
          break;
        case 'ArrowUp':
          dy = step;
          break;
        case 'ArrowDown':
          dy = -step;
          break;
        case 'PageUp':
          dy = bigStep;
          break;
        case 'PageDown':
          dy = -bigStep;
          break;
        default:
          return;
      }
      e.preventDefault();
      setFocus(k);
      latest.current = { values: base, focus: k };
      if (dy !== 0) {
        const next = [...base];
        next[k] = snap(next[k]! + dy);
        if (next[k] !== base[k]) {
          latest.current = { values: next, focus: k };
          onChange(next);
        }
      }
    },
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
  };
  return { shown: live ?? values, focus, focused, handlers };
}
