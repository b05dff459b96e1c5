import { existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  contentTypeFor,
  headersFor,
  normalizeBase,
  parseHeadersFile,
  sendFile,
  sitePathOf,
  startServer,
} from '../../../scripts/serve.mjs';

const HEADERS = `# for hosts that read it
/*
  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'
  X-Frame-Options: SAMEORIGIN

/en/*
  X-Frame-Options: DENY
`;

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
  writeFileSync(join(root, '_headers'), HEADERS);
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

  test.each([
    ['%2fevil.example%2f..%2fen', `${base}en/`],
    ['%2F%2Fevil.example%2F..%2F..%2Fen', null],
    ['%5C%5Cevil.example%2f..%2fen', `${base}en/`],
    ['.%2f%2fen', `${base}en/`],
  ])('a redirect for %s names the resolved directory on this site', async (path, expected) => {
    const url = new URL(server.url);
    const response = await fetch(`${url.origin}${base}${path}`, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (expected === null) {
      // Climbs out of the root: not found, and no redirect at all.
      expect(response.status).toBe(404);
      return;
    }
    expect(response.status).toBe(301);
    expect(location).toBe(expected);
    expect(location).not.toMatch(/^\/\/|^\/\\|^[a-z]+:/i);
    expect(new URL(location ?? '', server.url).origin).toBe(url.origin);
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

test('a directory path is built from its segments, one slash between each, each encoded', () => {
  expect(sitePathOf('/r', '/', '/r')).toBe('/');
  expect(sitePathOf('/r', '/sub/', '/r/en')).toBe('/sub/en/');
  expect(sitePathOf('/r', '/', '/r/a b/c')).toBe('/a%20b/c/');
  expect(sitePathOf('/r', '/', '/r/evil.example')).toBe('/evil.example/');
});

describe('a file that cannot be read', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A one-route server that answers every request with `sendFile` on `path`, as if `stat` had found it. */
  async function serving(path: string, size: number): Promise<{ url: string; server: Server }> {
    const server = createServer((req, res) => sendFile(res, req.method ?? 'GET', 200, { path, size }));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, server };
  }

  test('removed between stat and read: 500, logged, and the server keeps answering', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const gone = join(root, 'removed.html');
    writeFileSync(gone, '<p>soon gone</p>');
    const size = 16;
    rmSync(gone);
    const { url, server } = await serving(gone, size);
    try {
      const first = await fetch(url);
      expect(first.status).toBe(500);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('removed.html'));
      expect((await fetch(url)).status).toBe(500);
    } finally {
      server.close();
    }
  });

  // /proc/self/mem stats as a regular file, opens, and fails on its first read (EIO): a read error after open.
  test.skipIf(!existsSync('/proc/self/mem'))(
    'failing mid-read in the site server: 500, logged, still serving',
    async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const link = join(root, 'unreadable.bin');
      symlinkSync('/proc/self/mem', link);
      const server = await startServer({ root, base: '/', port: 0 });
      try {
        const broken = await fetch(`${server.url}unreadable.bin`);
        expect(broken.status).toBe(500);
        expect(errors).toHaveBeenCalledWith(expect.stringContaining('unreadable.bin'));
        const page = await fetch(`${server.url}en/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('english');
      } finally {
        await server.close();
        rmSync(link);
      }
    },
  );
});

test('a _headers file reads as path patterns with their headers, later rules overriding earlier ones', () => {
  const rules = parseHeadersFile(HEADERS);
  expect(rules).toHaveLength(2);
  expect(headersFor(rules, '/anything')).toEqual({
    'Content-Security-Policy': "default-src 'self'; frame-ancestors 'self'",
    'X-Frame-Options': 'SAMEORIGIN',
  });
  expect(headersFor(rules, '/en/x/')['X-Frame-Options']).toBe('DENY');
});

test('with hostHeaders the server adds what _headers gives each path, and only then', async () => {
  const hosted = await startServer({ root, base: '/', port: 0, hostHeaders: true });
  const plain = await startServer({ root, base: '/', port: 0 });
  try {
    const page = await fetch(`${hosted.url}en/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const missing = await fetch(`${hosted.url}nope/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect((await fetch(`${plain.url}en/`)).headers.get('content-security-policy')).toBeNull();
  } finally {
    await Promise.all([hosted.close(), plain.close()]);
  }
});
