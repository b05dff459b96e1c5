/** The Fit Lab's plot builders and code snippets: pure functions of their inputs. */
import { describe, expect, it } from 'vitest';
import { fitPlotLayers, fitPlotSvg } from '../../../src/plots/fitPlot';
import { lossPlotSvg } from '../../../src/plots/lossPlot';
import { networkView, plotData, trainingSetup } from '../../../src/labs/fit-lab/view';
import { kerasSnippet, tfjsSnippet } from '../../../src/labs/fit-lab/export/snippets';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/fit-lab';

const labels = {
  title: 'T <b>',
  desc: 'D & "q"',
  target: 'target',
  prediction: 'prediction',
  bias: 'c',
  neuronTag: (i: number) => String(i + 1),
  dead: 'dead',
};
const settings = { ...DEFAULT_SETTINGS, activation: 'relu' as const, hidden: 3 };
const params = { w1: [1, -0.5, -1], b1: [-2, 1, 0], w2: [0.8, -1.2, 0.5], b2: 0.3 };

describe('fit plot', () => {
  const setup = trainingSetup(settings);
  const view = networkView(params, settings, setup.data.x);
  const data = plotData(setup, params, view, 'components');

  it('draws one component curve per hidden neuron, the prediction and the bias, with escaped text', () => {
    const svg = fitPlotSvg(data, { width: 640, height: 384, idPrefix: 'p' }, labels);
    expect(svg.match(/data-role="component"/g)).toHaveLength(3);
    expect(svg.match(/data-role="prediction"/g)).toHaveLength(1);
    expect(svg).toContain('data-role="bias"');
    expect(svg).toContain('T &lt;b&gt;');
    expect(svg).toContain('D &amp; &quot;q&quot;');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('marks a dead neuron (w < 0, b = 0 on x ≥ 0) distinctly', () => {
    expect(view.states[2]).toBe('dead');
    const svg = fitPlotSvg(data, { width: 640, height: 384, idPrefix: 'p' }, labels);
    expect(svg).toMatch(/data-neuron="2" data-state="dead"/);
    expect(svg).toContain('3 · dead');
  });

  it('the prediction equals the bias plus the sum of the components at every grid point', () => {
    data.grid.forEach((_, j) => {
      const sum = view.components.reduce((s, c) => s + c.y[j]!, params.b2);
      expect(view.prediction[j]).toBeCloseTo(sum, 12);
    });
  });

  it('live layers split the same drawing in two and keep the curves in front', () => {
    const { back, front } = fitPlotLayers(data, { width: 640, height: 384, idPrefix: 'p' }, labels);
    expect(back).toContain('data-role="target"');
    expect(back).not.toContain('data-role="prediction"');
    expect(front.match(/data-role="component"/g)).toHaveLength(3);
    expect(front).toContain('aria-hidden="true"');
  });

  it('the sum view stacks layers and never draws non-finite values', () => {
    const svg = fitPlotSvg(plotData(setup, params, view, 'sum'), { width: 320, height: 192, idPrefix: 's' }, labels);
    expect(svg.match(/data-role="layer"/g)).toHaveLength(3);
    const lossSvg = lossPlotSvg(
      {
        history: [
          [1, 0.5],
          [2, Infinity],
          [3, NaN],
        ],
        epochs: 300,
        epoch: 3,
        divergedAt: 2,
      },
      { width: 640, height: 180, idPrefix: 'l' },
      { title: 't', desc: 'd', epoch: 'epoch', loss: 'loss' },
    );
    expect(lossSvg).not.toMatch(/NaN|Infinity/);
    expect(lossSvg).toContain('data-role="diverged-marker"');
  });
});

describe('code snippets', () => {
  it('reproduce the configuration, custom targets named but carried as numbers, never as code', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      activation: 'leaky_relu' as const,
      activationParams: { alpha: 0.1 },
      target: 'expr:max(x, 1, 2) + sin(x)^2',
      lr: 0.01,
      seed: 7,
    };
    const py = kerasSnippet(s);
    expect(py).toContain('keras.layers.LeakyReLU(negative_slope=0.1)');
    expect(py).toContain('learning_rate=LR');
    expect(py).toContain('LR = 0.01');
    expect(py).toContain('SEED = 7');
    expect(py).not.toContain('np.maximum');
    const js = tfjsSnippet(s);
    expect(js).toContain('tf.layers.leakyReLU({ alpha: 0.1 })');
    expect(js).toContain('const LR = 0.01;');
    expect(js).not.toContain('Math.max(x');
    for (const code of [py, js]) expect(code).toContain('y = max(x, 1, 2) + sin(x)^2');
  });
});
