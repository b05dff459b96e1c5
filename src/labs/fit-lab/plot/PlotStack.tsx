/**
 * The fit plot as the reader sees it: two stacked SVG layers (axes, points and target behind; the curves in
 * front), its text alternative, and whichever editing layer is on top — manual placement's handles, the reader's
 * own points, or the sketch of a guess.
 */
import type { RefObject } from 'preact';
import type { Point } from '../../../core/data/points';
import type { FitLabSettings } from '../../../core/settings/fit-lab';
import type { NetworkParams } from '../../../core/train/types';
import type { Dictionary } from '../../../i18n';
import { fitPlotLayers, type FitPlotData, type FitPlotLabels, type PlotSize } from '../../../plots/fitPlot';
import { ManualLayer } from '../neurons/ManualLayer';
import type { NeuronViews } from '../neurons/useNeuronViews';
import { PointsLayer } from '../points/PointsEditor';
import { GuessLayer, type Prediction } from '../PredictSketch';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  /** The plot's box, whose width the plot is drawn at. */
  box: RefObject<HTMLDivElement>;
  nv: NeuronViews;
  data: FitPlotData;
  size: PlotSize;
  labels: FitPlotLabels;
  hydrated: boolean;
  settings: FitLabSettings;
  /** Manual placement: handles that move these weights. */
  manual: boolean;
  params: NetworkParams;
  onParams(params: NetworkParams): void;
  /** Editing the reader's own points on the plot. */
  editPoints: boolean;
  onPoints(points: Point[] | null): void;
  prediction: Prediction;
}

export function PlotStack(p: Props) {
  const { t, uid, data, size, hydrated } = p;
  const layers = fitPlotLayers(data, size, p.labels);
  return (
    <div class="lab__plot" ref={p.box} {...p.nv.plotHover(data, size)}>
      <div class="lab__svg" dangerouslySetInnerHTML={{ __html: layers.back }} />
      <div class="lab__svg lab__front" dangerouslySetInnerHTML={{ __html: layers.front }} />
      <p class="sr-only" id={`${size.idPrefix}-summary`}>
        {p.labels.desc}
      </p>
      {p.manual && hydrated && (
        <ManualLayer
          t={t}
          uid={uid}
          data={data}
          size={size}
          params={p.params}
          settings={p.settings}
          onParams={p.onParams}
          neuron={p.nv.neuron}
        />
      )}
      {p.editPoints && hydrated && (
        <PointsLayer t={t} uid={uid} data={data} size={size} points={p.settings.points} onPoints={p.onPoints} />
      )}
      {p.prediction.enabled && hydrated && (
        <GuessLayer t={t} uid={uid} prediction={p.prediction} data={data} size={size} />
      )}
    </div>
  );
}
