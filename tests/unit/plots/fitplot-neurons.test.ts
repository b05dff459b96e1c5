/** The fit plot's per-neuron layers: numbering, learning bands, muted components, and finding a component by pixel. */
import { describe, expect, it } from 'vitest';
import { learningIntervals } from '../../../src/core/analysis/learning-bands';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/fit-lab';
import { componentNear, fitLayout, fitPlotLayers, fitPlotSvg, type FitPlotData } from '../../../src/plots/fitPlot';
import { neuronPlotData } from '../../../src/labs/fit-lab/neurons/neurons';
import { networkView, plotData, trainingSetup } from '../../../src/labs/fit-lab/view';

const labels = {
  title: 'T',
  desc: 'D',
  target: 'target',
  prediction: 'prediction',
  bias: 'c',
  neuronTag: (i: number) => String(i + 1),
  dead: 'dead',
  band: 'can still learn',
  bandTitle: (i: number) => `band of ${i + 1}`,
};
const settings = { ...DEFAULT_SETTINGS, activation: 'relu' as const, hidden: 3 };
// Kink at 2 (rising), a flipped one at 2 (falling), and a dead one (w < 0, b = 0 on x ≥ 0).
const params = { w1: [1, -0.5, -1], b1: [-2, 1, 0], w2: [0.8, -1.2, 0.5], b2: 0.3 };
const size = { width: 640, height: 384, idPrefix: 'p' };
const setup = trainingSetup(settings);
const view = networkView(params, settings, setup.data.x);
const bands = learningIntervals(params, settings, setup.data.x);
const base = plotData(setup, params, view, 'components');

const pathY = (svg: string, role: string, neuron: number): number[] => {
  const m = svg.match(new RegExp(`data-role="${role}" data-neuron="${neuron}"[^>]*? d="([^"]+)"`));
  return [...(m?.[1] ?? '').matchAll(/[ML]-?[\d.]+,(-?[\d.]+)/g)].map((p) => Number(p[1]));
};

describe('fit plot, per neuron', () => {
  it('numbers neurons from 1 when asked, and draws one learning band per neuron with its intervals', () => {
    const svg = fitPlotSvg(neuronPlotData(base, params.b2, [], bands), size, labels);
    expect(svg).toMatch(/data-role="component" data-neuron="1"/);
    expect(svg).not.toMatch(/data-neuron="0"/);
    const rows = [...svg.matchAll(/data-role="learning-band" data-neuron="(\d)" data-intervals="(\d+)"/g)];
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['1', '1'],
      ['2', '1'],
      ['3', '0'],
    ]);
    expect(svg).toContain('<title>band of 3</title>');
    expect(svg).toContain('can still learn');
    // The dead neuron's row has its faint track but no filled rect.
    const dead = svg.slice(svg.indexOf('data-neuron="3" data-intervals'));
    expect(dead.slice(0, dead.indexOf('</g>'))).not.toContain('<rect');
  });

  it('makes room for the bands under the x axis only in the components view', () => {
    const withBands = neuronPlotData(base, params.b2, [], bands);
    const plain = fitLayout(base, size);
    expect(fitLayout(withBands, size).bandsHeight).toBeGreaterThan(3 * 4);
    expect(fitLayout(withBands, size).margin.bottom).toBe(plain.margin.bottom + fitLayout(withBands, size).bandsHeight);
    expect(fitLayout({ ...withBands, view: 'sum' }, size).bandsHeight).toBe(0);
    expect(fitPlotSvg({ ...withBands, view: 'sum' }, size, labels)).not.toContain('learning-band');
    expect(fitLayout(withBands, { ...size, compact: true }).bandsHeight).toBe(0);
  });

  it('leaves a muted component out of the prediction and the stacked sum, and marks it', () => {
    const all = neuronPlotData(base, params.b2, [], null);
    const muted = neuronPlotData(base, params.b2, [true, false, false], null);
    expect(muted.components[0]!.muted).toBe(true);
    muted.grid.forEach((_, j) => {
      const rest = view.components[1]!.y[j]! + view.components[2]!.y[j]!;
      expect(muted.prediction![j]).toBeCloseTo(params.b2 + rest, 12);
      expect(all.prediction![j]).toBeCloseTo(params.b2 + rest + view.components[0]!.y[j]!, 12);
    });
    const { front } = fitPlotLayers(muted, size, labels);
    expect(front).toMatch(/data-neuron="1" data-state="alive" data-muted="true"/);
    // Sum view: the muted layer adds nothing, so layer 1 lies on the bias line (y = c everywhere).
    const sum = fitPlotSvg({ ...muted, view: 'sum' }, size, labels);
    const layer1 = pathY(sum, 'layer', 1);
    expect(layer1.length).toBeGreaterThan(1);
    expect(new Set(layer1).size).toBe(1);
  });

  it('finds the component under a pixel (its curve or its band row), and nothing far from every curve', () => {
    const data: FitPlotData = neuronPlotData(base, params.b2, [], bands);
    const { x, y } = fitLayout(data, size);
    // At x = 5, component 1 is 0.8·3 = 2.4 and component 2 is −1.2·0 = 0 (ReLU of a negative), component 3 is 0.
    expect(componentNear(data, size, x(5), y(2.4))).toBe(0);
    expect(componentNear(data, size, x(5), y(2.4) + 30)).toBe(null);
    // At x = 0.5 the flipped unit is −1.2·0.75 = −0.9, far from the others (0.0 and 0.0).
    expect(componentNear(data, size, x(0.5), y(-0.9))).toBe(1);
    const [y0] = y.range() as [number, number];
    // Band rows: 5 px below the axis, one row per 6 px.
    expect(componentNear(data, size, x(3), y0 + 7)).toBe(0);
    expect(componentNear(data, size, x(3), y0 + 13)).toBe(1);
    expect(componentNear(data, size, x(3), y0 + 19)).toBe(2);
  });
});
