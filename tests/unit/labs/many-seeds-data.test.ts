import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { HIDDEN_ACTIVATION_IDS, SEED_ACTIVATION_IDS } from '../../../src/core/activations/types';
import { meanSquaredError, predictAll } from '../../../src/core/analysis/network';
import { linspace } from '../../../src/core/data/dataset';
import {
  generateManySeeds,
  ONE_NEURON_ACTIVATIONS,
  STUDY_CONFIGS,
  configId,
} from '../../../src/labs/seeds/generate-data';
import { reviveManySeeds, type ManySeedsFile } from '../../../src/core/analysis/many-seeds-file';
import { fact, seedFacts } from '../../../src/core/analysis/seed-facts';
import {
  deathAnalysis,
  histogramCounts,
  summarizeConfig,
  summarizeLonger,
} from '../../../src/core/analysis/seed-stats';

const raw: unknown = JSON.parse(readFileSync('src/labs/seeds/many-seeds.json', 'utf8'));
const committed = reviveManySeeds(raw);

describe('many-seeds.json is reproduced by its script', () => {
  let fresh: ManySeedsFile;
  const only = [
    'relu-h2',
    'leaky_relu-h2',
    'sigmoid-h2',
    'linear-h2',
    'relu-h1',
    'sigmoid-h1',
    'step-h2',
    'softsign-h2',
    'gaussian-h1',
    'sine-h1',
  ];
  beforeAll(async () => {
    fresh = await generateManySeeds({ seeds: { from: 0, to: 5 }, longerSeeds: { from: 0, to: 2 }, only });
  }, 300_000);

  it('gives bit-identical runs for seeds 0–5 (batch size does not change a network)', () => {
    expect(fresh.configs.map((c) => c.id)).toEqual(
      only
        .filter((id) => STUDY_CONFIGS.some((c) => configId(c) === id))
        .sort(
          (a, b) => committed.configs.findIndex((c) => c.id === a) - committed.configs.findIndex((c) => c.id === b),
        ),
    );
    for (const c of fresh.configs) {
      const stored = committed.configs.find((k) => k.id === c.id)!;
      expect(JSON.stringify(c.runs), c.id).toBe(JSON.stringify(stored.runs.filter((r) => r.seed <= 5)));
    }
  });

  it('gives bit-identical longer-training checkpoints for seeds 0–2', () => {
    expect(fresh.longer.checkpoints).toEqual(committed.longer.checkpoints);
    for (const c of fresh.longer.configs) {
      const stored = committed.longer.configs.find((k) => k.id === c.id)!;
      expect(JSON.stringify(c.runs), c.id).toBe(JSON.stringify(stored.runs.filter((r) => r.seed <= 2)));
    }
  });

  it('records the same reference values and bins', () => {
    expect(fresh.reference).toEqual(committed.reference);
    expect(fresh.binEdges).toEqual(committed.binEdges);
    expect(fresh.training).toEqual({ ...committed.training, seeds: { from: 0, to: 5 } });
  });
});

