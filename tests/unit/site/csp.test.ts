import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cspFor,
  headerPolicy,
  hostHeaders,
  inlineScriptHashes,
  isEmbedPath,
  pagePath,
  withCspMeta,
} from '../../../src/integrations/csp';
import { headersFor, parseHeadersFile } from '../../../scripts/serve.mjs';

const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;

describe('content security policy', () => {
  it('allows exactly the inline scripts of the page, by hash', () => {
    const html = '<head><script>a()</script><script src="/x.js"></script><script type="module">b()</script></head>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')].sort());
  });

  it('ignores external and JSON-LD scripts', () => {
    const html = '<script src="/a.js"></script><script type="application/ld+json">{"a":1}</script>';
    expect(inlineScriptHashes(html)).toEqual([]);
  });

  it('is strict by default: self only, wasm allowed, no unsafe script sources', () => {
    const policy = cspFor('<script>x()</script>');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("'wasm-unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    expect(policy.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
  });

  it('puts the meta before the first script and only once', () => {
    const html = '<html><head><meta charset="utf-8"><script>x()</script></head></html>';
    const once = withCspMeta(html);
    expect(once.indexOf('Content-Security-Policy')).toBeLessThan(once.indexOf('<script>'));
    expect(withCspMeta(once)).toBe(once);
  });
});

describe('the _headers file', () => {
  const pages = (base: string) =>
    ['', 'en/', 'en/experiment/', 'zh-cn/challenges/', '404.html', 'en/embed/fit-lab/', 'zh-cn/embed/fit-lab/'].map(
      (p) => `${base}${p}`,
    );
  const served = (base: string) => parseHeadersFile(hostHeaders(pages(base), base));

  it.each(['/', '/sub/'])('under %s, only the embeds may be framed, by anyone', (base) => {
    const rules = served(base);
    for (const page of pages(base)) {
      const embed = page.includes('/embed/');
      for (const path of page.endsWith('/') ? [page, `${page}index.html`] : [page]) {
        const headers = headersFor(rules, path);
        expect(headers['Content-Security-Policy'], path).toBe(headerPolicy(embed));
        expect(headers['Content-Security-Policy'], path).toContain(
          embed ? 'frame-ancestors *' : "frame-ancestors 'self'",
        );
        expect(headers['X-Frame-Options'], path).toBe(embed ? undefined : 'SAMEORIGIN');
        expect(headers['X-Content-Type-Options'], path).toBe('nosniff');
      }
    }
    expect(headersFor(rules, `${base}_astro/a.js`)['Cache-Control']).toContain('immutable');
  });

  it('never sets one header in two rules that match the same path (hosts merge such rules differently)', () => {
    const rules = served('/');
    for (const path of [...pages('/'), '/en/experiment/index.html', '/_astro/a.js', '/en/no-such-page/', '/x.svg']) {
      const names = rules.filter((r) => r.pattern.test(path)).flatMap((r) => Object.keys(r.headers));
      expect(names.length, path).toBe(new Set(names).size);
    }
  });

  it('its policy is the meta policy with inline scripts allowed as a whole, plus framing', () => {
    const meta = cspFor('<script>x()</script>').split('; ');
    const header = headerPolicy(false).split('; ');
    for (const directive of meta) {
      if (directive.startsWith('script-src'))
        expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'");
      else expect(header).toContain(directive);
    }
  });

  it('names pages by their address', () => {
    expect(pagePath('index.html', '/')).toBe('/');
    expect(pagePath(join('en', 'experiment', 'index.html'), '/sub/')).toBe('/sub/en/experiment/');
    expect(pagePath('404.html', '/')).toBe('/404.html');
    expect(isEmbedPath('/sub/zh-cn/embed/fit-lab/', '/sub/')).toBe(true);
    expect(isEmbedPath('/en/experiment/', '/')).toBe(false);
    expect(isEmbedPath('/embed/', '/')).toBe(false);
  });
});
