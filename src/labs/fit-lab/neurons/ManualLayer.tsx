/**
 * Manual mode: one handle per neuron over the plot, at (position −b/w, height v). Moving a handle left or right
 * moves the component's kink or centre (b changes, w kept); up or down sets its height v. Pointer drag or arrow
 * keys; the focused, hovered or dragged handle shows w, b and v beside it. The numbers can also be typed
 * (ManualFields.tsx); both go through placeComponent (neurons.ts).
 */
import { useRef, useState } from 'preact/hooks';
import { ACTIVATIONS } from '../../../core/activations/registry';
import type { FitLabSettings } from '../../../core/settings/fit-lab';
import type { NetworkParams } from '../../../core/train/types';
import type { Dictionary } from '../../../i18n';
import { fitLayout, type FitPlotData, type PlotSize } from '../../../plots/fitPlot';
import { neuronStyle } from '../../../plots/svg';
import { fill, formatNumber } from '../../../shared/format';
import { componentPlace, placeComponent } from './neurons';
import type { ActiveNeuron } from './useActiveNeuron';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  data: FitPlotData;
  size: PlotSize;
  params: NetworkParams;
  settings: FitLabSettings;
  onParams(params: NetworkParams): void;
  neuron: ActiveNeuron;
}

/** Arrow-key steps: the position by π/32, the height by a fortieth of the plot's y range. */
export const POSITION_STEP = Math.PI / 32;

export function ManualLayer({ t, data, size, params, settings, onParams, neuron }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  // Freeze the scales while dragging, so the plot does not rescale under the pointer.
  const frozen = useRef<ReturnType<typeof fitLayout> | null>(null);
  const layout = dragging !== null && frozen.current ? frozen.current : fitLayout(data, size);
  const phi0 = ACTIVATIONS[settings.activation].f(0, settings.activationParams);
  const [yLo, yHi] = layout.y.domain() as [number, number];
  const step = (yHi - yLo) / 40;
  const { margin } = layout;
  const clampX = (px: number) => Math.max(margin.left, Math.min(size.width - margin.right, px));
  const clampY = (py: number) => Math.max(margin.top, Math.min(size.height - margin.bottom, py));

  const toData = (e: PointerEvent): [number, number] | null => {
    const svg = svgRef.current;
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * size.width;
    const py = ((e.clientY - box.top) / box.height) * size.height;
    return [layout.x.invert(px), layout.y.invert(py)];
  };

  /**
   * w, b and v of the handle being moved, hovered or focused, beside it on the side with more room. Drawn apart
   * from the handles, so a handle's own content (and name) stays the same whether or not it shows.
   */
  const readoutOf = (i: number | null) => {
    if (i === null || i < 0 || i >= params.w1.length) return null;
    const cx = clampX(layout.x(componentPlace(params, i).position ?? 0));
    const cy = clampY(layout.y(params.w2[i]!));
    const right = cx < size.width / 2;
    return (
      <text
        class="fitlab__handle-readout"
        x={cx + (right ? 18 : -18)}
        y={cy - 12}
        text-anchor={right ? 'start' : 'end'}
        aria-hidden="true"
      >
        {fill(t.place.readout, {
          w: formatNumber(params.w1[i]),
          b: formatNumber(params.b1[i]),
          v: formatNumber(params.w2[i]),
        })}
      </text>
    );
  };

  return (
    <svg
      ref={svgRef}
      class="fitlab__manual"
      viewBox={`0 0 ${size.width} ${size.height}`}
      aria-label={t.place.hint}
      role="group"
    >
      {params.w1.map((_, i) => {
        const k = i + 1;
        const place = componentPlace(params, i);
        const position = place.position ?? 0;
        const cx = clampX(layout.x(position));
        const cy = clampY(layout.y(place.height));
        const style = neuronStyle(i);
        // A stem from the component's value at its kink or centre, v·φ(0), to the handle at height v.
        const base = clampY(layout.y(place.height * phi0));
        const label = fill(t.place.handle, {
          i: k,
          position: place.position === null ? t.card.noCentre : formatNumber(place.position),
          height: formatNumber(place.height),
        });
        return (
          <g
            key={i}
            class="fitlab__handle"
            tabindex={0}
            role="slider"
            aria-label={label}
            aria-valuenow={Number(position.toFixed(3))}
            aria-valuetext={label}
            data-neuron={k}
            transform={`translate(${cx},${cy})`}
            {...neuron.hoverFocus(k)}
            onKeyDown={(e) => {
              const moves: Record<string, [number, number]> = {
                ArrowLeft: [-POSITION_STEP, 0],
                ArrowRight: [POSITION_STEP, 0],
                ArrowUp: [0, step],
                ArrowDown: [0, -step],
              };
              const m = moves[e.key];
              if (!m) return;
              e.preventDefault();
              onParams(placeComponent(params, i, { position: position + m[0], height: place.height + m[1] }));
            }}
            onPointerDown={(e) => {
              setDragging(i);
              frozen.current = layout;
              neuron.set(k);
              (e.currentTarget as SVGGElement).setPointerCapture(e.pointerId);
            }}
            onPointerMove={(e) => {
              if (dragging !== i) return;
              const p = toData(e);
              if (p) onParams(placeComponent(params, i, { position: p[0], height: p[1] }));
            }}
            onPointerUp={() => {
              setDragging(null);
              frozen.current = null;
            }}
          >
            <line x1="0" x2="0" y1="0" y2={base - cy} stroke={style.colour} stroke-width="1.5" stroke-dasharray="3 3" />
            <circle r="14" class="fitlab__handle-hit" fill="transparent" />
            <circle r="7" fill={style.colour} class="fitlab__handle-dot" />
          </g>
        );
      })}
      {readoutOf(dragging ?? (neuron.active === null ? null : neuron.active - 1))}
    </svg>
  );
}
