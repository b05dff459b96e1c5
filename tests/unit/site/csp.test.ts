import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspFor, inlineScriptHashes, withCspMeta } from '../../../src/integrations/csp';

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
