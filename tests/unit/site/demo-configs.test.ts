/**
 * The browser tests' notion of a demo configuration (tests/browser/demo-configs.ts): twins in the two editions that
 * differ only in words are one configuration, so the tests that measure what words cannot change (main-thread time,
 * bytes downloaded) measure it once; any other difference in code or props makes two.
 */
import { describe, expect, it } from 'vitest';
import { byTurns, demoConfigs, pageConfig } from '../../browser/demo-configs';

/** An island's opening tag as Astro writes it: props serialized as `[type, value]` pairs, HTML-escaped. */
function island(component: string, props: Record<string, unknown>, demo = 'fit-lab'): string {
  const serialized = (value: unknown): unknown =>
    Array.isArray(value)
      ? [1, value.map(serialized)]
      : value !== null && typeof value === 'object'
        ? [0, Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, serialized(inner)]))]
        : [0, value];
  const attribute = JSON.stringify(
    Object.fromEntries(Object.entries(props).map(([key, value]) => [key, serialized(value)])),
  ).replace(/"/g, '&quot;');
  return (
    `<astro-island uid="x" component-url="/_astro/${component}" renderer-url="/_astro/client.abc.js" ` +
    `props="${attribute}"><div data-demo="${demo}"></div></astro-island>`
  );
}

const page = (...islands: string[]) => `<script type="module" src="/_astro/page.abc.js"></script>${islands.join('')}`;

const card = (heading: string, desc: string, counts: number[]) => ({
  id: 'relu-h2',
  heading,
  title: `${heading}: 1000`,
  desc,
  lines: [desc],
  counts,
  markers: [{ value: 0.01, label: heading, kind: 'threshold' }],
});

describe('demo configurations', () => {
  it('are the same for twins whose islands differ only in words, at any depth of their props', () => {
    const en = page(
      island('FitLabIsland.en1.js', { t: { train: 'Train' }, lang: 'en', uid: 'fl', staticNote: 'Static figure' }),
      island('Histograms.en1.js', { cards: [card('relu · 2 hidden', 'Median 0.5', [1, 2])] }, 'seeds'),
    );
    const zh = page(
      island('FitLabIsland.zh2.js', { t: { train: '训练' }, lang: 'zh-CN', uid: 'fl', staticNote: '静态图' }),
      island('Histograms.zh2.js', { cards: [card('relu · 2 个隐藏神经元', '中位数 0.5', [1, 2])] }, 'seeds'),
    );
    expect(pageConfig(zh)).toBe(pageConfig(en));
    expect(demoConfigs(zh, 'fit-lab')).toEqual(demoConfigs(en, 'fit-lab'));
    expect(demoConfigs(zh, 'seeds')).toEqual(demoConfigs(en, 'seeds'));
  });

  it('differ when a number, an id or the component differs, however deep', () => {
    const base = island('Histograms.a.js', { cards: [card('h', 'd', [1, 2])] }, 'seeds');
    for (const other of [
      island('Histograms.a.js', { cards: [card('h', 'd', [1, 3])] }, 'seeds'),
      island('Histograms.a.js', { cards: [{ ...card('h', 'd', [1, 2]), id: 'relu-h1' }] }, 'seeds'),
      island('Other.a.js', { cards: [card('h', 'd', [1, 2])] }, 'seeds'),
    ])
      expect(demoConfigs(page(other), 'seeds')).not.toEqual(demoConfigs(page(base), 'seeds'));
    const preset = (query: string) => page(island('FitLabIsland.a.js', { preset: query }));
    expect(pageConfig(preset('activation=tanh'))).not.toBe(pageConfig(preset('activation=relu')));
  });

  it('count one per demo root of the kind, in page order', () => {
    const html = page(island('A.x.js', { uid: 'a' }), island('B.x.js', { uid: 'b' }, 'other'), island('A.x.js', {}));
    const configs = demoConfigs(html, 'fit-lab');
    expect(configs).toHaveLength(2);
    expect(configs[0]).toContain('"a"');
  });
});

describe('byTurns', () => {
  it('lets the editions take turns from one page to the next', () => {
    expect(byTurns(['en/', 'en/a/', 'en/b/', 'zh-cn/', 'zh-cn/a/', 'zh-cn/b/'])).toEqual([
      'en/',
      'zh-cn/',
      'zh-cn/a/',
      'en/a/',
      'en/b/',
      'zh-cn/b/',
    ]);
  });
});
