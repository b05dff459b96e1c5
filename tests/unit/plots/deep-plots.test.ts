/** The deep demo's pure pieces: plot builders, the view model folding snapshots, prose numbers. */
import { describe, expect, it } from 'vitest';
import { formatProseNumber } from '../../../src/shared/format';
import { applyDeepUpdate, deepStats, emptyDeepView } from '../../../src/labs/deep/view';
import { DEEP_DEFAULTS } from '../../../src/labs/deep/settings';
import { PREACT_BINS, type DeepLayerStats, type DeepUpdate } from '../../../src/core/train/deep-types';
import { gradientDomain, layerGradientSvg } from '../../../src/plots/layerGradientPlot';
import { preactivationHeight, preactivationSvg } from '../../../src/plots/preactivationPlot';

const size = { width: 320, height: 170, idPrefix: 't' };
const gradLabels = { title: 'T <b>', desc: 'D', epoch: 'epoch', gradient: 'g' };

const layer = (gradW: number, dead = 0): DeepLayerStats => ({
  gradW,
  gradB: 0,
  hist: new Array(PREACT_BINS).fill(1),
  quantiles: [0, 0, 0, 0, 0, 0, 0],
  dead,
  saturated: 0,
});
const update = (epoch: number, grads: number[][], losses: number[][]): DeepUpdate => ({
  epoch,
  networks: grads.map((g) => ({
    loss: losses[0]?.at(-1) ?? NaN,
    layers: g.map((v) => layer(v, 0.5)),
    output: { gradW: 1, gradB: 1 },
  })),
  losses,
  divergedAt: grads.map(() => null),
});

describe('layerGradientSvg', () => {
  it('draws one labelled line per layer, skipping non-finite values, with escaped text', () => {
    const svg = layerGradientSvg(
      {
        series: [
          [
            [0, 1e-4],
            [5, NaN],
            [10, 1e-3],
          ],
          [
            [0, 1],
            [10, 0.5],
          ],
        ],
        epochs: 10,
      },
      size,
      gradLabels,
    );
    expect(svg.match(/data-role="layer-gradient"/g)).toHaveLength(2);
    expect(svg).toContain('data-layer="1"');
    expect(svg.match(/data-role="layer-label"/g)).toHaveLength(2);
    expect(svg).toContain('T &lt;b&gt;');
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('role="img"');
    // The NaN breaks layer 1's line into two pieces.
    const d = /data-layer="1" d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('spans whole decades, at least two', () => {
    expect(gradientDomain([3e-4, 0.2])).toEqual([1e-4, 1]);
    expect(gradientDomain([0.5, 0.6])).toEqual([0.01, 1]);
    expect(gradientDomain([NaN, 0, -1])).toEqual([1e-4, 1]);
  });
});

describe('preactivationSvg', () => {
  it('draws a strip per layer with its note, and reserves the height it needs', () => {
    const svg = preactivationSvg(
      {
        rows: [
          { hist: [0, 3, 1], note: 'dead 50%' },
          { hist: [], note: '' },
        ],
        range: [-8, 8],
      },
      { width: 320, height: 0, idPrefix: 'p' },
      { title: 'P', desc: 'd', axis: 'z', layer: (l) => `L${l}` },
    );
    expect(svg.match(/data-role="preact-row"/g)).toHaveLength(2);
    expect(svg).toContain('dead 50%');
    expect(svg).toContain('>L2<');
    expect(svg).toContain(`viewBox="0 0 320 ${preactivationHeight(2)}"`);
  });
});

describe('deep view model', () => {
  it('folds snapshots into per-layer series and losses by epoch, and derives the prose numbers', () => {
    const settings = { ...DEEP_DEFAULTS, layers: 2, activations: ['sigmoid' as const, 'relu' as const] };
    let view = emptyDeepView(settings);
    view = applyDeepUpdate(
      view,
      update(
        0,
        [
          [1e-3, 1],
          [2, 1],
        ],
        [[], []],
      ),
    );
    view = applyDeepUpdate(
      view,
      update(
        2,
        [
          [0.1, 1],
          [1, 1],
        ],
        [
          [0.5, 0.4],
          [0.3, 0.2],
        ],
      ),
    );
    expect(view.networks[0]!.grads).toEqual([
      [
        [0, 1e-3],
        [2, 0.1],
      ],
      [
        [0, 1],
        [2, 1],
      ],
    ]);
    expect(view.networks[1]!.losses).toEqual([
      [1, 0.3],
      [2, 0.2],
    ]);
    const stats = deepStats(view);
    expect(stats['sigmoid.ratioStart']).toBeCloseTo(1e-3);
    expect(stats['sigmoid.ratioEnd']).toBeCloseTo(0.1);
    expect(stats['relu.finalLoss']).toBe(0.2);
    expect(stats['relu.deadShare']).toBe(0.5);
  });
});

describe('formatProseNumber', () => {
  it('writes ratios, shares and one-in-N for prose', () => {
    expect(formatProseNumber(8.362e-4, 'scientific', 'en')).toBe('8.4 × 10⁻⁴');
    expect(formatProseNumber(0.132, 'scientific', 'en')).toBe('0.13');
    expect(formatProseNumber(8.362e-4, 'inverse', 'en')).toBe('1,200');
    expect(formatProseNumber(0.4375, 'percent', 'zh-cn')).toBe('44%');
    expect(formatProseNumber(NaN, 'decimal', 'en')).toBe('—');
  });
});
