/**
 * The Fit Lab's build-time figures (figures.json, from src/labs/fit-lab/generate-figures.ts), typed: the one place
 * that reads the file. Each record is one named figure: its preset, view, run and side-by-side results.
 */
import type { HiddenActivationId } from '../../core/activations/types';
import type { FitView } from '../../plots/fitPlot';
import type { CompareResult } from '../../shared/fit-runner';
import type { StaticRun } from './FitLabIsland';
import figures from './figures.json';

export interface FitFigureRecord {
  preset: string;
  view: FitView;
  run: StaticRun;
  compare?: Partial<Record<HiddenActivationId, CompareResult>>;
}

const RECORDS = figures as unknown as Readonly<Record<string, FitFigureRecord>>;

/** The recorded figure of that name; an unknown name fails the build. */
export function fitFigure(name: string): FitFigureRecord {
  const record = RECORDS[name];
  if (!record)
    throw new Error(
      `FitLab: no recorded figure "${name}" in figures.json; run npx tsx src/labs/fit-lab/generate-figures.ts`,
    );
  return record;
}
