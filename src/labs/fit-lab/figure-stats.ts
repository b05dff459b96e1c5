/**
 * Numbers the prose quotes from a recorded Fit Lab figure: where its trained network's kinks sit (−b/w, left to right).
 * An unknown statistic fails the build rather than printing a wrong number.
 */
import { centres } from '../../core/analysis/network';
import { fitFigure } from './figures';

export function figureStat(figure: string, stat: string): number {
  const { run } = fitFigure(figure);
  const kink = /^kink\.(\d+)$/.exec(stat);
  if (kink) {
    const kinks = centres(run.params)
      .filter((c): c is number => c !== null)
      .sort((a, b) => a - b);
    const k = Number(kink[1]);
    if (k < kinks.length) return kinks[k]!;
  }
  throw new Error(`FigureStat: no "${stat}" for the recorded figure "${figure}"`);
}
