/**
 * The Fit Lab's code exports: a Keras (Python) and a TensorFlow.js script that replay the run the page trains for
 * these settings (started with Train: the seed's initial weights, the seed's shuffle). The scripts themselves are
 * written by src/labs/fit-lab/export/export-scripts.ts; this module only turns the lab's settings into what they need.
 */
import { kerasScript, tfjsScript, type ExportedRun } from './export-scripts';
import { toTrainConfig, type FitLabSettings } from '../../../core/settings/fit-lab';
import { trainingSetup } from '../view';

/** The run the page trains for these settings, with the very data it trains on. */
export function exportedRun(s: FitLabSettings): ExportedRun {
  const setup = trainingSetup(s);
  const { batchSize, ...config } = toTrainConfig(s);
  return { ...config, batch: batchSize, targetText: setup.target.text, data: setup.data };
}

/** `fileName`: what the script will be saved as, for its usage lines. */
export const kerasSnippet = (s: FitLabSettings, fileName?: string): string => kerasScript(exportedRun(s), { fileName });
export const tfjsSnippet = (s: FitLabSettings, fileName?: string): string => tfjsScript(exportedRun(s), { fileName });
