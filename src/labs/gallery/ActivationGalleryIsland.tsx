/**
 * The activation gallery island: choose an activation (or several to compare), plot f and f′ over an adjustable
 * range with the vanishing-slope bands shaded, read values under the pointer or from a slider, and tune α and β.
 * State and wiring only: maths comes from the registry, geometry from `src/plots/activationPlot.ts`.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useId, useMemo, useState } from 'preact/hooks';
import { ACTIVATIONS, paramValue } from '../../core/activations/registry';
import { HIDDEN_ACTIVATION_IDS, type ActivationParamSpec, type HiddenActivationId } from '../../core/activations/types';
import { buildActivationPlot } from '../../plots/activationPlot';
import type { Dictionary, Lang } from '../../i18n';
import { curveFor } from './curves';
import { factRows } from './facts';
import { GalleryCards } from './GalleryCards';
import { PlotSvg } from '../../shared/PlotSvg';
import { StatusNote } from '../../shared/StatusNote';

import { useWidth } from '../../shared/useWidth';
import { useHydrated } from '../../shared/island-kit';
import './gallery.css';
import { fill, formatNumber } from '../../shared/format';

export interface GalleryProps {
  lang: Lang;
  t: Dictionary['gallery'];
  initial?: HiddenActivationId;
  /** Shown until the island has hydrated (the controls are disabled until then); then `t.liveNote` takes its place. */
  staticNote: string;
  /** Build-time KaTeX of every formula, each in an element with `data-formula="<id>"`; CSS shows the selected one. */
  children?: ComponentChildren;
}

const X_RANGE = { min: 2, max: 20, step: 1, default: 6 };
const DEFAULT_COMPARE: HiddenActivationId[] = ['sigmoid', 'tanh', 'relu', 'swish'];
const PARAM_SPECS: readonly ActivationParamSpec[] = HIDDEN_ACTIVATION_IDS.flatMap((id) => ACTIVATIONS[id].params);

