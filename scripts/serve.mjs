#!/usr/bin/env node
/**
 * A tiny dependency-free static server for the built site (`dist/`), bound to 127.0.0.1.
 *
 *   node scripts/serve.mjs                 → serves ./dist at http://127.0.0.1:4321/
 *   PORT=8080 BASE=/sub/ node scripts/serve.mjs dist-sub
 *
 * Unknown paths (and anything outside BASE) get `404.html` with status 404, like a static host would.
 * With `hostHeaders`, the site's own `_headers` file is honoured as Netlify and Cloudflare Pages do.
 * Tests import `startServer({ root, base, port, hostHeaders })`; port 0 picks a free port.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`) are binary blobs. */
export function contentTypeFor(path) {
  const ext = extname(path).toLowerCase();
  if (ext.startsWith('.pf_')) return 'application/octet-stream';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages): each unindented line is a path pattern (`*` matches anything),
 * each indented `Name: value` line below it a header for the paths it matches. `#` starts a comment line.
 * @param {string} text
 * @returns {{ pattern: RegExp; headers: Record<string, string> }[]}
 */
export function parseHeadersFile(text) {
  /** @type {{ pattern: RegExp; headers: Record<string, string> }[]} */
  const rules = [];
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
      continue;
    }
    const header = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (header?.[1] && header[2] && rule) rule.headers[header[1]] = header[2].trim();
  }
  return rules;
}

/** The headers `rules` give `pathname`, later rules overriding earlier ones. */
export function headersFor(rules, pathname) {
  return Object.assign({}, ...rules.filter((rule) => rule.pattern.test(pathname)).map((rule) => rule.headers));
}

/** `/sub` or `sub/` → `/sub/`; empty → `/`. */
export function normalizeBase(base) {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isFile()) return { path, size: info.size };
    if (info.isDirectory()) {
      const index = join(path, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      if (indexInfo?.isFile()) return { path: index, size: indexInfo.size, isDirectory: true };
    }
  } catch {
    // Missing file: the caller answers 404.
  }
  return null;
}

/**
 * Answer with `file`'s bytes. The status line waits for the first chunk (or the end of an empty file), so a file
 * that cannot be read (removed after `stat`, an I/O error) is answered 500 instead of a truncated 200; an error
 * after bytes went out ends the connection. Either way it is logged and the server keeps running.
 */
export function sendFile(res, method, status, file, extraHeaders = {}) {
  const headers = {
    'Content-Type': contentTypeFor(file.path),
    'Content-Length': file.size,
    'Cache-Control': 'no-cache',
    ...extraHeaders,
  };
  if (method === 'HEAD') {
    res.writeHead(status, headers);
    return res.end();
  }
  const stream = createReadStream(file.path);
  const start = () => {
    if (!res.headersSent) res.writeHead(status, headers);
  };
  stream.on('data', (chunk) => {
    start();
    if (!res.write(chunk)) {
      stream.pause();
      res.once('drain', () => stream.resume());
    }
  });
  stream.on('end', () => {
    start();
    res.end();
  });
  stream.on('error', (error) => {
    console.error(`[serve] reading ${file.path} failed: ${error.message}`);
    if (res.headersSent) return res.destroy(error);
    sendError(res);
  });
  // A reader who goes away stops the read.
  res.on('close', () => stream.destroy());
}

function sendError(res) {
  if (res.headersSent) return res.destroy();
  res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end('500 Internal Server Error\n');
}

async function sendNotFound(res, method, root) {
  const page = await fileAt(join(root, '404.html'));
  if (page) return sendFile(res, method, 404, page);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('404 Not Found\n');
}

/**
 * The site path of directory `dir` inside `rootDir`, served under `basePath`, with its trailing slash:
 * one leading slash, no empty, `.` or `..` segments, each segment percent-encoded.
 */
export function sitePathOf(rootDir, basePath, dir) {
  const segments = relative(rootDir, dir)
    .split(sep)
    .filter((segment) => segment !== '');
  return `${basePath}${segments.map((segment) => `${encodeURIComponent(segment)}/`).join('')}`;
}

/**
 * Start serving `root` under `base` on 127.0.0.1:`port`.
 * Resolves to `{ url, port, close() }`, where `url` already ends with the base path.
 */
export async function startServer({ root = 'dist', base = '/', port = 0, hostHeaders = false } = {}) {
  const rootDir = resolve(root);
  const basePath = normalizeBase(base);
  const headersFile = join(rootDir, '_headers');
  const headerRules = hostHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error(`[serve] ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : error}`);
      sendError(res);
    });
  });

  async function handle(req, res) {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return sendNotFound(res, method, rootDir);
    }
    for (const [name, value] of Object.entries(headersFor(headerRules, pathname))) res.setHeader(name, value);
    // `/sub` without its slash is the site root, as on most static hosts.
    if (`${pathname}/` === basePath) {
      res.writeHead(301, { Location: basePath });
      return res.end();
    }
    if (!pathname.startsWith(basePath) || pathname.includes('\0')) return sendNotFound(res, method, rootDir);

    const target = resolve(rootDir, `.${sep}${pathname.slice(basePath.length)}`);
    if (target !== rootDir && !target.startsWith(rootDir + sep)) return sendNotFound(res, method, rootDir);

    const file = await fileAt(target);
    if (!file) return sendNotFound(res, method, rootDir);
    // A directory asked for without its trailing slash: redirect, so relative links resolve as in production.
    // The Location is built from the resolved directory, never from the raw path: `/%2f%2fhost/..` must not
    // become `//host/…`, which a browser reads as another site.
    if (file.isDirectory && !pathname.endsWith('/')) {
      const search = new URL(req.url ?? '/', 'http://localhost').search;
      res.writeHead(301, { Location: `${sitePathOf(rootDir, basePath, target)}${search}` });
      return res.end();
    }
    return sendFile(res, method, 200, file);
  }

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => resolveListen(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}${basePath}`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose(undefined));
      }),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = process.argv[2] ?? 'dist';
  const port = Number.parseInt(process.env.PORT ?? '4321', 10);
  const rootInfo = await stat(root).catch(() => null);
  if (!rootInfo?.isDirectory()) {
    console.error(`No built site at ./${root}. Run \`npm run build\` first (or \`npm start\` to build and serve).`);
    process.exit(1);
  }
  const { url } = await startServer({
    root,
    base: process.env.BASE ?? '/',
    port: Number.isNaN(port) ? 4321 : port,
    hostHeaders: true,
  });
  console.log(`Serving ./${root} at ${url}  (Ctrl+C to stop)`);
}
