/**
 * What tells demos apart, read from the built HTML: an island's code (its component and renderer, less the
 * language of its entry) and its props less the words of the page's language (see WORDS). A demo's
 * twin in the other edition with the same code and the same props runs the same code on the same numbers; only its
 * words differ. Tests that measure what does not depend on words (main-thread time, bytes downloaded) measure each
 * configuration once, and let the editions take turns so that both are measured.
 *
 *   demoConfigs(html, kind)   one string per `data-demo="<kind>"` root of a page, in page order: its island's
 *                             component and props less words
 *   pageConfig(html)          one string for a whole page: its entry scripts and every island's code and props
 *                             less words
 *   byTurns(paths)            the paths reordered so that the editions take turns from one page (slug) to the next:
 *                             `en/a/`, `zh-cn/a/`, `zh-cn/b/`, `en/b/`, `en/c/`, …
 */

const decodeAttribute = (text: string) =>
  text.replace(/&(quot|#39|lt|gt|amp);/g, (_, name: string) =>
    name === 'quot' ? '"' : name === '#39' ? "'" : name === 'lt' ? '<' : name === 'gt' ? '>' : '&',
  );

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Props, at any depth, that hold only words for the reader: a lab's dictionary (`t`, `labels`), its language, a
 * static figure's note, and the texts of a precomputed histogram card (heading, title, description, summary lines,
 * marker labels). A key missing here only makes twins count as two configurations (measured twice), never one.
 */
const WORDS = new Set(['t', 'labels', 'lang', 'staticNote', 'heading', 'title', 'desc', 'lines', 'label']);

/** Astro's serialized props (`[type, value]` pairs, nested) without the WORDS keys of any object in them. */
function withoutWords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWords);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !WORDS.has(key))
      .map(([key, inner]) => [key, withoutWords(inner)]),
  );
}

/** An island's opening tag, as its code and its props less the words of the page's language. */
function islandConfig(tag: string): string {
  const props = attribute(tag, 'props');
  const config = props ? withoutWords(JSON.parse(decodeAttribute(props))) : {};
  return JSON.stringify([islandCode(attribute(tag, 'component-url')), attribute(tag, 'renderer-url'), config]);
}

/**
 * An island's entry less its language. Each island has one entry per language (src/labs/<lab>/<Island>.<lang>.tsx),
 * which differ only in the words they import; the bundler names both `<Island>.<hash>.js`, so the hash goes.
 */
function islandCode(url: string | undefined): string | undefined {
  return url?.replace(/\.[\w-]+\.js$/, '.js');
}

export function demoConfigs(html: string, kind: string): string[] {
  const configs: string[] = [];
  const marker = `data-demo="${kind}"`;
  for (let at = html.indexOf(marker); at >= 0; at = html.indexOf(marker, at + 1)) {
    const island = html.lastIndexOf('<astro-island', at);
    if (island < 0) throw new Error(`a ${kind} root outside any island`);
    configs.push(islandConfig(html.slice(island, html.indexOf('>', island) + 1)));
  }
  return configs;
}

export function pageConfig(html: string): string {
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((match) => islandConfig(match[0]));
  return JSON.stringify({ scripts, islands });
}

export function byTurns(paths: string[]): string[] {
  const slugOf = (path: string) => path.replace(/^[^/]+\//, '');
  const slugs = [...new Set(paths.map(slugOf))];
  return slugs.flatMap((slug, turn) => {
    const twins = paths.filter((path) => slugOf(path) === slug);
    return turn % 2 === 0 ? twins : twins.reverse();
  });
}
