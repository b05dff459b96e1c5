/**
 * Golden SVGs: every SVG a page shows with JavaScript off, compared byte for byte with a reviewed copy in
 * tests/golden/<figure>/<lang>.<part>.svg.
 *
 * The figures and their props are read from the MDX pages (content/docs/{en,zh-cn}), and each figure is rendered
 * the way the build renders it: the island the .astro component embeds, server-rendered by preact-render-to-string
 * (what @astrojs/preact calls), with the props the component passes. Every top-level <svg> of that HTML is one golden
 * file. A file holds the SVG with a line break between adjacent tags (`><` → `>\n<`), so a diff shows which element
 * changed; the raw SVG never contains `>\n<`, so equal files still mean byte-equal SVG.
 *
 * After an intended change to a figure, its data or its labels, rewrite the files and review the diff:
 *
 *   UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/plots/golden-figures.test.ts
 *
 * Without UPDATE_GOLDEN a difference fails with the first differing lines, a missing file fails (it is never
 * created silently), and so does a golden file that no figure produces any more.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { h, type FunctionComponent } from 'preact';
import { renderToStringAsync } from 'preact-render-to-string';
import { describe, expect, test } from 'vitest';
import type { HiddenActivationId } from '../../../src/core/activations/types';
import { LANGS, type Lang } from '../../../src/i18n';
import DeepLabIsland from '../../../src/labs/deep/DeepLabIsland';
import { deepLabIslandProps } from '../../../src/labs/deep/props';
import FitLabIsland from '../../../src/labs/fit-lab/FitLabIsland';
import { fitLabIslandProps, type FitLabUse } from '../../../src/labs/fit-lab/props';
import ActivationGalleryIsland from '../../../src/labs/gallery/ActivationGalleryIsland';
import { galleryIslandProps } from '../../../src/labs/gallery/props';
import HeroIsland from '../../../src/labs/hero/HeroIsland';
import { heroIslandProps } from '../../../src/labs/hero/props';
import InitLabIsland from '../../../src/labs/init/InitLabIsland';
import { initLabIslandProps } from '../../../src/labs/init/props';
import LiveSeedsIsland from '../../../src/labs/seeds/LiveSeedsIsland';
import { liveSeedsIslandProps, seedHistogramsIslandProps } from '../../../src/labs/seeds/props';
import SeedHistogramsIsland from '../../../src/labs/seeds/SeedHistogramsIsland';
import { softmaxIslandProps } from '../../../src/labs/softmax/props';
import SoftmaxIsland from '../../../src/labs/softmax/SoftmaxIsland';
import { universalLabIslandProps } from '../../../src/labs/universal/props';
import UniversalLabIsland from '../../../src/labs/universal/UniversalLabIsland';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const GOLDEN = join(ROOT, 'tests/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

type Props = Record<string, string | boolean | number>;
/**
 * What @astrojs/preact does for an island: `renderToStringAsync(h(Component, props, children))`. The islands take
 * differently typed props; each figure below builds what its .astro component passes.
 */
const ssr = async (island: unknown, props: object): Promise<string> =>
  renderToStringAsync(h(island as FunctionComponent<object>, props));

/**
 * The figure components the pages embed: a golden name for one use (component + props) and its island's server
 * render, with the props the component's frontmatter passes (the lab's own `…IslandProps` function).
 */
const FIGURES: Record<string, { name: (p: Props) => string; render: (p: Props, lang: Lang) => Promise<string> }> = {
  // FitLab.astro
  FitLab: {
    name: (p) => String(p.figure ?? 'fit-lab'),
    render: (p, lang) => ssr(FitLabIsland, fitLabIslandProps(p as FitLabUse, lang)),
  },
  // ActivationGallery.astro (its children are the KaTeX formulas, HTML without figures of their own)
  ActivationGallery: {
    name: () => 'activation-gallery',
    render: (p, lang) =>
      ssr(ActivationGalleryIsland, galleryIslandProps({ initial: p.initial as HiddenActivationId | undefined }, lang)),
  },
  // SoftmaxDemo.astro
  SoftmaxDemo: {
    name: () => 'softmax',
    render: (_p, lang) => ssr(SoftmaxIsland, softmaxIslandProps(lang)),
  },
  // SeedHistograms.astro
  SeedHistograms: {
    name: (p) => (p.hidden === undefined ? 'seed-histograms' : `seed-histograms-h${p.hidden}`),
    render: (p, lang) =>
      ssr(SeedHistogramsIsland, seedHistogramsIslandProps({ hidden: p.hidden as number | undefined }, lang)),
  },
  // LiveSeeds.astro
  LiveSeeds: {
    name: () => 'live-seeds',
    render: (_p, lang) => ssr(LiveSeedsIsland, liveSeedsIslandProps(lang)),
  },
  // UniversalLab.astro
  UniversalLab: {
    name: () => 'universal-lab',
    render: (_p, lang) => ssr(UniversalLabIsland, universalLabIslandProps(lang)),
  },
  // DeepLab.astro
  DeepLab: {
    name: () => 'deep-lab',
    render: (p, lang) => ssr(DeepLabIsland, deepLabIslandProps({ syncUrl: p.syncUrl as boolean | undefined }, lang)),
  },
  // Hero.astro (the landing page's figure)
  Hero: {
    name: () => 'hero',
    render: (_p, lang) => ssr(HeroIsland, heroIslandProps(lang)),
  },
  // InitLab.astro
  InitLab: {
    name: () => 'init-lab',
    render: (_p, lang) => ssr(InitLabIsland, initLabIslandProps(lang)),
  },
};

