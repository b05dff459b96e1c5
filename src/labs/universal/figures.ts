/** The build-time figures (figures.json, from `npm run figures:universal`), typed, with null MSEs back to Infinity. */
import type { SweepSummary } from '../../core/analysis/units-needed';
import type { StaticUniversalRun } from './view';
import figures from './figures.json';
import { formatPercent } from '../../shared/format';

export interface RecordedFigures {
  run: StaticUniversalRun;
  howMany: Partial<Record<string, SweepSummary & { seconds: number; epochs: number; seeds: number }>>;
}

export function recordedFigures(): RecordedFigures {
  const raw = figures as unknown as RecordedFigures;
  const howMany: RecordedFigures['howMany'] = {};
  for (const [shape, summary] of Object.entries(raw.howMany)) {
    if (summary)
      howMany[shape] = { ...summary, cells: summary.cells.map((c) => ({ ...c, bestMse: c.bestMse ?? Infinity })) };
  }
  return { run: raw.run, howMany };
}

export type UnitsStatName = 'units' | 'share' | 'seconds' | 'epochs' | 'seeds';

/**
 * One number of the recorded sweep for prose (UnitsStat.astro): the smallest size with MSE < 0.01 ("more than
 * 32" when none did), the share of seeds that get there at that size, the sweep's time in Node, or the epochs
 * and seeds per size it trained.
 */
export function unitsStat(
  figures: RecordedFigures,
  shape: string,
  activation: string,
  stat: UnitsStatName,
  lang: 'en' | 'zh-cn',
): { value: number | null; text: string } {
  const summary = figures.howMany[shape];
  if (!summary) throw new Error(`UnitsStat: no recorded sweep for shape "${shape}"; run npm run figures:universal`);
  const needed = summary.needed.find((n) => n.activation === activation);
  if (!needed) throw new Error(`UnitsStat: no ${activation} results for shape "${shape}"`);
  if (stat === 'units') {
    const max = Math.max(...summary.cells.map((c) => c.hidden));
    return {
      value: needed.hidden,
      text: needed.hidden === null ? (lang === 'zh-cn' ? `超过 ${max}` : `more than ${max}`) : String(needed.hidden),
    };
  }
  if (stat === 'share') return { value: needed.goodShare, text: formatPercent(needed.goodShare) };
  if (stat === 'epochs' || stat === 'seeds')
    return { value: summary[stat], text: summary[stat].toLocaleString(lang === 'zh-cn' ? 'zh-CN' : 'en') };
  return { value: summary.seconds, text: summary.seconds.toLocaleString(lang === 'zh-cn' ? 'zh-CN' : 'en') };
}
