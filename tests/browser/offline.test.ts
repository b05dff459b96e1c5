/**
 * Offline and private: every built page carries the strict Content-Security-Policy `<meta>` before any script (so
 * the whole browser suite runs with CSP enforced), and the built `_headers` ships with a policy never
 * stricter than a page's meta. That every page, scrolled through with its islands hydrated, makes 0 requests to any
 * other origin and fires no `securitypolicyviolation` under both policies is checked in the page sweep
 * (page-sweep.test.ts), on the same load as the other page-level checks.
 */
import { expect, test } from 'vitest';
import { siteUrl } from './harness';
import { headersFor } from '../../scripts/serve.mjs';
import { hostHeaderRules } from './page-checks';
import { DOC_PATHS } from './quality';

const PAGES = ['', ...DOC_PATHS, 'en/no-such-page/'];

test('every built page carries the strict CSP meta before any script', async () => {
  for (const path of PAGES) {
    const html = await (await fetch(siteUrl(path))).text();
    const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(head);
    expect(meta?.[1], `CSP meta on ${path}`).toBeTruthy();
    const policy = meta?.[1] ?? '';
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )object-src 'none'(;|$)/);
    const scriptSrc = /(?:^|; )script-src ([^;]+)/.exec(policy)?.[1] ?? '';
    expect(scriptSrc, `script-src on ${path}`).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
    // A policy only governs what comes after it.
    const firstScript = head.search(/<script/i);
    if (firstScript >= 0) expect(head.indexOf('http-equiv="Content-Security-Policy"'), path).toBeLessThan(firstScript);
  }
});

test('_headers ships with the build and its CSP is never stricter than a page’s meta', async () => {
  const served = await fetch(siteUrl('_headers'));
  expect(served.status).toBe(200);
  const header = headersFor(await hostHeaderRules(), '/en/')['Content-Security-Policy'] ?? '';
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values]),
    );
  const html = await (await fetch(siteUrl('en/'))).text();
  const meta = directives(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '');
  const fromHeader = directives(header);
  for (const [name, values] of meta) {
    const allowed = fromHeader.get(name) ?? fromHeader.get('default-src') ?? [];
    for (const value of values) {
      const coveredByInline =
        name === 'script-src' && value.startsWith("'sha256-") && allowed.includes("'unsafe-inline'");
      expect(coveredByInline || allowed.includes(value), `${name} ${value} allowed by _headers`).toBe(true);
    }
  }
});