/** Components the pages embed that draw no SVG of their own (numbers, tables, KaTeX formulas, placeholders). */
const NOT_FIGURES = new Set([
  'ActivationFacts',
  'ActivationFormula',
  'ChallengeList',
  'ClaimsTable',
  'ComebackStat',
  'DeathTable',
  'DeepRunTable',
  'DeepStat',
  'FigureStat',
  'InitStat',
  'InteractiveFigure',
  'LongerTrainingTable',
  'OneNeuronTable',
  'SeedStat',
  'SeedSummaryTable',
  'UnitsStat',
]);

interface Use {
  component: string;
  props: Props;
  lang: Lang;
  page: string;
}

/** `name="text"`, `name={false}` / `{true}` / `{3}`, or a bare `name` (true): what the pages use. */
function parseProps(attrs: string, where: string): Props {
  const props: Props = {};
  const attr = /\s+([A-Za-z]\w*)(?:=(?:"([^"]*)"|\{(true|false|-?\d+(?:\.\d+)?)\}))?/y;
  let at = 0;
  while (at < attrs.length) {
    attr.lastIndex = at;
    const m = attr.exec(attrs);
    if (!m) throw new Error(`${where}: cannot read the props "${attrs.slice(at)}"`);
    const [, key, text, literal] = m;
    props[key!] =
      text ??
      (literal === undefined ? true : literal === 'true' ? true : literal === 'false' ? false : Number(literal));
    at = attr.lastIndex;
  }
  return props;
}

/** Every use of a figure component on the pages, with its props. Unknown components fail. */
function figureUses(): Use[] {
  const uses: Use[] = [];
  for (const lang of LANGS) {
    const dir = join(ROOT, 'content/docs', lang);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .sort()) {
      const page = `${lang}/${file}`;
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/^import\s+(\w+)\s+from\s+'[^']*\.astro';$/gm)) {
        if (!(m[1]! in FIGURES) && !NOT_FIGURES.has(m[1]!))
          throw new Error(`${page} imports ${m[1]}: add it to FIGURES or NOT_FIGURES`);
      }
      for (const component of Object.keys(FIGURES)) {
        for (const m of text.matchAll(new RegExp(`<${component}(?![\\w.])([^>]*?)\\s*/?>`, 'g'))) {
          uses.push({ component, props: parseProps(m[1]!, `${page} <${component}>`), lang, page });
        }
      }
    }
  }
  return uses;
}

/** The top-level <svg> elements of an HTML string, in document order. */
function topLevelSvgs(html: string): string[] {
  const svgs: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of html.matchAll(/<svg\b|<\/svg>/g)) {
    if (m[0] === '</svg>') {
      depth -= 1;
      if (depth === 0) svgs.push(html.slice(start, m.index + m[0].length));
    } else {
      if (depth === 0) start = m.index;
      depth += 1;
    }
  }
  return svgs;
}

/**
 * A short, stable name for each SVG of a figure: the id of its title (aria-labelledby, without "-title"), else its
 * data-plot, else its last class; a count is added when a name repeats (legend swatches).
 */
function partNames(svgs: string[]): string[] {
  const seen = new Map<string, number>();
  return svgs.map((svg) => {
    const open = svg.slice(0, svg.indexOf('>'));
    const titled = /\saria-labelledby="([^" ]+)/.exec(open)?.[1];
    const plot = /\sdata-plot="([^"]+)"/.exec(open)?.[1];
    const cls = /\sclass="([^"]+)"/.exec(open)?.[1]?.split(' ').pop();
    // useId's ids (P0-0) say where an island sits in its tree, not what the SVG shows.
    const base = (titled ?? plot ?? cls ?? 'svg')
      .replace(/-?P\d+(-\d+)*/g, '')
      .replace(/-title$/, '')
      .replace(/[^\w-]/g, '_');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** The file form of an SVG: one tag per line where tags touch. */
function goldenText(svg: string): string {
  if (svg.includes('>\n<')) throw new Error('an SVG contains ">\\n<", so its golden file would not be byte-exact');
  return `${svg.replaceAll('><', '>\n<')}\n`;
}

