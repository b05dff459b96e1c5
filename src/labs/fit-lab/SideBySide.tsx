/** Side by side: the same seed and initial weights trained with every activation at once, as small multiples. */
import { useMemo, useState } from 'preact/hooks';
import type { Dictionary, Lang } from '../../i18n';
import { HIDDEN_ACTIVATION_IDS, type HiddenActivationId } from '../../core/activations/types';
import { ACTIVATIONS } from '../../core/activations/registry';
import { toTrainConfig, type FitLabSettings } from '../../core/settings/fit-lab';
import { fitPlotSvg } from '../../plots/fitPlot';
import { finalMse, networkView, plotData, type TrainingSetup } from './view';
import type { CompareResult, FitRunner } from '../../shared/fit-runner';
import { fill, formatNumber } from '../../shared/format';

interface Props {
  t: Dictionary['fitLab'];
  lang: Lang;
  uid: string;
  settings: FitLabSettings;
  setup: TrainingSetup;
  disabled: boolean;
  getRunner(): Promise<FitRunner>;
  /** Results recorded at build time for these settings (shown until the reader runs it again). */
  initial?: Partial<Record<HiddenActivationId, CompareResult>> | null;
  open?: boolean;
}

interface Result {
  activation: HiddenActivationId;
  result: CompareResult;
  mse: number;
}

type State =
  { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; results: Result[] } | { phase: 'error'; message: string };

function resultsFrom(initial: NonNullable<Props['initial']>, setup: TrainingSetup): Result[] {
  return HIDDEN_ACTIVATION_IDS.flatMap((activation) => {
    const result = initial[activation];
    if (!result) return [];
    const mse =
      result.divergedAt === null ? finalMse(result.params, { activation, activationParams: {} }, setup.data) : Infinity;
    return [{ activation, result, mse }];
  });
}

export function SideBySide({ t, lang, uid, settings, setup, disabled, getRunner, initial, open }: Props) {
  const [state, setState] = useState<State>(() =>
    initial ? { phase: 'done', results: resultsFrom(initial, setup) } : { phase: 'idle' },
  );
  const run = async () => {
    setState({ phase: 'running' });
    try {
      const base = toTrainConfig(settings);
      // Every activation with its default parameters; the chosen one keeps the reader's α/β.
      const configs = HIDDEN_ACTIVATION_IDS.map((activation) => ({
        ...base,
        activation,
        activationParams: activation === settings.activation ? base.activationParams : {},
      }));
      const runner = await getRunner();
      const out = await runner.compare(configs, setup.data);
      setState({
        phase: 'done',
        results: out.map((result, k) => {
          const activation = configs[k]!.activation;
          const mse = result.divergedAt === null ? finalMse(result.params, configs[k]!, setup.data) : Infinity;
          return { activation, result, mse };
        }),
      });
    } catch (e) {
      setState({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  // Thirteen small plots drawn as SVG text: drawn again only when the results or what they are drawn with change,
  // not on each frame of the lab's own run.
  const multiples = useMemo(
    () =>
      state.phase === 'done' && (
        <ul class="fitlab__multiples" aria-label={t.sideBySideTitle}>
          {state.results.map(({ activation, result, mse }) => {
            const s = {
              activation,
              activationParams: activation === settings.activation ? settings.activationParams : {},
            };
            const view = networkView(result.params, s, setup.data.x);
            const name = ACTIVATIONS[activation].name[lang];
            const svg = fitPlotSvg(
              plotData(setup, result.params, view, 'components'),
              { width: 220, height: 140, compact: true, idPrefix: `${uid}-sbs-${activation}` },
              {
                title: fill(t.plot.title, { target: setup.target.text, hidden: settings.hidden, activation: name }),
                desc: fill(t.finalMse, { mse: formatNumber(mse) }),
                target: t.plot.target,
                prediction: t.plot.prediction,
                bias: t.plot.bias,
                neuronTag: (i) => String(i + 1),
                dead: t.plot.dead,
              },
            );
            return (
              <li key={activation} data-role="side-by-side-result" data-activation={activation} data-mse={String(mse)}>
                <p class="fitlab__multiple-title">
                  <strong>{name}</strong>{' '}
                  <span>
                    {result.divergedAt !== null
                      ? fill(t.status.diverged, { epoch: result.divergedAt })
                      : fill(t.finalMse, { mse: formatNumber(mse) })}
                  </span>
                </p>
                <div dangerouslySetInnerHTML={{ __html: svg }} />
              </li>
            );
          })}
        </ul>
      ),
    [state, settings.activation, settings.activationParams, settings.hidden, setup, lang, uid, t],
  );
  return (
    <details class="lab__panel" data-role="side-by-side" data-phase={state.phase} open={open}>
      <summary>{t.sideBySide}</summary>
      <p class="lab__hint">{t.sideBySideHint}</p>
      <button
        type="button"
        class="lab__button"
        data-action="side-by-side"
        disabled={disabled || state.phase === 'running'}
        onClick={() => void run()}
      >
        {t.sideBySide}
      </button>
      <p class="lab__hint" role="status" aria-live="polite">
        {state.phase === 'running'
          ? fill(t.sideBySideRunning, { count: HIDDEN_ACTIVATION_IDS.length })
          : state.phase === 'error'
            ? fill(t.status.error, { message: state.message })
            : ''}
      </p>
      {multiples}
    </details>
  );
}
