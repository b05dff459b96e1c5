/**
 * The run over time, under the plot: the loss per epoch up to the shown moment (the held-out points' loss beside
 * it, when there are some) with the run's events marked — choosing a marker goes to its epoch — then the timeline,
 * both losses as tables, and a finished run's error on the held-out points.
 */
import type { RunEvent } from '../../../core/analysis/run-events';
import type { SnapshotTrail } from '../../../core/sessions/snapshot-trail';
import type { Dictionary } from '../../../i18n';
import { lossPlotSvg } from '../../../plots/lossPlot';
import { fill, formatNumber } from '../../../shared/format';
import { LossDataTable, TestLossTable } from '../FitTables';
import { markerEpoch, RunTimeline } from './RunTimeline';
import { epochForEvent, lossMarkers, type ShownRun } from './timeline';

/** The loss plot is a strip under the fit plot, as wide. */
export const LOSS_ASPECT = 0.28;

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  width: number;
  shown: ShownRun;
  epochs: number;
  divergedAt: number | null;
  events: readonly RunEvent[];
  trail: SnapshotTrail;
  /** The trail index shown; null while the views follow the run. */
  index: number | null;
  /** [epoch, MSE on the held-out points] of the run. */
  test: Array<[number, number]>;
  /** A finished run's MSE on its `testPoints` held-out points; null without one. */
  testError: number | null;
  testPoints: number;
  hydrated: boolean;
  onScrub(epoch: number | null): void;
}

export function LossOverTime(p: Props) {
  const { t, uid, shown, hydrated, trail } = p;
  const svg = lossPlotSvg(
    {
      history: shown.history,
      epochs: p.epochs,
      epoch: shown.epoch,
      divergedAt: p.divergedAt,
      markers: lossMarkers(t, p.events),
      test: p.test.filter(([epoch]) => epoch <= shown.epoch),
    },
    { width: p.width, height: Math.round(p.width * LOSS_ASPECT), idPrefix: `${uid}-loss` },
    {
      title: t.plot.lossTitle,
      desc: fill(t.plot.lossDesc, { epoch: shown.epoch, loss: formatNumber(shown.loss) }),
      epoch: t.plot.epoch,
      loss: t.plot.loss,
      trainLegend: t.own.trainLoss,
      testLegend: t.own.testLoss,
    },
  );
  return (
    <>
      <div
        class="fitlab__loss"
        onClick={(e) => {
          const epoch = markerEpoch(e.target);
          if (epoch !== null && hydrated) p.onScrub(epochForEvent(trail, epoch));
        }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <RunTimeline
        t={t}
        uid={uid}
        trail={trail}
        index={p.index}
        events={p.events}
        disabled={!hydrated}
        onScrub={p.onScrub}
      />
      <LossDataTable t={t} history={shown.history} />
      <TestLossTable t={t} history={p.test} />
      {p.testError !== null && (
        <p class="lab__hint" data-role="test-mse">
          {fill(t.own.testMse, { n: p.testPoints, mse: formatNumber(p.testError) })}
        </p>
      )}
    </>
  );
}