export default function ActivationGalleryIsland({ lang, t, initial = 'sigmoid', staticNote, children }: GalleryProps) {
  const uid = useId();
  const ready = useHydrated();
  const [selected, setSelected] = useState<HiddenActivationId>(initial);
  const [compare, setCompare] = useState(false);
  const [compareSet, setCompareSet] = useState<HiddenActivationId[]>(DEFAULT_COMPARE);
  const [showDerivative, setShowDerivative] = useState(true);
  // Compare view plots f by default; its checkbox swaps every curve for its f′ instead.
  const [compareDerivative, setCompareDerivative] = useState(false);
  const [xMax, setXMax] = useState(X_RANGE.default);
  const [params, setParams] = useState(() => Object.fromEntries(PARAM_SPECS.map((s) => [s.name, s.default])));
  const [readoutX, setReadoutX] = useState(1);
  const [plotRef, width] = useWidth(640);

  // gallery.css gives the SVG box the same height (clamp(240px, 60cqw, 380px)): keep the two in step.
  const height = Math.round(Math.min(380, Math.max(240, width * 0.6)));
  const shown = compare ? HIDDEN_ACTIVATION_IDS.filter((id) => compareSet.includes(id)) : [selected];
  const names = shown.map((id) => ACTIVATIONS[id].name[lang]);
  const scene = useMemo(
    () =>
      buildActivationPlot({
        curves: shown.map((id, i) => curveFor(id, params, compare ? i : 0, compare && compareDerivative)),
        xMax,
        showDerivative: !compare && showDerivative,
        shadeVanishing: !compare,
        width,
        height,
        labelCurves: compare,
      }),
    [shown.join(), params, compare, showDerivative, compareDerivative, xMax, width, height],
  );
  const x = Math.min(Math.max(readoutX, -xMax), xMax);
  const range = { min: `−${xMax}`, max: String(xMax) };

  const onToggle = useCallback(
    (id: HiddenActivationId) => {
      if (!compare) return setSelected(id);
      setCompareSet((set) => (set.includes(id) ? (set.length > 1 ? set.filter((s) => s !== id) : set) : [...set, id]));
    },
    [compare],
  );
  const pressed = useMemo(() => new Set(compare ? compareSet : [selected]), [compare, compareSet, selected]);
  const cards = useMemo(
    () => (
      <GalleryCards
        lang={lang}
        t={t}
        params={params}
        pressed={pressed}
        compare={compare}
        onToggle={onToggle}
        uid={uid}
      />
    ),
    [lang, t, params, pressed, compare, onToggle, uid],
  );
  const onPointer = (event: PointerEvent) => {
    const svg = event.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * scene.width;
    setReadoutX(Math.round(scene.pxToX(px) * 100) / 100);
  };

  // Readout: values under the crosshair, in text (for everyone) and as dots on the curves.
  const readoutValues = shown.map((id, i) => {
    const a = ACTIVATIONS[id];
    const f = a.f(x, params);
    const fp = a.fPrime(x, params);
    return { id, i, f, fp, plotted: compare && compareDerivative ? fp : f };
  });
  const readoutText = compare
    ? fill(t.readoutCompare, {
        x: formatNumber(x, 4),
        values: readoutValues
          .map((r) => `${ACTIVATIONS[r.id].shortName ?? r.id} ${formatNumber(r.plotted, 4)}`)
          .join(', '),
      })
    : fill(t.readout, {
        x: formatNumber(x, 4),
        f: formatNumber(readoutValues[0]!.f, 4),
        fp: formatNumber(readoutValues[0]!.fp, 4),
      });

  const title = compare
    ? fill(t.compareLabel, { names: names.join(', '), ...range })
    : fill(showDerivative ? t.plotLabel : t.plotLabelNoDerivative, { name: names[0]!, ...range });
  const desc = compare
    ? t.compareDesc
    : fill(t.plotDesc, {
        derivative: showDerivative ? t.plotDescDerivative : '',
        shading: scene.shaded.length ? t.plotDescShading : '',
      });
  const activeParams = PARAM_SPECS.filter((spec) => shown.some((id) => ACTIVATIONS[id].params.includes(spec)));
  const cx = scene.xToPx(x);

  return (
    <div
      class="ag not-content"
      data-demo="gallery"
      data-ready={ready ? 'true' : 'false'}
      data-selected={selected}
      data-mode={compare ? 'compare' : 'single'}
    >
      {cards}

      <StatusNote ready={ready} staticNote={staticNote} liveNote={t.liveNote} className="ag-hint" />
      <div class="ag-controls">
        <fieldset class="ag-mode">
          <legend>{t.modeLabel}</legend>
          <label>
            <input
              type="radio"
              name={`ag-mode-${uid}`}
              checked={!compare}
              disabled={!ready}
              onChange={() => setCompare(false)}
            />{' '}
            {t.single}
          </label>
          <label>
            <input
              type="radio"
              name={`ag-mode-${uid}`}
              checked={compare}
              disabled={!ready}
              onChange={() => setCompare(true)}
              data-control="compare"
            />{' '}
            {t.compare}
          </label>
        </fieldset>
        <label class="ag-check">
          <input
            type="checkbox"
            checked={compare ? compareDerivative : showDerivative}
            disabled={!ready}
            onChange={(e) => (compare ? setCompareDerivative : setShowDerivative)(e.currentTarget.checked)}
            data-control="derivative"
          />{' '}
          {compare ? t.compareDerivative : t.showDerivative}
        </label>
        <label class="ag-slider">
          <span>{fill(t.xRange, { r: xMax })}</span>
          <input
            type="range"
            min={X_RANGE.min}
            max={X_RANGE.max}
            step={X_RANGE.step}
            value={xMax}
            disabled={!ready}
            data-control="x-range"
            onInput={(e) => setXMax(Number(e.currentTarget.value))}
          />
        </label>
        {activeParams.map((spec) => {
          const value = paramValue(spec, params);
          return (
            <label class="ag-slider" key={spec.name}>
              <span>
                {spec.name === 'alpha' ? t.alpha : t.beta} = {formatNumber(value, 3)}
              </span>
              <input
                type="range"
                min={spec.min}
                max={spec.max}
                step={spec.step}
                value={value}
                disabled={!ready}
                data-param={spec.name}
                onInput={(e) => setParams((p) => ({ ...p, [spec.name]: Number(e.currentTarget.value) }))}
              />
            </label>
          );
        })}
      </div>

      <div class="ag-plot-wrap" ref={plotRef}>
        <PlotSvg
          scene={scene}
          variant={compare ? 'compare' : 'single'}
          idPrefix={`ag-main-${uid}`}
          dataPlot="main"
          title={title}
          desc={desc}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
        >
          <g class="ag-crosshair" aria-hidden="true">
            <line x1={cx} x2={cx} y1={scene.plot.top} y2={scene.plot.bottom} />
            {readoutValues.map((r) =>
              Number.isFinite(r.plotted) ? (
                <circle
                  key={r.id}
                  cx={cx}
                  cy={scene.yToPx(r.plotted)}
                  r={4}
                  class={compare ? `ag-s${r.i % 6}` : 'ag-f'}
                />
              ) : null,
            )}
            {!compare && showDerivative && Number.isFinite(readoutValues[0]!.fp) ? (
              <circle cx={cx} cy={scene.yToPx(readoutValues[0]!.fp)} r={4} class="ag-fPrime" />
            ) : null}
          </g>
        </PlotSvg>
      </div>

      {compare ? null : (
        <ul class="ag-legend">
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line class="ag-curve ag-f" x1="0" x2="28" y1="5" y2="5" />
            </svg>{' '}
            {t.fLegend}
          </li>
          {showDerivative ? (
            <li>
              <svg width="28" height="10" aria-hidden="true">
                <line class="ag-curve ag-fPrime" x1="0" x2="28" y1="5" y2="5" stroke-dasharray="6 4" />
              </svg>{' '}
              {t.fPrimeLegend}
            </li>
          ) : null}
          <li>
            <svg width="16" height="12" aria-hidden="true">
              <rect class="ag-shade" width="16" height="12" />
            </svg>{' '}
            {t.shadedLegend}
          </li>
        </ul>
      )}

      <label class="ag-slider ag-readout-slider">
        <span>{t.readoutAt}</span>
        <input
          type="range"
          min={-xMax}
          max={xMax}
          step={xMax / 200}
          value={x}
          disabled={!ready}
          aria-valuetext={readoutText}
          data-control="readout"
          onInput={(e) => setReadoutX(Number(e.currentTarget.value))}
        />
      </label>
      <p class="ag-readout" data-readout="">
        {readoutText}
      </p>
      <p class="ag-hint">{t.plotHint}</p>

      <div class="ag-details" hidden={compare}>
        <div class="ag-formulas" data-show={selected}>
          {children}
        </div>
        <p class="ag-summary">{ACTIVATIONS[selected].summary[lang]}</p>
        <table class="ag-facts">
          <caption>{fill(t.factsCaption, { name: names[0]! })}</caption>
          <tbody>
            {factRows(ACTIVATIONS[selected], t).map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
