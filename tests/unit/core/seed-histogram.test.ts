import { describe, expect, it } from 'vitest';
import { binIndex, binMembers, logBinEdges } from '../../../src/core/analysis/seed-bins';
import {
  binOutcomes,
  histogramCounts,
  mseBinEdges,
  outcomeOf,
  summarizeLonger,
} from '../../../src/core/analysis/seed-stats';
import { histogramLayout, histogramSvg } from '../../../src/plots/histogram';

const LINE = 0.5;

describe('log bins', () => {
  it('make the thresholds bin edges, so no bar straddles two outcomes', () => {
    const edges = mseBinEdges(LINE);
    expect(edges).toContain(0.01);
    expect(edges).toContain(0.9 * LINE);
    for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
    const outcomes = binOutcomes(edges, LINE);
    edges.slice(0, -1).forEach((lo, i) => {
      const hi = edges[i + 1]!;
      expect(outcomeOf(Math.sqrt(lo * hi), LINE), `bin ${i}`).toBe(outcomes[i]);
    });
  });

  it('put values in [lo, hi) bins, clamp the ends, and skip non-finite values', () => {
    const edges = logBinEdges({ min: 0.01, max: 1, perDecade: 1 });
    expect(edges).toEqual([0.01, 0.1, 1]);
    expect(binIndex(0.05, edges)).toBe(0);
    expect(binIndex(0.1, edges)).toBe(1);
    expect(binIndex(1e-9, edges)).toBe(0);
    expect(binIndex(7, edges)).toBe(1);
    expect(binIndex(Number.NaN, edges)).toBe(-1);
    expect(binMembers([0.05, 0.5, Number.NaN, 0.02], edges)).toEqual([[0, 3], [1]]);
    // Diverged runs count as the worst bin, not as nothing.
    expect(histogramCounts([0.05, Infinity], edges)).toEqual([1, 1]);
  });
});

describe('histogram builder', () => {
  const edges = [0.001, 0.01, 0.1, 1];
  const data = {
    edges,
    counts: [3, 0, 7],
    outcomes: ['good', 'plateau', 'line'] as const,
    markers: [{ value: 0.01, label: '0.01', kind: 'threshold' as const }],
  };
  const labels = {
    title: 'T',
    desc: 'D',
    xAxis: 'x',
    yAxis: 'y',
    outcome: { good: 'good', plateau: 'plateau', line: 'line' },
    bar: (lo: string, hi: string, n: number) => `${lo}–${hi}: ${n}`,
  };
  const size = { width: 300, height: 160, idPrefix: 'h' };

  it('draws bar heights proportional to the counts on a log x-axis', () => {
    const { bars, x } = histogramLayout(data, size);
    expect(bars[2]!.height / bars[0]!.height).toBeCloseTo(7 / 3, 6);
    expect(bars[1]!.height).toBe(0);
    // Each decade is equally wide on a log axis.
    expect(x(0.01) - x(0.001)).toBeCloseTo(x(1) - x(0.1), 6);
  });

  it('is a labelled image when static, and has keyboard-operable bars (non-empty ones) when interactive', () => {
    const still = histogramSvg(data, size, labels);
    expect(still).toContain('role="img"');
    expect(still).not.toContain('role="button"');
    const live = histogramSvg({ ...data, interactive: true, selected: 2 }, size, labels);
    expect(live.match(/role="button"/g)).toHaveLength(2);
    expect(live.match(/tabindex="0"/g)).toHaveLength(2);
    expect(live).toContain('aria-pressed="true"');
    expect(live).toContain('aria-label="0.1–1: 7 (line)"');
  });

  it('escapes text', () => {
    expect(histogramSvg(data, size, { ...labels, title: '<b>&' })).toContain('&lt;b&gt;&amp;');
  });
});

describe('longer-training summary', () => {
  it('tells slow runs from runs stuck with a neuron dead since the start', () => {
    const s = summarizeLonger([
      { seed: 0, mse: [0.3, 0.005, 0.004], deadAtInit: 0, dead: [0, 0, 0], negative: [0, 0, 0] },
      { seed: 1, mse: [0.35, 0.35, 0.35], deadAtInit: 1, dead: [1, 1, 1], negative: [0, 0, 0] },
      { seed: 2, mse: [0.2, 0.3, 0.3], deadAtInit: 0, dead: [0, 1, 1], negative: [0, 0, 0] },
      { seed: 3, mse: [0.002, 0.001, 0.001], deadAtInit: 0, dead: [0, 0, 0], negative: [0, 0, 0] },
    ]);
    expect(s).toEqual({
      runs: 4,
      goodShare: [0.25, 0.5, 0.5],
      stuckAtFirst: 3,
      slow: 1,
      neverDeadStart: 1,
      neverDiedLater: 1,
      stillStuckAlive: 0,
    });
  });
});

describe('packed histogram cards (island props)', () => {
  it('round-trip the seeds of every bin', async () => {
    const { packCard, unpackCard } = await import('../../../src/labs/seeds/cards');
    const card = {
      id: 'x',
      heading: 'h',
      title: 't',
      desc: 'd',
      counts: [2, 0, 1],
      outcomes: ['good', 'plateau', 'line'] as const,
      markers: [],
      lines: [],
      binSeeds: [[10, 12], [], [11]],
      hrefTemplate: '',
    };
    const packed = packCard(card, [10, 11, 12]);
    expect(packed.bins).toBe('020');
    expect(unpackCard(packed, 3)).toEqual(card);
    expect(() => packCard(card, [10, 12, 13])).toThrow(/consecutive/);
  });
});
