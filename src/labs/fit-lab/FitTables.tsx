/** The Fit Lab's plots as tables (the data points with the fit; the training and test loss per epoch), behind a disclosure each. */
import type { FitLabSettings } from '../../core/settings/fit-lab';
import type { Dataset, NetworkParams } from '../../core/train/types';
import type { Dictionary } from '../../i18n';
import { DataTable } from '../../shared/DataTable';
import { fill } from '../../shared/format';
import { fitTableRows, lossTableRows, lossTableStep } from './tables';

export function FitDataTable(props: {
  t: Dictionary['fitLab'];
  params: NetworkParams;
  settings: FitLabSettings;
  data: Dataset;
  muted: readonly boolean[];
}) {
  const { t, params, settings, data, muted } = props;
  const tt = t.tables;
  return (
    <DataTable
      role="fit-table"
      summary={tt.show}
      caption={fill(tt.fitCaption, { n: data.x.length })}
      columns={[
        tt.x,
        tt.y,
        tt.prediction,
        ...params.w1.map((_, i) => fill(muted[i] ? tt.mutedNeuron : tt.neuron, { i: i + 1 })),
      ]}
      rows={() => fitTableRows(params, settings, data, muted)}
    />
  );
}

/** [epoch, loss] pairs as a table, thinned to every `step`-th epoch on long runs (the caption says so). */
function LossTable(props: {
  role: string;
  summary: string;
  caption: string;
  captionEvery: string;
  lossColumn: string;
  epochColumn: string;
  history: ReadonlyArray<readonly [number, number]>;
  empty?: string;
}) {
  const step = lossTableStep(props.history.length);
  return (
    <DataTable
      role={props.role}
      summary={props.summary}
      caption={step === 1 ? props.caption : fill(props.captionEvery, { step })}
      columns={[props.epochColumn, props.lossColumn]}
      rows={() => lossTableRows(props.history)}
      empty={props.empty}
    />
  );
}

export function LossDataTable(props: { t: Dictionary['fitLab']; history: ReadonlyArray<readonly [number, number]> }) {
  const tt = props.t.tables;
  return (
    <LossTable
      role="loss-table"
      summary={tt.show}
      caption={tt.lossCaption}
      captionEvery={tt.lossCaptionEvery}
      epochColumn={tt.epoch}
      lossColumn={tt.loss}
      history={props.history}
      empty={tt.empty}
    />
  );
}

/** The test loss (MSE on the held-out points) per epoch; nothing when the run holds no points out. */
export function TestLossTable(props: { t: Dictionary['fitLab']; history: ReadonlyArray<readonly [number, number]> }) {
  const { t, history } = props;
  if (history.length === 0) return null;
  return (
    <LossTable
      role="test-loss-table"
      summary={t.own.testShow}
      caption={t.own.testTable}
      captionEvery={t.own.testTableEvery}
      epochColumn={t.tables.epoch}
      lossColumn={t.own.testLoss}
      history={history}
    />
  );
}