/** A short, readable difference: the first lines that differ (up to 4) and how many differ in all. */
function shortDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  let differing = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    differing += 1;
    if (out.length < 4 * 3)
      out.push(`line ${i + 1}:`, `  - ${a[i] ?? '(none)'}`.slice(0, 300), `  + ${b[i] ?? '(none)'}`.slice(0, 300));
  }
  return [`${differing} of ${Math.max(a.length, b.length)} lines differ (- golden, + rendered):`, ...out].join('\n');
}

/**
 * Compares (or, with UPDATE_GOLDEN=1, writes) one golden file; returns what is wrong, or null. `fallback` is the
 * English render of the same SVG: a Chinese SVG equal to it has no file of its own (update removes a redundant one).
 */
function checkGolden(file: string, actual: string, fallback?: string): string | null {
  const path = join(GOLDEN, file);
  const own = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (UPDATE) {
    if (actual === fallback) {
      if (own !== null) rmSync(path);
    } else if (own !== actual) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, actual);
    }
    return null;
  }
  const expected = own ?? fallback ?? null;
  if (expected === actual) return null;
  if (expected === null) return `tests/golden/${file} is missing (UPDATE_GOLDEN=1 writes it; review and commit it)`;
  const against = own === null ? `${file} (its English version, no file of its own)` : file;
  return `tests/golden/${against} differs. ${shortDiff(expected, actual)}`;
}

function goldenFiles(dir = GOLDEN): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? goldenFiles(join(dir, e.name)) : [relative(GOLDEN, join(dir, e.name))],
  );
}

/** One figure: a component use under one name, per language, with the pages that show it. */
interface Figure {
  name: string;
  /** Component and props: two uses under one name must agree. */
  signature: string;
  langs: Map<Lang, { render: () => Promise<string>; pages: string[] }>;
}

function figures(): Figure[] {
  const byName = new Map<string, Figure>();
  for (const use of figureUses()) {
    const spec = FIGURES[use.component]!;
    // Captions are figcaption text outside the island; they do not change the island's render.
    const { caption: _caption, ...props } = use.props;
    const name = spec.name(props);
    const signature = JSON.stringify([use.component, props]);
    const figure = byName.get(name) ?? { name, signature, langs: new Map() };
    byName.set(name, figure);
    if (figure.signature !== signature) throw new Error(`${use.page}: "${name}" is used with other props elsewhere`);
    const entry = figure.langs.get(use.lang) ?? { render: () => spec.render(props, use.lang), pages: [] };
    figure.langs.set(use.lang, entry);
    entry.pages.push(use.page);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Each top-level SVG of a render under its part name, in file form. */
async function renderParts(render: () => Promise<string>): Promise<Map<string, string>> {
  const svgs = topLevelSvgs(await render());
  return new Map(partNames(svgs).map((part, i) => [part, goldenText(svgs[i]!)]));
}

const FIGURE_LIST = figures();

describe('golden figures', () => {
  test('the pages embed every kind of figure component', () => {
    const used = new Set(figureUses().map((u) => u.component));
    expect([...used].sort()).toEqual(Object.keys(FIGURES).sort());
  });

  const written = new Set<string>();
  let checked = 0;
  for (const figure of FIGURE_LIST) {
    const pages = [...figure.langs.values()].flatMap((l) => l.pages);
    test(`${figure.name} (${pages.join(', ')})`, async () => {
      // A figure without SVGs in its static state (the live panels) has no files: an SVG appearing there fails.
      const english = figure.langs.get('en');
      const en = english ? await renderParts(english.render) : new Map<string, string>();
      const problems: string[] = [];
      for (const [lang, { render }] of figure.langs) {
        const parts = lang === 'en' ? en : await renderParts(render);
        for (const [part, text] of parts) {
          const file = `${figure.name}/${lang}.${part}.svg`;
          const fallback = lang === 'en' ? undefined : en.get(part);
          // A Chinese SVG equal to the English one needs no file; one still on disk is kept until an update.
          if (text !== fallback || (!UPDATE && existsSync(join(GOLDEN, file)))) written.add(file);
          const problem = checkGolden(file, text, fallback);
          if (problem) problems.push(problem);
        }
      }
      checked += 1;
      if (problems.length > 0) expect.fail(problems.join('\n\n'));
    });
  }

  test('renders are deterministic (a second render is byte-equal)', async () => {
    for (const figure of FIGURE_LIST) {
      const { render } = figure.langs.get('en') ?? [...figure.langs.values()][0]!;
      expect(await render(), figure.name).toBe(await render());
    }
  });

  test('every golden file belongs to a figure', (ctx) => {
    // Only meaningful after every figure rendered (not with -t, nor when a render threw; that already fails).
    if (checked < FIGURE_LIST.length) ctx.skip();
    const orphans = goldenFiles()
      .filter((f) => !written.has(f))
      .sort();
    if (UPDATE) for (const f of orphans) rmSync(join(GOLDEN, f));
    else expect(orphans, `no figure renders these (UPDATE_GOLDEN=1 removes them): ${orphans.join(', ')}`).toEqual([]);
  });
});
