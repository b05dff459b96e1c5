import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentTypeFor, normalizeBase, startServer } from '../../scripts/serve.mjs';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'serve-test-'));
  mkdirSync(join(root, 'en'));
  mkdirSync(join(root, 'pagefind'));
  writeFileSync(join(root, 'index.html'), '<p>root</p>');
  writeFileSync(join(root, 'en', 'index.html'), '<p>english</p>');
  writeFileSync(join(root, '404.html'), '<p>not here</p>');
  writeFileSync(join(root, 'engine.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(root, 'pagefind', 'en_1.pf_meta'), 'x');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test.each([
  ['a.wasm', 'application/wasm'],
  ['a.mjs', 'text/javascript; charset=utf-8'],
  ['a.svg', 'image/svg+xml'],
  ['a.woff2', 'font/woff2'],
  ['a.json', 'application/json; charset=utf-8'],
  ['pagefind/x.pf_fragment', 'application/octet-stream'],
  ['x.html', 'text/html; charset=utf-8'],
])('%s is served as %s', (path, type) => {
  expect(contentTypeFor(path)).toBe(type);
});

test.each([
  ['/', '/'],
  ['', '/'],
  ['/sub', '/sub/'],
  ['sub/', '/sub/'],
  ['/a/b/', '/a/b/'],
])('base %j normalizes to %j', (base, expected) => {
  expect(normalizeBase(base)).toBe(expected);
});

describe.each(['/', '/sub/'])('served under %s', (base) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer({ root, base, port: 0 });
  });
  afterAll(() => server.close());

  const get = (path: string) => fetch(new URL(path.replace(/^\//, ''), server.url), { redirect: 'manual' });

  test('the URL names 127.0.0.1 and the base', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${base}$`));
  });

  test('pages and assets answer 200 with their type', async () => {
    const page = await get('en/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('english');
    const wasm = await get('engine.wasm');
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  test('unknown paths answer 404 with 404.html', async () => {
    const missing = await get('nope/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('not here');
  });

  test('a directory without its slash is redirected to it', async () => {
    const response = await get('en');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${base}en/`);
  });

  test('nothing outside the root can be read', async () => {
    const url = new URL(server.url);
    const response = await fetch(`${url.origin}${base}..%2F..%2Fetc%2Fpasswd`);
    expect(response.status).toBe(404);
  });
});

test('under a base path, everything outside it is 404', async () => {
  const server = await startServer({ root, base: '/sub/', port: 0 });
  try {
    const origin = new URL(server.url).origin;
    expect((await fetch(`${origin}/en/`)).status).toBe(404);
    expect((await fetch(`${origin}/sub/en/`)).status).toBe(200);
  } finally {
    await server.close();
  }
});
