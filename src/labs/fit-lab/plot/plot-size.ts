/** The fit plot's size: its height follows its width, taller on phones. */
import type { PlotSize } from '../../../plots/fitPlot';

export const PLOT_ASPECT = 0.6;
/** Narrow plots (phones) are taller, so the curves stay readable: 272 px high at 340 px wide. */
export const NARROW_PLOT_ASPECT = 0.8;
/** Up to this width (px) a plot is narrow; fitlab.css's container query uses the same bound. */
export const NARROW_PLOT_WIDTH = 480;
export const plotAspect = (width: number) => (width <= NARROW_PLOT_WIDTH ? NARROW_PLOT_ASPECT : PLOT_ASPECT);

export function fitPlotSize(uid: string, width: number): PlotSize {
  return { width, height: Math.round(width * plotAspect(width)), idPrefix: `${uid}-fit` };
}
