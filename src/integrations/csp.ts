/**
 * Adds a strict Content-Security-Policy `<meta>` to every built HTML page.
 *
 * Astro 5's CSP support is still experimental, and Starlight and Astro's island loader emit inline scripts, so
 * after the build we hash each page's own inline scripts and allow exactly those. `wasm-unsafe-eval` is what the
 * tfjs wasm backend and Pagefind need to compile WebAssembly; `unsafe-inline` for styles because KaTeX and the
 * static figures position glyphs with `style` attributes (styles cannot run code).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

export function cspFor(html: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:", // Vite inlines KaTeX's smallest fonts as data: URLs
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
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
  return {
    name: 'activations:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          await writeFile(file, withCspMeta(html));
          pages += 1;
        }
        logger.info(`Content-Security-Policy added to ${pages} pages`);
      },
    },
  };
}
