#!/usr/bin/env node
/**
 * A tiny dependency-free static server for the built site (`dist/`), bound to 127.0.0.1.
 *
 *   node scripts/serve.mjs                 → serves ./dist at http://127.0.0.1:4321/
 *   PORT=8080 BASE=/sub/ node scripts/serve.mjs dist-sub
 *
 * Unknown paths (and anything outside BASE) get `404.html` with status 404, like a static host would.
 * Tests import `startServer({ root, base, port })`; port 0 picks a free port.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
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

function send(res, method, status, file, extraHeaders = {}) {
  res.writeHead(status, {
    'Content-Type': contentTypeFor(file.path),
    'Content-Length': file.size,
    'Cache-Control': 'no-cache',
    ...extraHeaders,
  });
  if (method === 'HEAD') return res.end();
  createReadStream(file.path).pipe(res);
}

async function sendNotFound(res, method, root) {
  const page = await fileAt(join(root, '404.html'));
  if (page) return send(res, method, 404, page);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('404 Not Found\n');
}

/**
 * Start serving `root` under `base` on 127.0.0.1:`port`.
 * Resolves to `{ url, port, close() }`, where `url` already ends with the base path.
 */
export async function startServer({ root = 'dist', base = '/', port = 0 } = {}) {
  const rootDir = resolve(root);
  const basePath = normalizeBase(base);

  const server = createServer(async (req, res) => {
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
    if (file.isDirectory && !pathname.endsWith('/')) {
      const search = new URL(req.url ?? '/', 'http://localhost').search;
      res.writeHead(301, { Location: `${encodeURI(pathname)}/${search}` });
      return res.end();
    }
    return send(res, method, 200, file);
  });

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
  const { url } = await startServer({ root, base: process.env.BASE ?? '/', port: Number.isNaN(port) ? 4321 : port });
  console.log(`Serving ./${root} at ${url}  (Ctrl+C to stop)`);
}
