/**
 * Manual mode: one handle per neuron over the plot. Moving a handle left/right moves the component's centre
 * −b/w (b changes, w kept); up/down sets its height v·φ(1) (v changes). Pointer drag or arrow keys.
 */
import { useRef } from 'preact/hooks';
import { ACTIVATIONS } from '../../core/activations/registry';
import type { FitLabSettings } from '../../core/settings/fit-lab';
import type { NetworkParams } from '../../core/train/types';
import type { Dictionary } from '../../i18n';
import { fitLayout, type FitPlotData, type PlotSize } from '../../plots/fitPlot';
import { neuronStyle } from '../../plots/svg';
import { fill, formatNumber } from '../../shared/format';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  data: FitPlotData;
  size: PlotSize;
  params: NetworkParams;
  settings: FitLabSettings;
  onParams(params: NetworkParams): void;
}

const CENTRE_STEP = Math.PI / 32;

export function ManualLayer({ t, data, size, params, settings, onParams }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);
  // Freeze the scales while dragging, so the plot does not rescale under the pointer.
  const frozen = useRef<ReturnType<typeof fitLayout> | null>(null);
  const layout = dragging.current !== null && frozen.current ? frozen.current : fitLayout(data, size);
  const phi1 = ACTIVATIONS[settings.activation].f(1, settings.activationParams);
  const phi0 = ACTIVATIONS[settings.activation].f(0, settings.activationParams);
  const [yLo, yHi] = layout.y.domain() as [number, number];
  const step = (yHi - yLo) / 40;

  const setHandle = (i: number, centre: number, height: number) => {
    const w = params.w1[i]! === 0 ? 1e-3 : params.w1[i]!;
    const w1 = [...params.w1];
    const b1 = [...params.b1];
    const w2 = [...params.w2];
    w1[i] = w;
    b1[i] = -w * Math.max(-2, Math.min(2 * Math.PI + 2, centre));
    w2[i] = height / phi1;
    onParams({ w1, b1, w2, b2: params.b2 });
  };

  const handleOf = (i: number) => {
    const w = params.w1[i]!;
    return { centre: w === 0 ? 0 : -params.b1[i]! / w, height: params.w2[i]! * phi1 };
  };

  const toData = (e: PointerEvent): [number, number] | null => {
    const svg = svgRef.current;
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * size.width;
    const py = ((e.clientY - box.top) / box.height) * size.height;
    return [layout.x.invert(px), layout.y.invert(py)];
  };

  return (
    <svg
      ref={svgRef}
      class="fitlab__manual"
      viewBox={`0 0 ${size.width} ${size.height}`}
      aria-label={t.manualHint}
      role="group"
    >
      {params.w1.map((_, i) => {
        const h = handleOf(i);
        const cx = Math.max(layout.margin.left, Math.min(size.width - layout.margin.right, layout.x(h.centre)));
        const cy = Math.max(layout.margin.top, Math.min(size.height - layout.margin.bottom, layout.y(h.height)));
        const style = neuronStyle(i);
        // A stem from the component's value at its centre, v·φ(0), to the handle: the height being dragged.
        const base = Math.max(
          layout.margin.top,
          Math.min(size.height - layout.margin.bottom, layout.y(params.w2[i]! * phi0)),
        );
        return (
          <g
            key={i}
            class="fitlab__handle"
            tabindex={0}
            role="slider"
            aria-label={fill(t.handle, { i: i + 1, centre: formatNumber(h.centre), height: formatNumber(h.height) })}
            aria-valuenow={Number(h.centre.toFixed(3))}
            aria-valuetext={fill(t.handle, {
              i: i + 1,
              centre: formatNumber(h.centre),
              height: formatNumber(h.height),
            })}
            data-neuron={i}
            transform={`translate(${cx},${cy})`}
            onKeyDown={(e) => {
              const moves: Record<string, [number, number]> = {
                ArrowLeft: [-CENTRE_STEP, 0],
                ArrowRight: [CENTRE_STEP, 0],
                ArrowUp: [0, step],
                ArrowDown: [0, -step],
              };
              const m = moves[e.key];
              if (!m) return;
              e.preventDefault();
              setHandle(i, h.centre + m[0], h.height + m[1]);
            }}
            onPointerDown={(e) => {
              dragging.current = i;
              frozen.current = layout;
              (e.currentTarget as SVGGElement).setPointerCapture(e.pointerId);
            }}
            onPointerMove={(e) => {
              if (dragging.current !== i) return;
              const p = toData(e);
              if (p) setHandle(i, p[0], p[1]);
            }}
            onPointerUp={() => {
              dragging.current = null;
              frozen.current = null;
            }}
          >
            <line x1="0" x2="0" y1="0" y2={base - cy} stroke={style.colour} stroke-width="1.5" stroke-dasharray="3 3" />
            <circle r="14" class="fitlab__handle-hit" fill="transparent" />
            <circle r="7" fill={style.colour} class="fitlab__handle-dot" />
          </g>
        );
      })}
    </svg>
  );
}