describe('many-seeds.json is internally consistent', () => {
  const { lineMse, monotoneBound } = committed.reference;

  it('covers every study configuration with seeds 0–999', () => {
    expect(committed.configs.map((c) => c.id)).toEqual(STUDY_CONFIGS.map(configId));
    for (const c of committed.configs)
      expect(c.runs.map((r) => r.seed)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('stores summaries, histograms and the ReLU analysis that its runs give', () => {
    for (const c of committed.configs) {
      expect(c.summary, c.id).toEqual(summarizeConfig(c.runs, lineMse));
      expect(c.histogram, c.id).toEqual(
        histogramCounts(
          c.runs.map((r) => r.finalMse),
          committed.binEdges,
        ),
      );
      if (c.activation === 'relu') expect(c.death, c.id).toEqual(deathAnalysis(c.runs, c.hidden));
    }
    for (const c of committed.longer.configs) expect(c.summary, c.id).toEqual(summarizeLonger(c.runs));
  });

  it('shows that a ReLU neuron is dead at the start exactly when its initial weight is negative', () => {
    for (const c of committed.configs.filter((k) => k.activation === 'relu')) {
      for (const r of c.runs) expect(r.deadAtInit, `${c.id} seed ${r.seed}`).toBe(r.initNegativeW1);
    }
  });

  it('has every activation with two neurons, and one neuron for the one-neuron set', () => {
    expect(committed.configs.filter((c) => c.hidden === 2).map((c) => c.activation)).toEqual([
      ...HIDDEN_ACTIVATION_IDS,
    ]);
    expect(committed.configs.filter((c) => c.hidden === 1).map((c) => c.activation)).toEqual([
      ...ONE_NEURON_ACTIVATIONS,
    ]);
    for (const id of ['step', 'gaussian', 'sine', 'softsign'])
      for (const h of [1, 2]) expect(committed.configs.some((c) => c.id === `${id}-h${h}`)).toBe(true);
  });

  it('never has a monotone one-neuron run below the monotone bound, nor a linear run below the best line', () => {
    for (const c of committed.configs.filter((k) => k.hidden === 1 && ACTIVATIONS[k.activation].facts.monotonic)) {
      // Six significant digits are stored, so allow for that rounding.
      for (const r of c.runs)
        expect(r.finalMse, `${c.id} seed ${r.seed}`).toBeGreaterThanOrEqual(monotoneBound * (1 - 1e-5));
    }
    for (const r of committed.configs.find((k) => k.id === 'linear-h2')!.runs)
      expect(r.finalMse).toBeGreaterThanOrEqual(lineMse * (1 - 1e-5));
    // The bound is about monotone curves only: one sine neuron does go below it.
    expect(committed.configs.find((k) => k.id === 'sine-h1')!.runs.some((r) => r.finalMse < monotoneBound)).toBe(true);
  });

  it('shows the step never learning: no good fit and every run a straight line, with one neuron or two', () => {
    for (const id of ['step-h1', 'step-h2']) {
      const c = committed.configs.find((k) => k.id === id)!;
      expect(c.summary.goodFitShare, id).toBe(0);
      expect(c.summary.straightLineShare, id).toBe(1);
      // No neuron counted as in a negative regime that "still learns": a step learns nowhere.
      expect(c.summary.negativeAtInitShare, id).toBe(0);
    }
  });
});

describe('facts the page quotes', () => {
  const facts = seedFacts(committed);

  it('support the sentences the prose states in words', () => {
    const two = committed.configs.filter((c) => c.hidden === 2);
    const bestOf = (configs: typeof two) =>
      configs.reduce((a, b) => (b.summary.goodFitShare > a.summary.goodFitShare ? b : a)).id;
    const article = two.filter((c) => (SEED_ACTIVATION_IDS as readonly string[]).includes(c.activation));
    expect(bestOf(article), 'of the article’s activations, sigmoid gives the most good fits').toBe('sigmoid-h2');
    expect(bestOf(two), 'two sine neurons fit best of all').toBe('sine-h2');
    // One neuron: a sine usually makes the valley; a Gaussian, from its zero-bias start, never does, nor beats B.
    expect(fact(facts, 'sine-h1.goodFitShare'), 'one sine neuron usually fits').toBeGreaterThan(0.5);
    expect(fact(facts, 'sine-h1.straightLineShare'), 'failed sine runs are mostly straight lines').toBeGreaterThan(
      fact(facts, 'sine-h1.plateauShare'),
    );
    expect(fact(facts, 'gaussian-h1.goodFitCount')).toBe(0);
    expect(fact(facts, 'gaussian-h1.belowBoundCount')).toBe(0);
    expect(fact(facts, 'gaussian-h1.nearBoundShare'), 'most Gaussian runs end near B').toBeGreaterThan(0.5);
    expect(fact(facts, 'gaussian-h2.goodFitShare'), 'two bumps do find the valley').toBeGreaterThan(0);
    expect(fact(facts, 'gaussian-h2.straightLineShare') + fact(facts, 'gaussian-h2.goodFitShare')).toBeLessThan(1);
    expect(fact(facts, 'softsign-h2.medianMse'), 'softsign’s median run ends near the threshold').toBeLessThan(0.02);
    expect(fact(facts, 'step-h2.goodFitCount')).toBe(0);
    // The step is left out of "any other activation that can learn".
    expect(fact(facts, 'compare.otherMaxStraightLineShare')).toBeLessThan(fact(facts, 'step-h2.straightLineShare'));
    expect(fact(facts, 'softplus-h2.plateauShare'), 'most softplus runs are on a plateau').toBeGreaterThan(0.5);
    expect(fact(facts, 'softplus-h2.straightLineShare'), 'softplus rarely fails outright').toBeLessThan(0.05);
    expect(fact(facts, 'leaky_relu-h2.negativeAtEndShare'), 'negative leaky neurons crawl back').toBeLessThan(
      fact(facts, 'leaky_relu-h2.negativeAtInitShare'),
    );
    for (const id of ['relu-h2', 'leaky_relu-h2']) {
      const min = fact(facts, `${id}.minMse`);
      expect(min, `${id}: best run just below the threshold`).toBeLessThan(0.01);
      expect(min).toBeGreaterThan(0.001);
    }
    const gain = (id: string) => fact(facts, `longer.${id}.goodShare.2`) - fact(facts, `longer.${id}.goodShare.0`);
    expect(gain('leaky_relu-h2'), 'leaky ReLU gains most from longer training').toBeGreaterThan(
      Math.max(gain('relu-h2'), gain('sigmoid-h2')),
    );
    expect(fact(facts, 'compare.oneNeuronGoodCount')).toBe(0);
    expect(fact(facts, 'compare.oneNeuronBelowBoundCount')).toBe(0);
  });

  it('support "one upside-down Gaussian neuron at x = π fits the valley, one sine neuron is the target exactly"', () => {
    const data = { x: linspace(0, 2 * Math.PI, committed.training.points) };
    const y = data.x.map((x) => Math.cos(x) + 1);
    const mse = (activation: 'gaussian' | 'sine', p: { w1: number[]; b1: number[]; w2: number[]; b2: number }) =>
      meanSquaredError(predictAll(p, { activation }, data.x), y);
    // Least-squares weights for one bump (found offline, rounded): centre −b/w ≈ π, v < 0.
    const bump = { w1: [0.4934], b1: [-1.5499], w2: [-2.2913], b2: 2.2723 };
    expect(-bump.b1[0]! / bump.w1[0]!).toBeCloseTo(Math.PI, 1);
    expect(mse('gaussian', bump)).toBeLessThan(committed.reference.goodFitMse);
    expect(mse('sine', { w1: [1], b1: [Math.PI / 2], w2: [1], b2: 1 })).toBeLessThan(1e-28);
  });

  it('name real statistics of the data', () => {
    expect(fact(facts, 'relu-h2.goodFitShare')).toBe(
      committed.configs.find((c) => c.id === 'relu-h2')!.summary.goodFitShare,
    );
    expect(fact(facts, 'reference.monotoneBound')).toBe(committed.reference.monotoneBound);
    expect(() => fact(facts, 'relu-h2.noSuchStat')).toThrow(/no fact/);
  });

  /** Prose without front matter, code, maths and component tags: what a reader sees as typed text. */
  const plainProse = (mdx: string) =>
    mdx
      .replace(/^---[\s\S]*?\n---\n/, '')
      .replace(/^import .*$/gm, '')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`]*`/g, '')
      .replace(/\$\$[\s\S]*?\$\$/g, '')
      .replace(/\$[^$\n]*\$/g, '')
      .replace(/<[A-Z][\s\S]*?\/?>/g, '')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');

  for (const lang of ['en', 'zh-cn']) {
    const mdx = readFileSync(`content/docs/${lang}/many-seeds.mdx`, 'utf8');

    it(`${lang}: prose types no measured figure by hand (no percentages; decimals only for settings)`, () => {
      const text = plainProse(mdx);
      // The settings and thresholds are definitions, not measurements, so they may be written out.
      const settings = [
        committed.training.lr,
        committed.reference.goodFitMse,
        committed.reference.straightLineFraction,
      ].map(String);
      expect(text.match(/\d+(?:\.\d+)?\s?[%％]/g) ?? []).toEqual([]);
      expect((text.match(/\b\d+\.\d+\b/g) ?? []).filter((d) => !settings.includes(d))).toEqual([]);
    });

    it(`${lang}: every SeedStat names an existing fact`, () => {
      const names = [...mdx.matchAll(/<SeedStat\s+([^>]*?)\/>/g)].map(([, a]) => {
        const attr = (k: string) => new RegExp(`${k}="([^"]+)"`).exec(a!)?.[1];
        return attr('name') ?? `${attr('config')}.${attr('stat')}`;
      });
      expect(names.length).toBeGreaterThan(5);
      for (const n of names) expect(() => fact(facts, n), n).not.toThrow();
    });
  }

  it('both languages quote the same facts', () => {
    const used = (lang: string) =>
      [...readFileSync(`content/docs/${lang}/many-seeds.mdx`, 'utf8').matchAll(/<SeedStat\s+([^>]*?)\/>/g)]
        .map((m) => m[1]!.trim())
        .sort();
    expect(used('zh-cn')).toEqual(used('en'));
  });
});
