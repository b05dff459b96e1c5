/** The build-time figures (figures.json, from `npm run figures:universal`), typed, with null MSEs back to Infinity. */
import type { SweepSummary } from '../../../lib/units-needed';
import type { StaticUniversalRun } from './model';
import figures from './figures.json';

export interface RecordedFigures {
  run: StaticUniversalRun;
  howMany: Partial<Record<string, SweepSummary & { seconds: number }>>;
}

export function recordedFigures(): RecordedFigures {
  const raw = figures as unknown as RecordedFigures;
  const howMany: RecordedFigures['howMany'] = {};
  for (const [shape, summary] of Object.entries(raw.howMany)) {
    if (summary) howMany[shape] = { ...summary, cells: summary.cells.map((c) => ({ ...c, bestMse: c.bestMse ?? Infinity })) };
  }
  return { run: raw.run, howMany };
}
