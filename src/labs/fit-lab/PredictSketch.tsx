/**
 * Predict, then reveal: before training, the reader sketches the curve they expect the trained network to draw.
 * The guess stays on the plot as a dashed curve labelled "your guess", and once there is a trained network its
 * distance to the network's prediction is given in words (and on the lab's root as `data-guess-distance`).
 * `usePrediction` holds the guess; `GuessLayer` draws it over the plot and, while sketching, takes the pointer and
 * the keys; `PredictPanel` holds the buttons and the words.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { predictAll, type ActivationChoice } from '../../core/analysis/network';
import { flatGuess, guessDistance, rangeSnap } from '../../core/analysis/guess';
import { CONTROL_POINTS, CONTROL_XS, type Sample } from '../../core/data/drawn-target';
import type { NetworkParams } from '../../core/train/types';
import type { Dictionary } from '../../i18n';
import { fitLayout, type FitLayout, type FitPlotData, type PlotSize } from '../../plots/fitPlot';
import { guessLayerSvg } from '../../plots/guessLayer';
import { fill, formatNumber } from '../../shared/format';
import { useCurveSketch } from '../../shared/useCurveSketch';

type Text = Dictionary['fitLab'];

export interface Prediction {
  enabled: boolean;
  guess: number[] | null;
  sketching: boolean;
  /** RMS distance between the guess and the shown network on the training inputs; null without both. */
  distance: number | null;
  setGuess(values: number[] | null): void;
  setSketching(on: boolean): void;
}

export function usePrediction(
  enabled: boolean,
  shown: { params: NetworkParams; epoch: number },
  activation: ActivationChoice,
  xs: readonly number[],
  /** Training: sketching ends (the guess is made before the answer appears). */
  busy: boolean,
): Prediction {
  const [guess, setGuess] = useState<number[] | null>(null);
  const [sketching, setSketching] = useState(false);
  useEffect(() => {
    if (busy) setSketching(false);
  }, [busy]);
  const distance = useMemo(() => {
    if (!enabled || !guess || shown.epoch === 0) return null;
    const d = guessDistance(guess, xs, predictAll(shown.params, activation, xs));
    return Number.isFinite(d) ? d : null;
  }, [enabled, guess, shown.params, shown.epoch, activation.activation, activation.activationParams, xs]);
  return { enabled, guess, sketching, distance, setGuess, setSketching };
}

const pointText = (t: Text, values: readonly number[], k: number) =>
  fill(t.predict.point, {
    k: k + 1,
    n: CONTROL_POINTS,
    x: formatNumber(CONTROL_XS[k]!),
    y: formatNumber(values[k]!),
  });

export function guessDesc(t: Text, values: readonly number[]): string {
  return fill(t.predict.desc, {
    n: CONTROL_POINTS,
    values: values.map((v, k) => `(${formatNumber(CONTROL_XS[k]!)}, ${formatNumber(v)})`).join(', '),
  });
}

interface LayerProps {
  t: Text;
  uid: string;
  prediction: Prediction;
  data: FitPlotData;
  size: PlotSize;
}

/** The guess over the plot; while sketching, also the control that edits it (pointer and keys). */
export function GuessLayer({ t, uid, prediction, data, size }: LayerProps) {
  const { guess, sketching } = prediction;
  const box = useRef<HTMLDivElement>(null);
  // The scales stay as they were when a stroke began, so the plot does not rescale under the pointer.
  const frozen = useRef<FitLayout | null>(null);
  const layout = (sketching && frozen.current) || fitLayout(data, size);
  const [yLo, yHi] = layout.y.domain() as [number, number];
  const toData = (e: PointerEvent): Sample | null => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return null;
    const scale = size.width / rect.width;
    return {
      x: layout.x.invert((e.clientX - rect.left) * scale),
      y: layout.y.invert((e.clientY - rect.top) * scale),
    };
  };
  const sketch = useCurveSketch({
    values: guess ?? flatGuess((yLo + yHi) / 2),
    disabled: !sketching,
    onChange: (values) => {
      frozen.current = null;
      prediction.setGuess(values);
    },
    toData,
    onStrokeStart: () => {
      frozen.current = layout;
    },
    snap: rangeSnap(yLo, yHi),
    smallStep: (yHi - yLo) / 40,
    bigStep: (yHi - yLo) / 8,
  });
  if (!guess) return null;
  const svg = guessLayerSvg(
    { xs: CONTROL_XS, values: sketch.shown, handles: sketching, focus: sketch.focused ? sketch.focus : null },
    layout,
    { ...size, idPrefix: `${uid}-guess` },
    { label: t.predict.label },
  );
  return (
    <>
      <div class="lab__svg lab__front fitlab__guess" dangerouslySetInnerHTML={{ __html: svg }} />
      {sketching && (
        <div
          ref={box}
          class="fitlab__sketch"
          role="slider"
          tabIndex={0}
          aria-label={t.predict.editor}
          aria-describedby={`${uid}-sketch-hint`}
          aria-orientation="vertical"
          aria-valuemin={Number(yLo.toFixed(3))}
          aria-valuemax={Number(yHi.toFixed(3))}
          aria-valuenow={Number(sketch.shown[sketch.focus]!.toFixed(3))}
          aria-valuetext={pointText(t, sketch.shown, sketch.focus)}
          data-role="sketch"
          data-focus={sketch.focus}
          {...sketch.handlers}
        />
      )}
    </>
  );
}

interface PanelProps {
  t: Text;
  uid: string;
  prediction: Prediction;
  /** The shown network's epoch (the distance is to the network at that epoch). */
  epoch: number;
  points: number;
  disabled: boolean;
  /** Back to the untrained start, so the answer is not on the plot while the reader guesses. */
  onStart(): void;
  /** Where the flat starting guess sits. */
  startLevel: number;
}

export function PredictPanel({ t, uid, prediction, epoch, points, disabled, onStart, startLevel }: PanelProps) {
  const { guess, sketching, distance } = prediction;
  const begin = () => {
    onStart();
    if (!guess) prediction.setGuess(flatGuess(Math.round(startLevel * 100) / 100));
    prediction.setSketching(true);
  };
  return (
    <div class="fitlab__predict" data-role="predict">
      {!guess && <p class="lab__hint">{t.predict.intro}</p>}
      <div class="lab__buttons">
        {sketching ? (
          <button
            type="button"
            class="lab__button"
            data-action="sketch-done"
            onClick={() => prediction.setSketching(false)}
          >
            {t.predict.done}
          </button>
        ) : (
          <button type="button" class="lab__button" data-action="sketch" disabled={disabled} onClick={begin}>
            {guess ? t.predict.resketch : t.predict.sketch}
          </button>
        )}
        {guess && (
          <button
            type="button"
            class="lab__button"
            data-action="clear-guess"
            disabled={disabled}
            onClick={() => {
              prediction.setSketching(false);
              prediction.setGuess(null);
            }}
          >
            {t.predict.clear}
          </button>
        )}
      </div>
      {sketching && (
        <p class="lab__hint" id={`${uid}-sketch-hint`}>
          {t.predict.hint}
        </p>
      )}
      {guess && (
        <p data-role="guess-result">
          {distance === null
            ? t.predict.waiting
            : fill(t.predict.distance, { d: formatNumber(distance), epoch, n: points })}
        </p>
      )}
      {guess && <p class="sr-only">{guessDesc(t, guess)}</p>}
    </div>
  );
}
