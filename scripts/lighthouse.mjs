#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse 12 (mobile preset, its default) on Debian's Chromium against the built site,
 * served by scripts/serve.mjs on 127.0.0.1. Prints the four category scores for `/en/` and `/en/experiment/`
 * (goals: performance ≥ 95; accessibility, best practices and SEO 100) and, for any score under its goal, the
 * audits that cost points. Full JSON reports go to `dist-lighthouse/`.
 *
 *   npm run build && npm run lighthouse          (builds first by itself when dist/ is missing)
 *   CHROME_PATH=/path/to/chrome npm run lighthouse -- en/ en/activations/
 *
 * Not part of `npm test`: the performance score is a simulation that depends on the machine's load.
 *
 * Every static host compresses text (GitHub Pages, Netlify, Cloudflare Pages all gzip or brotli), but serve.mjs
 * sends files as they are; so by default a small gzip layer sits in front of it, as a host would. `--no-gzip`
 * measures the raw files instead.
 */
import { execFileSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './serve.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = process.env.LIGHTHOUSE_DIST ?? 'dist';
const args = process.argv.slice(2);
const GZIP = !args.includes('--no-gzip');
const PATHS =
  args.filter((arg) => !arg.startsWith('--')).length > 0
    ? args.filter((arg) => !arg.startsWith('--'))
    : ['en/', 'en/experiment/'];
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

if (!existsSync(join(ROOT, 'index.html'))) {
  console.log(`No built site in ./${ROOT}; building it first (npm run build).`);
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

const chromePath = CHROMIUM_PATH;
if (!existsSync(chromePath)) {
  console.error(`Chromium not found at ${chromePath}. Install it (sudo apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}

/** Put a gzip layer in front of `origin` (text types only, like a static host); resolves to its URL and closer. */
async function withGzip(origin) {
  const upstream = new URL(origin);
  const proxy = createServer((req, res) => {
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          const type = String(headers['content-type'] ?? '');
          if (
            /gzip/.test(String(req.headers['accept-encoding'] ?? '')) &&
            /text|javascript|json|svg|xml|wasm/.test(type) &&
            body.length > 0
          ) {
            body = gzipSync(body);
            headers['content-encoding'] = 'gzip';
            headers['content-length'] = String(body.length);
            headers.vary = 'Accept-Encoding';
          }
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(req.method === 'HEAD' ? undefined : body);
        });
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address();
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    close: () => new Promise((resolve) => proxy.close(resolve)),
  };
}

const site = await startServer({ root: ROOT, base: '/', port: 0 });
const front = GZIP ? await withGzip(site.url) : null;
const server = {
  url: front?.url ?? site.url,
  close: async () => {
    await front?.close();
    await site.close();
  },
};
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
const reports = 'dist-lighthouse';
mkdirSync(reports, { recursive: true });

let unmet = 0;
try {
  for (const path of PATHS) {
    const url = new URL(path.replace(/^\/+/, ''), server.url).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(GOALS),
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const file = join(reports, `${path.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '') || 'root'}.json`);
    writeFileSync(file, JSON.stringify(lhr, null, 1));
    const scores = Object.entries(GOALS).map(([id, goal]) => {
      const category = lhr.categories[id];
      const score = category?.score == null ? NaN : Math.round(category.score * 100);
      if (!(score >= goal)) unmet += 1;
      return { id, title: category?.title ?? id, score, goal, category };
    });
    console.log(
      `\n/${path}  (Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${GZIP ? 'gzip' : 'uncompressed'}, report: ${file})`,
    );
    for (const { title, score, goal, category } of scores) {
      console.log(
        `  ${title.padEnd(16)} ${String(score).padStart(3)}   goal ${goal}${score >= goal ? '' : '   ← below goal'}`,
      );
      if (score >= goal || !category) continue;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
        console.log(`      - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
    const metrics = [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
    ];
    console.log(
      `  ${metrics.map((id) => `${id.replace(/-/g, ' ')}: ${lhr.audits[id]?.displayValue ?? '?'}`).join(' · ')}`,
    );
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(unmet === 0 ? '\nAll goals met.' : `\n${unmet} score(s) below goal.`);
