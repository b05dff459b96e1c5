/**
 * The reader's own points on the fit plot, while editing: click or tap empty plot to add a point, drag a point to
 * move it; each point is focusable (Tab), moves with the arrow keys and is removed with Delete or Backspace. Every
 * edit goes to the settings at once (a drag at its end), so the address and the training data follow.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pointKey, type Point } from '../../../core/data/points';
import type { Dictionary } from '../../../i18n';
import { fitLayout, type FitLayout, type FitPlotData, type PlotSize } from '../../../plots/fitPlot';
import { fill, formatNumber } from '../../../shared/format';
import { addPoint, clampPoint, movePoint, removePoint, tidy, type Edit } from './own-points';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  data: FitPlotData;
  size: PlotSize;
  points: readonly Point[] | null;
  onPoints(points: Point[] | null): void;
}

/** Arrow keys move a point by a 64th of the x range or a 40th of the y range (Shift: 5 times as far). */
const X_STEPS = 64;
const Y_STEPS = 40;

export function PointsLayer({ t, uid, data, size, points, onPoints }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ index: number; at: Point; moved: boolean } | null>(null);
  // The point that has keyboard focus (drawn with a thicker ring), read from the document on every focus change.
  const [focus, setFocus] = useState<number | null>(null);
  // The point to focus once an edit's list is drawn (by its key: an edit re-sorts the list and redraws a moved
  // point), with the list it was made from; '' is the plot itself.
  const focusNext = useRef<{ key: string; from: readonly Point[] | null } | null>(null);
  // The scales stay put while dragging, so the plot does not rescale under the pointer.
  const frozen = useRef<FitLayout | null>(null);
  const layout = drag && frozen.current ? frozen.current : fitLayout(data, size);
  const [x0, x1] = layout.x.domain() as [number, number];
  const [y0, y1] = layout.y.domain() as [number, number];
  const dx = (x1 - x0) / X_STEPS;
  const dy = (y1 - y0) / Y_STEPS;
  const list = points ?? [];

  // Before the next paint and the next key press, so no key reaches the layer, or nothing, in between.
  useLayoutEffect(() => {
    const next = focusNext.current;
    const svg = svgRef.current;
    // Until the edited list arrives; a list that is not the edit's (a locked setting kept the old one) ends the wait.
    if (next === null || !svg || points === next.from) return;
    focusNext.current = null;
    const index = list.findIndex((p) => pointKey(p) === next.key);
    const el = next.key === '' ? svg : index < 0 ? null : svg.querySelector<SVGElement>(`[data-point="${index}"]`);
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
  });
  const syncFocus = () => {
    const active = document.activeElement;
    const index = active && svgRef.current?.contains(active) ? Number(active.getAttribute('data-point') ?? NaN) : NaN;
    setFocus(Number.isInteger(index) ? index : null);
  };

  const toData = (e: PointerEvent): Point | null => {
    const svg = svgRef.current;
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    const px = ((e.clientX - box.left) / box.width) * size.width;
    const py = ((e.clientY - box.top) / box.height) * size.height;
    return clampPoint(tidy({ x: layout.x.invert(px), y: layout.y.invert(py) }, Math.min(dx, dy)));
  };
  const apply = (edit: Edit | null) => {
    if (!edit) return;
    focusNext.current = { key: pointKey(edit.points[edit.index]!), from: points };
    onPoints(edit.points);
  };

  const onKey = (i: number, e: KeyboardEvent) => {
    const p = list[i];
    if (!p) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const rest = removePoint(list, i);
      // The next point takes focus; with none left, the plot itself (Enter adds one there).
      focusNext.current = { key: rest ? pointKey(rest[Math.min(i, rest.length - 1)]!) : '', from: points };
      onPoints(rest);
      return;
    }
    const k = e.shiftKey ? 5 : 1;
    const moves: Record<string, Point> = {
      ArrowLeft: { x: p.x - k * dx, y: p.y },
      ArrowRight: { x: p.x + k * dx, y: p.y },
      ArrowUp: { x: p.x, y: p.y + k * dy },
      ArrowDown: { x: p.x, y: p.y - k * dy },
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    apply(movePoint(list, i, clampPoint(tidy(to, Math.min(dx, dy)))));
  };

  return (
    <svg
      ref={svgRef}
      class="fitlab__manual"
      data-role="points-layer"
      viewBox={`0 0 ${size.width} ${size.height}`}
      role="group"
      aria-label={t.own.layer}
      aria-describedby={`${uid}-points-hint`}
      style={{ cursor: 'crosshair' }}
      tabindex={0}
      data-action="add-point"
      onFocusIn={syncFocus}
      onFocusOut={syncFocus}
      onKeyDown={(e) => {
        // Enter or Space on the plot itself adds a point in its middle (then the arrows move it).
        if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
        e.preventDefault();
        const mid = clampPoint(tidy({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, Math.min(dx, dy)));
        // If the middle is taken, one step to the right of it, and so on.
        for (let k = 0; k < 64; k++) {
          const edit = addPoint(points, { x: tidy({ x: mid.x + k * dx, y: 0 }, dx).x, y: mid.y });
          if (edit) return apply(edit);
        }
      }}
      onPointerDown={(e) => {
        if ((e.target as Element).closest('[data-point]')) return;
        const p = toData(e);
        if (p) apply(addPoint(points, p));
      }}
    >
      {list.map((p, i) => {
        const at = drag?.index === i ? drag.at : p;
        const cx = layout.x(at.x);
        const cy = layout.y(at.y);
        if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
        return (
          <g
            key={`${p.x},${p.y}`}
            data-point={i}
            data-x={String(p.x)}
            data-y={String(p.y)}
            tabindex={0}
            role="button"
            aria-label={fill(t.own.point, { i: i + 1, n: list.length, x: formatNumber(p.x), y: formatNumber(p.y) })}
            style={{ cursor: drag?.index === i ? 'grabbing' : 'grab', outline: 'none' }}
            onKeyDown={(e) => onKey(i, e)}
            onPointerDown={(e) => {
              e.preventDefault();
              (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
              (e.currentTarget as SVGElement).focus({ preventScroll: true });
              frozen.current = layout;
              setDrag({ index: i, at: p, moved: false });
            }}
            onPointerMove={(e) => {
              if (drag?.index !== i) return;
              const q = toData(e);
              if (q) setDrag({ index: i, at: q, moved: true });
            }}
            onPointerUp={() => {
              if (drag?.index === i && drag.moved) apply(movePoint(list, i, drag.at));
              frozen.current = null;
              setDrag(null);
            }}
            onPointerCancel={() => {
              frozen.current = null;
              setDrag(null);
            }}
          >
            {/* A wide transparent target for fingers; the ring shows focus (not colour alone: it is thicker). */}
            <circle cx={cx} cy={cy} r={12} fill="transparent" />
            <circle
              cx={cx}
              cy={cy}
              r={focus === i ? 7 : 5}
              fill="none"
              stroke="currentColor"
              stroke-width={focus === i ? 3 : 1.5}
            />
          </g>
        );
      })}
    </svg>
  );
}
