/**
 * Preloads the KaTeX fonts a page's formulas use: the two workhorse fonts (upright and italic) on every page with
 * math, and each of KaTeX's size fonts (big operators, tall delimiters) on the pages whose formulas use it.
 *
 * KaTeX's CSS declares its fonts with `font-display: block`, so the browser first lays formulas out with fallback
 * metrics and lays the text out again once a font arrives: on /en/experiment/ that was a layout shift of 0.069 on a
 * phone, and a display formula's Σ (KaTeX_Size2) arriving late re-laid out /en/ inside Lighthouse's blocking time.
 * Fetching the fonts alongside the stylesheet lets them arrive before the first layout. A size font is preloaded
 * only where the page's HTML has a class KaTeX's CSS sets it for, so no preload goes unused. The font files carry
 * content hashes, so the links are added after the build.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from './csp';

export const PRELOADED_FONTS = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'] as const;

/** KaTeX's size fonts, each with the classes of its HTML that KaTeX's CSS sets it for. */
const SIZE_FONTS: ReadonlyArray<readonly [font: string, used: RegExp]> = [
  ['KaTeX_Size1-Regular', /\bsmall-op\b|\bdelimsizing size1\b|\bdelim-size1\b/],
  ['KaTeX_Size2-Regular', /\blarge-op\b|\bdelimsizing size2\b/],
  ['KaTeX_Size3-Regular', /\bdelimsizing size3\b/],
  ['KaTeX_Size4-Regular', /\bdelimsizing size4\b|\bdelim-size4\b/],
];

/** The fonts a page's formulas use: none without math, else the workhorse fonts and the size fonts it needs. */
export function fontsFor(html: string): string[] {
  if (!html.includes('class="katex"')) return [];
  return [...PRELOADED_FONTS, ...SIZE_FONTS.filter(([, used]) => used.test(html)).map(([font]) => font)];
}

/**
 * The emitted woff2 file of each of `fonts` (default: all the fonts this preloads) among the asset file names. A font
 * small enough for the bundler to inline into the CSS (KaTeX_Size3) has no file, and needs no preload.
 */
export function fontFiles(
  assetNames: readonly string[],
  fonts: readonly string[] = [...PRELOADED_FONTS, ...SIZE_FONTS.map(([font]) => font)],
): string[] {
  return fonts.flatMap((font) =>
    assetNames.filter((name) => name.startsWith(`${font}.`) && name.endsWith('.woff2')).slice(0, 1),
  );
}

export function withFontPreloads(html: string, hrefs: readonly string[]): string {
  if (!html.includes('class="katex"') || html.includes('rel="preload" as="font"')) return html;
  const links = hrefs
    .map((href) => `<link rel="preload" as="font" type="font/woff2" href="${href}" crossorigin>`)
    .join('');
  // Before the first stylesheet, so the fonts are requested as early as the CSS that needs them.
  const stylesheet = /<link[^>]*rel="stylesheet"/i.exec(html);
  if (stylesheet) return html.slice(0, stylesheet.index) + links + html.slice(stylesheet.index);
  return html.replace(/<\/head>/i, `${links}</head>`);
}

export default function katexFontPreload(): AstroIntegration {
  let base = '/';
  let assets = '_astro';
  return {
    name: 'activations:katex-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        assets = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const names = await readdir(`${root}/${assets}`).catch(() => []);
        if (fontFiles(names, PRELOADED_FONTS).length === 0) return logger.warn('No KaTeX fonts found to preload');
        let pages = 0;
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const hrefs = fontFiles(names, fontsFor(html)).map((name) => `${base}${assets}/${name}`);
          const next = withFontPreloads(html, hrefs);
          if (next !== html) {
            await writeFile(file, next);
            pages += 1;
          }
        }
        logger.info(`KaTeX fonts preloaded on ${pages} pages`);
      },
    },
  };
}
