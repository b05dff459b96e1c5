/**
 * The drawing area: the reader paints the target with a pointer (mouse, pen, finger) or edits it with the keys.
 * It is one focusable slider-like control: ← → choose a control point, ↑ ↓ move it (Shift or PageUp/PageDown in
 * bigger steps), Home/End jump to the ends. A stroke is shown live and handed to the lab when it ends.
 */
import { useRef } from 'preact/hooks';
import { CONTROL_XS, Y_MAX, Y_MIN, type Sample } from '../../core/data/drawn-target';
import { drawingScales, drawingSvg } from '../../plots/universalPlots';
import { useCurveSketch } from '../../shared/useCurveSketch';
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
  const box = useRef<HTMLDivElement>(null);
  const size = { width, height: Math.round(width * DRAWING_ASPECT), idPrefix: `${uid}-drawing` };
  const yDomain = [Y_MIN, Y_MAX] as const;

  const toData = (e: PointerEvent): Sample | null => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return null;
    const scale = size.width / rect.width;
    const { x, y } = drawingScales({ xs: CONTROL_XS, yDomain }, size);
    return { x: x.invert((e.clientX - rect.left) * scale), y: y.invert((e.clientY - rect.top) * scale) };
  };
  const { shown, focus, focused, handlers } = useCurveSketch({
    values,
    disabled,
    onChange,
    toData,
    smallStep: SMALL_STEP,
    bigStep: BIG_STEP,
  });

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
        {...handlers}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {/* The slider's children are presentational, so the figure's text alternative also stands on its own. */}
      <p class="sr-only">{drawingDesc(t, values)}</p>
    </div>
  );
}
