import { describe, expect, it } from 'vitest';
import { lossPlotSvg } from '../../../src/plots/lossPlot';
import type { LossMarker } from '../../../src/plots/lossMarkers';

const size = { width: 600, height: 170, idPrefix: 't-loss' };
const labels = { title: 'Loss', desc: 'desc', epoch: 'epoch', loss: 'loss' };
const history = Array.from({ length: 300 }, (_, k) => [k + 1, 1 / (k + 1)] as [number, number]);

const markers: LossMarker[] = [
  { kind: 'died', epoch: 0, tag: '1', title: '1. Neuron 2 was dead from the start' },
  { kind: 'died', epoch: 2, tag: '2', title: '2. Neuron 1 died at epoch 2 & <more>' },
  { kind: 'plateau', epoch: 120, until: 300, tag: '3', title: '3. Loss plateau from epoch 120 to 300' },
];

function parse(svg: string) {
  const groups = [
    ...svg.matchAll(/<g data-role="event-marker" data-kind="(\w+)" data-epoch="(\d+)"[^>]*>(.*?)<\/g><\/g>/g),
  ];
  return groups.map((g) => ({
    kind: g[1],
    epoch: Number(g[2]),
    title: /<title>(.*?)<\/title>/.exec(g[3]!)![1],
    x: Number(/<line x1="([\d.]+)"/.exec(g[3]!)![1]),
    badgeY: Number(/translate\([\d.]+,([\d.]+)\)/.exec(g[3]!)![1]),
    tag: /<text[^>]*>(.*?)<\/text>/.exec(g[3]!)![1],
  }));
}

describe('loss plot event markers', () => {
  it('draws one marker per event at its epoch, with its tag, its escaped title and its kind', () => {
    const svg = lossPlotSvg({ history, epochs: 300, epoch: 300, divergedAt: null, markers }, size, labels);
    const drawn = parse(svg);
    expect(drawn.map((m) => [m.kind, m.epoch, m.tag])).toEqual([
      ['died', 0, '1'],
      ['died', 2, '2'],
      ['plateau', 120, '3'],
    ]);
    expect(drawn[1]!.title).toBe('2. Neuron 1 died at epoch 2 &amp; &lt;more&gt;');
    // x follows the epoch axis: epoch 120 of 300 sits 40 % of the way along it.
    const [x0, x300] = [drawn[0]!.x, Number(/<line data-role="current-epoch" x1="([\d.]+)"/.exec(svg)![1])];
    expect(drawn[2]!.x).toBeCloseTo(x0 + 0.4 * (x300 - x0), 1);
    // Badges of neighbouring epochs stack instead of overlapping.
    expect(drawn[1]!.badgeY).toBeLessThan(drawn[0]!.badgeY - 10);
    expect(drawn[2]!.badgeY).toBe(drawn[0]!.badgeY);
    // A plateau is also a band over its epochs.
    expect(svg).toMatch(/<rect class="fl-event-band" x="[\d.]+" y="[\d.]+" width="[\d.]+"/);
  });

  it('draws nothing extra without markers, and marks the loss of the epoch shown', () => {
    const plain = lossPlotSvg({ history, epochs: 300, epoch: 300, divergedAt: null }, size, labels);
    expect(plain).not.toContain('event-marker');
    const back = lossPlotSvg({ history, epochs: 300, epoch: 10, divergedAt: null }, size, labels);
    const cy = (svg: string) => Number(/<circle cx="[\d.]+" cy="([\d.]+)"/.exec(svg)![1]);
    // The dot sits on the curve at epoch 10 (loss 0.1), higher up than at epoch 300 (loss 1/300).
    expect(cy(back)).toBeLessThan(cy(plain));
  });
});
