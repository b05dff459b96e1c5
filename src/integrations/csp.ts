/**
 * Adds a strict Content-Security-Policy `<meta>` to every built HTML page, and writes the `_headers` file that hosts
 * such as Netlify and Cloudflare Pages read (GitHub Pages ignores it; there the meta policies work on their own).
 *
 * Astro 5's CSP support is still experimental, and Starlight and Astro's island loader emit inline scripts, so
 * after the build we hash each page's own inline scripts and allow exactly those. `wasm-unsafe-eval` is what the
 * tfjs wasm backend and Pagefind need to compile WebAssembly; `unsafe-inline` for styles because KaTeX and the
 * static figures position glyphs with `style` attributes (styles cannot run code).
 *
 * A browser enforces every policy it is given, so a header policy can only take away: `_headers` gives each page the
 * meta policy with `'unsafe-inline'` in place of its hashes (never stricter than the page's meta, which stays the
 * policy that decides), plus what a meta cannot say, who may frame the page: the embeds (`/{lang}/embed/…`) anyone,
 * every other page only the site itself (also as X-Frame-Options for browsers without frame-ancestors). Hosts
 * differ when two rules give one path the same header (Netlify keeps the last, Cloudflare joins them, which for CSP
 * means both apply), so no header is set by two rules that match one path: the framing rules name each page (and
 * its `index.html`), and the catch-all rule carries only headers no page rule sets.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
const DATA_SCRIPT_TYPE = /\btype=["']?application\/(ld\+)?json/i;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const [, attributes = '', body = ''] = match;
    if (DATA_SCRIPT_TYPE.test(attributes) || body.length === 0) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

/** The site's policy, with `scripts` (inline scripts' hashes, or 'unsafe-inline') allowed besides its own files. */
function policy(scripts: readonly string[]): string[] {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:", // Vite inlines KaTeX's smallest fonts as data: URLs
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

export function cspFor(html: string): string {
  return policy(inlineScriptHashes(html)).join('; ');
}

/** Pages any site may show in a frame: the embeds, `{lang}/embed/…` under the base. */
export const isEmbedPath = (path: string, base: string): boolean =>
  path.startsWith(base) && /^[^/]+\/embed\//.test(path.slice(base.length));

/** The header policy of a page: the meta policy, inline scripts allowed as a whole, and who may frame it. */
export function headerPolicy(frameable: boolean): string {
  return [...policy(["'unsafe-inline'"]), `frame-ancestors ${frameable ? '*' : "'self'"}`].join('; ');
}

/** Headers for every path: none of them is set by a page's own rule. */
const EVERY_PATH = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The `_headers` file for a site whose pages are at `pages` (site paths with the base: `/en/`, `/en/experiment/`,
 * `/404.html`).
 */
export function hostHeaders(pages: readonly string[], base: string): string {
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const framing = (frameable: boolean): Record<string, string> => ({
    'Content-Security-Policy': headerPolicy(frameable),
    ...(frameable ? {} : { 'X-Frame-Options': 'SAMEORIGIN' }),
  });
  const rules = [
    rule(`${base}*`, EVERY_PATH),
    // Vite names these files by content hash, so they can be cached for good.
    rule(`${base}_astro/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    ...[...pages].sort().flatMap((page) => {
      const headers = framing(isEmbedPath(page, base));
      return page.endsWith('/') ? [rule(page, headers), rule(`${page}index.html`, headers)] : [rule(page, headers)];
    }),
  ];
  return [
    '# Written after each build by src/integrations/csp.ts (edit the rules there): security headers for hosts that read',
    '# a _headers file. Every page has its own rule, so that only the embeds can be framed by other sites.',
    '',
    rules.join('\n\n'),
    '',
  ].join('\n');
}

/** The site path of a built HTML file: `en/experiment/index.html` → `/base/en/experiment/`. */
export function pagePath(relativeFile: string, base: string): string {
  const path = relativeFile.split(sep).join('/');
  return `${base}${path === 'index.html' ? '' : path.replace(/(^|\/)index\.html$/, '$1')}`;
}

export function withCspMeta(html: string): string {
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${cspFor(html)}">`;
  // The policy must precede every script, so it goes right after <head> (or after the charset meta).
  const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i.exec(html);
  if (charset) return html.replace(charset[0], charset[0] + meta);
  return html.replace(/<head([^>]*)>/i, `<head$1>${meta}`);
}

export async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

export default function contentSecurityPolicy(): AstroIntegration {
  let base = '/';
  return {
    name: 'activations:csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages: string[] = [];
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          await writeFile(file, withCspMeta(html));
          pages.push(pagePath(relative(root, file), base));
        }
        await writeFile(join(root, '_headers'), hostHeaders(pages, base));
        logger.info(`Content-Security-Policy added to ${pages.length} pages, and to _headers`);
      },
    },
  };
}
