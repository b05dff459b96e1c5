/**
 * What the InitLab shows for one configuration: the measured shares next to the precomputed ones (a table, so the
 * numbers are text), and the scheme's initial weights w₁ as a histogram with the reason in a sentence.
 */
import type { InitWeightsHistogram } from '../../core/analysis/init-weights';
import type { ConfigSummary } from '../../core/analysis/seed-stats';
import { initWeightsSvg, initWeightsSwatch } from '../../plots/initWeights';

import type { Lang } from '../../i18n';
import { statLabel, type InitLabText, type PrecomputedRow, type StatKey } from './text';
import { fill, formatCount, formatMse, formatShare } from '../../shared/format';

const format = (key: StatKey, v: number, lang: Lang) => (key === 'medianMse' ? formatMse(v) : formatShare(v, lang));

interface TableProps {
  t: InitLabText;
  lang: Lang;
  caption: string;
  keys: readonly StatKey[];
  live: ConfigSummary | null;
  liveRuns: number;
  precomputed: PrecomputedRow | undefined;
  precomputedRuns: number;
}

export function ResultsTable({ t, lang, caption, keys, live, liveRuns, precomputed, precomputedRuns }: TableProps) {
  return (
    <table class="init-lab__results" data-role="results">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.statistic}</th>
          <th scope="col">{fill(t.live, { n: formatCount(liveRuns, lang) })}</th>
          <th scope="col">{fill(t.precomputed, { n: formatCount(precomputedRuns, lang) })}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key} data-stat={key}>
            <th scope="row">{statLabel(t, key)}</th>
            <td data-live={live ? String(live[key]) : ''}>
              {live ? format(key, live[key], lang) : <span class="init-lab__muted">{t.notYet}</span>}
            </td>
            <td data-precomputed={precomputed ? String(precomputed[key]) : ''}>
              {precomputed ? (
                format(key, precomputed[key], lang)
              ) : (
                <span class="init-lab__muted">{t.notPrecomputed}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface WeightsProps {
  t: InitLabText;
  lang: Lang;
  histogram: InitWeightsHistogram;
  kernelName: string;
  bias: string;
  why: string;
}

export function WeightsFigure({ t, lang, histogram: h, kernelName, bias, why }: WeightsProps) {
  const share = formatShare(h.units ? h.offUnits / h.units : 0, lang);
  const networkShare = formatShare(h.networks ? h.networksWithOff / h.networks : 0, lang);
  const svg = initWeightsSvg(
    h,
    { width: 560, height: 190, idPrefix: 'init-lab-w' },
    {
      title: fill(t.weightsTitle, { last: h.networks - 1, units: formatCount(h.units, lang) }),
      desc: fill(t.weightsDesc, {
        kernel: kernelName,
        bias,
        off: formatCount(h.offUnits, lang),
        units: formatCount(h.units, lang),
        share,
        networks: formatCount(h.networksWithOff, lang),
        seeds: formatCount(h.networks, lang),
        networkShare,
      }),
      xAxis: t.weightsX,
      yAxis: t.weightsY,
      active: t.weightsActive,
      off: t.weightsOff,
      band: fill(t.weightsBand, { l: formatMse(h.limit) }),
    },
  );
  return (
    <div
      class="init-lab__weights"
      data-role="weights"
      data-off-units={h.offUnits}
      data-networks-with-off={h.networksWithOff}
    >
      <div class="init-lab__plot" dangerouslySetInnerHTML={{ __html: svg }} />
      <ul class="init-lab__legend">
        <li>
          <span dangerouslySetInnerHTML={{ __html: initWeightsSwatch('active', 'init-lab-sw') }} /> {t.weightsActive}
        </li>
        <li>
          <span dangerouslySetInnerHTML={{ __html: initWeightsSwatch('off', 'init-lab-sw') }} /> {t.weightsOff}
        </li>
      </ul>
      <p class="init-lab__summary">
        {fill(t.weightsSummary, {
          off: formatCount(h.offUnits, lang),
          units: formatCount(h.units, lang),
          networkShare,
        })}
      </p>
      <p class="init-lab__why" data-role="why">
        {why}
      </p>
    </div>
  );
}
