/**
 * Offline and private: every page, scrolled through with its islands hydrated, makes 0 requests to any other
 * origin, under the strict Content-Security-Policy `<meta>` every built page carries (so the whole browser suite
 * runs with CSP enforced) — and with the `public/_headers` policy added on top, as hosts that read it would.
 * No `securitypolicyviolation` event may fire.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, expectClean, openPage, siteUrl, useBrowser } from './harness';
import { DOC_PATHS, hydrateAll, scrollThrough } from './quality';

const PAGES = ['', ...DOC_PATHS, 'en/no-such-page/'];

const browser = useBrowser();

/** `public/_headers`: path patterns, each with its headers. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: Record<string, string> }[] {
  const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
      continue;
    }
    const header = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (header?.[1] && header[2] && rule) rule.headers[header[1]] = header[2].trim();
  }
  return rules;
}

const headerRules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));

/** Serve the site as a host honouring `_headers` would: same bodies, plus the matching headers. */
async function withHostHeaders(context: BrowserContext): Promise<void> {
  const origin = new URL(baseUrl()).origin;
  await context.route(
    (url) => url.origin === origin,
    async (route) => {
      try {
        const response = await route.fetch();
        const path = new URL(route.request().url()).pathname;
        const extra = Object.assign({}, ...headerRules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.headers));
        await route.fulfill({ response, headers: { ...response.headers(), ...extra } });
      } catch (error) {
        // A request still in flight when the test reloads or closes the page has nobody left to answer.
        if (!/disposed|closed/i.test(String(error))) throw error;
      }
    },
  );
}

/** Start recording CSP violations before any of the page's own scripts run, and load the page again. */
async function reloadRecordingViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return page.reload({ waitUntil: 'load' });
}

const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(recorder missing)']);

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

describe.each(PAGES.map((path) => [path || '(root)', path] as const))('%s', (_, path) => {
  test.each([
    ['the page’s own CSP meta', false],
    ['the _headers policy on top', true],
  ] as const)('makes no foreign request and no CSP violation with %s', async (__, hostHeaders) => {
    // The root chooser redirects at once when scripts run; its scripts are still checked on the way.
    const opened = await openPage(browser(), path);
    try {
      const { page } = opened;
      if (hostHeaders) await withHostHeaders(opened.context);
      const response = await reloadRecordingViolations(page);
      if (hostHeaders) expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
      if (path !== '') {
        await hydrateAll(page);
        await scrollThrough(page);
      }
      expect(await violationsOf(page)).toEqual([]);
      if (path === 'en/no-such-page/') {
        expect(opened.foreignRequests).toEqual([]);
      } else {
        expectClean(opened);
      }
    } finally {
      await opened.close();
    }
  });
});

test('_headers ships with the build and its CSP is never stricter than a page’s meta', async () => {
  const served = await fetch(siteUrl('_headers'));
  expect(served.status).toBe(200);
  const header = headerRules.find((rule) => rule.pattern.test('/en/'))?.headers['Content-Security-Policy'] ?? '';
  const directives = (policy: string) =>
    new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
  const html = await (await fetch(siteUrl('en/'))).text();
  const meta = directives(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '');
  const fromHeader = directives(header);
  for (const [name, values] of meta) {
    const allowed = fromHeader.get(name) ?? fromHeader.get('default-src') ?? [];
    for (const value of values) {
      const coveredByInline = name === 'script-src' && value.startsWith("'sha256-") && allowed.includes("'unsafe-inline'");
      expect(coveredByInline || allowed.includes(value), `${name} ${value} allowed by _headers`).toBe(true);
    }
  }
});
