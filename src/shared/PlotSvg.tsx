/** Renders an activation plot scene (from `src/plots/activationPlot.ts`) as SVG; used at build time and live. */
import type { ComponentChildren } from 'preact';
import { dashOf, markerOf, type ActivationPlotScene } from '../plots/activationPlot';

interface Props {
  scene: ActivationPlotScene;
  /** Accessible name and longer description (becomes <title>/<desc>). */
  title: string;
  desc?: string;
  idPrefix: string;
  /** single: f solid + f′ dashed in two colours; compare: one style (colour + dash + marker) per curve. */
  variant: 'single' | 'compare' | 'thumb';
  dataPlot: string;
  /** For a thumbnail inside a button: the button is named by its visible text and described by this title. */
  hidden?: boolean;
  children?: ComponentChildren;
  onPointerMove?: (event: PointerEvent) => void;
  onPointerDown?: (event: PointerEvent) => void;
}

function Marker({ shape, cx, cy, className }: { shape: string; cx: number; cy: number; className: string }) {
  const r = 4;
  switch (shape) {
    case 'square':
      return <rect class={className} x={cx - r} y={cy - r} width={2 * r} height={2 * r} />;
    case 'triangle':
      return <path class={className} d={`M${cx},${cy - r - 1}L${cx + r + 1},${cy + r}L${cx - r - 1},${cy + r}Z`} />;
    case 'diamond':
      return (
        <path
          class={className}
          d={`M${cx},${cy - r - 1}L${cx + r + 1},${cy}L${cx},${cy + r + 1}L${cx - r - 1},${cy}Z`}
        />
      );
    case 'cross':
      return (
        <path
          class={`${className} ag-marker--stroke`}
          d={`M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx - r},${cy + r}L${cx + r},${cy - r}`}
        />
      );
    case 'plus':
      return (
        <path
          class={`${className} ag-marker--stroke`}
          d={`M${cx - r - 1},${cy}L${cx + r + 1},${cy}M${cx},${cy - r - 1}L${cx},${cy + r + 1}`}
        />
      );
    default:
      return <circle class={className} cx={cx} cy={cy} r={r} />;
  }
}

export function PlotSvg({
  scene,
  title,
  desc,
  idPrefix,
  variant,
  dataPlot,
  hidden,
  children,
  onPointerMove,
  onPointerDown,
}: Props) {
  const { plot } = scene;
  const styleClass = (kind: 'f' | 'fPrime', style: number) =>
    variant === 'compare' ? `ag-curve ag-s${style % 6}` : `ag-curve ag-${kind}`;
  const dash = (kind: 'f' | 'fPrime', style: number) =>
    variant === 'compare' ? dashOf(style) : kind === 'fPrime' ? '6 4' : '';
  return (
    <svg
      class={`ag-plot ag-plot--${variant}`}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      width={scene.width}
      height={scene.height}
      role="img"
      aria-hidden={hidden ? 'true' : undefined}
      aria-labelledby={desc ? `${idPrefix}-title ${idPrefix}-desc` : `${idPrefix}-title`}
      data-plot={dataPlot}
      onPointerMove={onPointerMove}
      onPointerDown={onPointerDown}
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      {desc ? <desc id={`${idPrefix}-desc`}>{desc}</desc> : null}
      {scene.shaded.map((s, i) => (
        <rect
          key={`s${i}`}
          class="ag-shade"
          x={s.x0}
          y={plot.top}
          width={s.x1 - s.x0}
          height={plot.bottom - plot.top}
          data-shade=""
        />
      ))}
      {scene.yTicks.map((t) => (
        <g key={`y${t.value}`} class="ag-tick">
          <line class="ag-grid" x1={plot.left} x2={plot.right} y1={t.position} y2={t.position} />
          <text x={plot.left - 6} y={t.position} dy="0.32em" text-anchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {scene.xTicks.map((t) => (
        <g key={`x${t.value}`} class="ag-tick">
          <line class="ag-grid" x1={t.position} x2={t.position} y1={plot.top} y2={plot.bottom} />
          <text x={t.position} y={plot.bottom + 16} text-anchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      {scene.zeroY !== null ? (
        <line class="ag-axis" x1={plot.left} x2={plot.right} y1={scene.zeroY} y2={scene.zeroY} />
      ) : null}
      {scene.zeroX !== null ? (
        <line class="ag-axis" x1={scene.zeroX} x2={scene.zeroX} y1={plot.top} y2={plot.bottom} />
      ) : null}
      {scene.paths.map((p) => (
        <path
          key={`${p.key}-${p.kind}`}
          class={styleClass(p.kind, p.style)}
          d={p.d}
          stroke-dasharray={dash(p.kind, p.style) || undefined}
          data-curve={p.key}
          data-kind={p.kind}
        />
      ))}
      {scene.markers.map((m, i) => (
        <Marker
          key={`m${i}`}
          shape={markerOf(m.style)}
          cx={m.cx}
          cy={m.cy}
          className={`ag-marker ag-s${m.style % 6}`}
        />
      ))}
      {scene.dots.map((d, i) => (
        <circle
          key={`d${i}`}
          class={`ag-dot ${d.open ? 'ag-dot--open' : ''} ${variant === 'compare' ? `ag-s${d.style % 6}` : `ag-${d.kind}`}`}
          cx={d.cx}
          cy={d.cy}
          r={variant === 'thumb' ? 2 : 3.5}
        />
      ))}
      {scene.labels.map((l) => (
        <text key={`l${l.key}`} class={`ag-label ag-s${l.style % 6}`} x={l.x} y={l.y} dy="0.32em">
          {l.text}
        </text>
      ))}
      {children}
    </svg>
  );
}
