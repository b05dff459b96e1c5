/**
 * The drawing area: the reader paints the target with a pointer (mouse, pen, finger) or edits it with the keys.
 * It is one focusable slider-like control: ← → choose a control point, ↑ ↓ move it (Shift or PageUp/PageDown in
 * bigger steps), Home/End jump to the ends. A stroke is shown live and handed to the lab when it ends.
 */
import { useRef, useState } from 'preact/hooks';
import {
  applyStroke,
  CONTROL_POINTS,
  CONTROL_XS,
  nearestControl,
  quantize,
  Y_MAX,
  Y_MIN,
  type Sample,
} from '../../core/data/drawn-target';
import { drawingScales, drawingSvg } from '../../plots/universalPlots';
import { drawingDesc, pointText, type UniversalText } from './view';

interface Props {
  t: UniversalText;
  uid: string;
  values: readonly number[];
  width: number;
  disabled: boolean;
  onChange(values: number[]): void;
}

export const DRAWING_ASPECT = 0.4;
const SMALL_STEP = 0.1;
const BIG_STEP = 0.5;

export function DrawingArea({ t, uid, values, width, disabled, onChange }: Props) {
  const [live, setLive] = useState<number[] | null>(null);
  const [focus, setFocus] = useState(Math.floor(CONTROL_POINTS / 2));
  const [focused, setFocused] = useState(false);
  const stroke = useRef<{ base: number[]; samples: Sample[] } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // Keys can arrive faster than re-renders: each press builds on the previous one, not on a stale render.
  const latest = useRef({ values, focus });
  latest.current = { values, focus };
  const shown = live ?? values;
  const size = { width, height: Math.round(width * DRAWING_ASPECT), idPrefix: `${uid}-drawing` };
  const yDomain = [Y_MIN, Y_MAX] as const;

  const toData = (e: PointerEvent): Sample | null => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return null;
    const scale = size.width / rect.width;
    const { x, y } = drawingScales({ xs: CONTROL_XS, yDomain }, size);
    return { x: x.invert((e.clientX - rect.left) * scale), y: y.invert((e.clientY - rect.top) * scale) };
  };

  const onPointerDown = (e: PointerEvent) => {
    if (disabled || e.button > 0) return;
    const s = toData(e);
    if (!s) return;
    e.preventDefault();
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    (e.currentTarget as HTMLElement).focus({ preventScroll: true });
    stroke.current = { base: [...values], samples: [s] };
    setFocus(nearestControl(s.x));
    setLive(applyStroke(values, [s]));
  };
  const onPointerMove = (e: PointerEvent) => {
    const current = stroke.current;
    if (!current) return;
    const s = toData(e);
    if (!s) return;
    current.samples.push(s);
    setFocus(nearestControl(s.x));
    setLive(applyStroke(current.base, current.samples));
  };
  const finish = () => {
    const current = stroke.current;
    stroke.current = null;
    if (!current) return;
    const next = applyStroke(current.base, current.samples);
    setLive(null);
    onChange(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (disabled) return;
    const step = e.shiftKey ? BIG_STEP : SMALL_STEP;
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
        dy = BIG_STEP;
        break;
      case 'PageDown':
        dy = -BIG_STEP;
        break;
      default:
        return;
    }
    e.preventDefault();
    setFocus(k);
    latest.current = { values: base, focus: k };
    if (dy !== 0) {
      const next = [...base];
      next[k] = quantize(next[k]! + dy);
      if (next[k] !== base[k]) {
        latest.current = { values: next, focus: k };
        onChange(next);
      }
    }
  };

  const svg = drawingSvg({ xs: CONTROL_XS, values: shown, yDomain, focused: focused ? focus : null }, size, {
    title: t.drawingTitle,
    desc: drawingDesc(t, shown),
  });
  return (
    <div class="ul-draw">
      <p class="lab__hint" id={`${uid}-draw-hint`}>
        {t.drawHint}
      </p>
      <div
        ref={box}
        class="ul-draw__area"
        role="slider"
        tabIndex={disabled ? -1 : 0}
        aria-label={t.drawing}
        aria-describedby={`${uid}-draw-hint`}
        aria-orientation="vertical"
        aria-valuemin={Y_MIN}
        aria-valuemax={Y_MAX}
        aria-valuenow={Number(shown[focus]!.toFixed(3))}
        aria-valuetext={pointText(t, shown, focus)}
        aria-disabled={disabled ? 'true' : undefined}
        data-role="drawing"
        data-focus={focus}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={finish}
        onPointerCancel={finish}
        onLostPointerCapture={finish}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {/* The slider's children are presentational, so the figure's text alternative also stands on its own. */}
      <p class="sr-only">{drawingDesc(t, values)}</p>
    </div>
  );
}
