/**
 * Draws every page's preview image after the build: the PNG its `<meta property="og:image">` names (set by the Head
 * override, src/overrides/Head.astro), rasterised by sharp from the first figure the page itself shows — the first
 * SVG drawn by the site's plot builders inside <main> (with the curves' layer when the figure is drawn in two) — on
 * a white 1200 × 630 card. A page without such a figure gets the site's landing figure.
 *
 * Text is left out of the picture: the figures' labels are in the page's language and the build machine may have
 * no font for it, while the curves read at thumbnail size without them; og:title and og:description carry the words.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { htmlFiles } from './csp';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Room around the figure on the card, in pixels. */
const MARGIN = 40;
/** A thin band of the site's accent along the card's foot, so a preview reads as this site's. */
const BAND = 10;
const BAND_COLOUR = '#4b4fd6';

const OG_IMAGE = /<meta property="og:image" content="([^"]+)"/;
/** A figure from the plot builders (src/plots): an SVG string of class `fl-plot` (KaTeX's SVGs have other classes). */
const PLOT_SVG = /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="fl-plot\b([^"]*)"[^>]*>/g;
/** Layers drawn over a figure, never a figure of their own: the curves' layer, a reader's sketch. */
const OVERLAY = /\b(fl-front|fl-guess-layer)\b/;

/** The element that starts at `start` (an opening tag of `tag`), through its matching closing tag. */
function elementAt(markup: string, start: number, tag: string): string {
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(markup); m; m = pattern.exec(markup)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) return markup.slice(start, m.index + m[0].length);
  }
  return markup.slice(start);
}

/** `svg` without every `tag` element whose opening tag matches `opening` (nested ones included). */
function withoutElements(svg: string, tag: string, opening: RegExp): string {
  let out = svg;
  for (let m = opening.exec(out); m; m = opening.exec(out)) out = out.replace(elementAt(out, m.index, tag), '');
  return out;
}

/**
 * The page's first plot as one SVG ready to rasterise (no text, no legend, a grey for `currentColor`), or null. A
 * figure drawn as a back layer (axes, data) and front layers (curves) of the same size comes back as one picture.
 */
export function firstFigure(html: string): string | null {
  const main = html.indexOf('<main');
  if (main < 0) return null;
  PLOT_SVG.lastIndex = main;
  let first = PLOT_SVG.exec(html);
  while (first && OVERLAY.test(first[1] ?? '')) first = PLOT_SVG.exec(html);
  if (!first) return null;
  let svg = elementAt(html, first.index, 'svg');
  if (/\bfl-back\b/.test(first[1] ?? '')) {
    const next = PLOT_SVG.exec(html);
    if (next && /\bfl-front\b/.test(next[1] ?? '')) {
      const front = elementAt(html, next.index, 'svg');
      const inner = front.slice(next[0].length, -'</svg>'.length);
      svg = svg.slice(0, -'</svg>'.length) + inner + '</svg>';
    }
  }
  svg = withoutElements(svg, 'g', /<g\b[^>]*class="[^"]*legend[^"]*"[^>]*>/);
  for (const tag of ['text', 'title', 'desc']) svg = withoutElements(svg, tag, new RegExp(`<${tag}\\b[^>]*>`));
  return svg.replace('<svg ', '<svg color="#4a4a4a" ');
}

/** The preview card: the figure scaled to fit, centred on white, with the accent band at the foot. */
export async function renderCard(svg: string): Promise<Buffer> {
  const width = Number(/\bwidth="([\d.]+)"/.exec(svg)?.[1] ?? OG_WIDTH);
  const box = { width: OG_WIDTH - 2 * MARGIN, height: OG_HEIGHT - 2 * MARGIN - BAND };
  // Rasterised at the size it is shown, so lines stay crisp rather than being scaled up from a small bitmap.
  const figure = await sharp(Buffer.from(svg), { density: (72 * box.width) / width })
    .resize({ ...box, fit: 'inside' })
    .png()
    .toBuffer();
  const band = await sharp({
    create: { width: OG_WIDTH, height: BAND, channels: 4, background: BAND_COLOUR },
  })
    .png()
    .toBuffer();
  const { width: w = box.width, height: h = box.height } = await sharp(figure).metadata();
  return sharp({ create: { width: OG_WIDTH, height: OG_HEIGHT, channels: 4, background: '#ffffff' } })
    .composite([
      { input: figure, left: Math.round((OG_WIDTH - w) / 2), top: Math.round((OG_HEIGHT - BAND - h) / 2) },
      { input: band, left: 0, top: OG_HEIGHT - BAND },
    ])
    .png()
    .toBuffer();
}

export default function ogImages(): AstroIntegration {
  let base = '/';
  return {
    name: 'activations:og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages: Array<{ file: string; image: string; figure: string | null }> = [];
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const image = OG_IMAGE.exec(html)?.[1];
          if (image) pages.push({ file, image, figure: firstFigure(html) });
        }
        const landing =
          pages.find((p) => p.figure && /[/\\]en[/\\]index\.html$/.test(p.file)) ?? pages.find((p) => p.figure);
        if (!landing?.figure) throw new Error('og-images: no page has a figure to draw a preview from');
        const written = new Set<string>();
        for (const page of pages) {
          const path = new URL(page.image).pathname;
          if (!path.startsWith(base))
            throw new Error(`og-images: ${page.image} (in ${page.file}) is not under ${base}`);
          const out = join(root, decodeURIComponent(path.slice(base.length)));
          if (written.has(out)) continue;
          await mkdir(dirname(out), { recursive: true });
          await writeFile(out, await renderCard(page.figure ?? landing.figure));
          written.add(out);
        }
        logger.info(`${written.size} preview images (og:image) written`);
      },
    },
  };
}
