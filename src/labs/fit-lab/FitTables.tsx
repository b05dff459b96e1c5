/** The Fit Lab's two plots as tables (the data points with the fit; the loss per epoch), behind a disclosure each. */
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

export function LossDataTable(props: { t: Dictionary['fitLab']; history: ReadonlyArray<readonly [number, number]> }) {
  const { t, history } = props;
  const step = lossTableStep(history.length);
  return (
    <DataTable
      role="loss-table"
      summary={t.tables.show}
      caption={step === 1 ? t.tables.lossCaption : fill(t.tables.lossCaptionEvery, { step })}
      columns={[t.tables.epoch, t.tables.loss]}
      rows={() => lossTableRows(history)}
      empty={t.tables.empty}
    />
  );
}
