import { describe, expect, it } from 'vitest';
import { CONTROL_XS, presetControls } from '../../../src/core/data/drawn-target';
import type { FitPlotData } from '../../../src/plots/fitPlot';
import { centreMarksSvg, drawingSvg, unitsChartSvg } from '../../../src/plots/universalPlots';

const size = { width: 600, height: 240, idPrefix: 't' };

describe('universal-approximation plots', () => {
  it('the drawing shows every control point, rings the focused one, and escapes its labels', () => {
    const svg = drawingSvg({ xs: CONTROL_XS, values: presetControls('bump'), yDomain: [-1, 3], focused: 4 }, size, {
      title: '<script>x</script>',
      desc: 'a & b',
    });
    expect(svg.match(/data-role="control"/g)).toHaveLength(CONTROL_XS.length);
    expect(svg.match(/data-focused="true"/g)).toHaveLength(1);
    expect(svg).toContain('data-k="4" data-focused="true"');
    expect(svg).toContain('role="img"');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('a &amp; b');
    expect(
      drawingSvg({ xs: CONTROL_XS, values: presetControls('bump'), yDomain: [-1, 3], focused: null }, size, {
        title: '',
        desc: '',
      }),
    ).not.toContain('data-focused');
  });

  it('centre marks: one per centre (an edge arrow beyond the x range), filled only when included', () => {
    const grid = [0, Math.PI, 2 * Math.PI];
    const plot: FitPlotData = {
      grid,
      points: { x: grid, y: [0, 1, 0] },
      target: [0, 1, 0],
      prediction: null,
      components: [],
      bias: 0,
      view: 'components',
    };
    const svg = centreMarksSvg(plot, size, [
      { x: 1, included: true, neuron: 2 },
      { x: 3, included: false, neuron: 1 },
      { x: -5, included: true, neuron: 3 },
      { x: NaN, included: false, neuron: 4 },
    ]);
    expect(svg.match(/data-role="centre-mark"/g)).toHaveLength(3);
    expect(svg).toMatch(/data-neuron="3" data-included="true" data-outside="left"/);
    expect(svg).not.toContain('data-neuron="4"');
    expect(svg).toMatch(/data-neuron="2" data-included="true"[^>]*fill="#d6336c"/);
    expect(svg).toMatch(/data-neuron="1" data-included="false"[^>]*fill="none"/);
    expect(svg).toContain('aria-hidden="true"');
  });

  it('the units chart draws one series per activation and the threshold, with no NaN for diverged runs', () => {
    const svg = unitsChartSvg(
      [
        {
          id: 'sigmoid',
          name: 'sigmoid',
          points: [
            [1, 0.3],
            [2, 1e-3],
            [4, Infinity],
          ],
        },
        {
          id: 'relu',
          name: 'ReLU',
          points: [
            [1, 0.35],
            [2, 0.2],
            [4, 1e-9],
          ],
        },
      ],
      [1, 2, 4],
      0.01,
      size,
      { title: 'T', desc: 'D', units: 'units', mse: 'mse', threshold: 'MSE = 0.01' },
    );
    expect(svg.match(/data-role="series"/g)).toHaveLength(2);
    expect(svg).toContain('data-role="threshold"');
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('<title id="t-title">T</title>');
  });
});
