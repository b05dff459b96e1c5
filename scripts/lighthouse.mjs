#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse 12 (mobile preset, its default) on Debian's Chromium against the built site,
 * served by scripts/serve.mjs on 127.0.0.1. Each page is audited five times (`--runs N`) and judged on the median
 * run, Lighthouse's own way to tame its run-to-run variance (its docs: the median of five runs is about twice as
 * stable as one; `computeMedianRun` picks the run nearest the median first contentful paint and time to
 * interactive). Prints every run's performance score, then the median run's four category scores (goals:
 * performance ≥ 95; accessibility, best practices and SEO 100) and, for any under its goal, the audits that cost
 * points. The median run's JSON report goes to `dist-lighthouse/`.
 *
 *   npm run build && npm run lighthouse          (builds first by itself when dist/ is missing)
 *   CHROME_PATH=/path/to/chrome npm run lighthouse -- en/ en/activations/ --runs 1
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
import { loadavg } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './serve.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = process.env.LIGHTHOUSE_DIST ?? 'dist';
const args = process.argv.slice(2);
const GZIP = !args.includes('--no-gzip');
const runsAt = args.indexOf('--runs');
const RUNS = runsAt < 0 ? 5 : Number(args[runsAt + 1]);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs takes a whole number of runs, 1 or more (got ${args[runsAt + 1] ?? 'nothing'}).`);
  process.exit(2);
}
const pathArgs = args.filter((arg, index) => !arg.startsWith('--') && !(runsAt >= 0 && index === runsAt + 1));
const PATHS = pathArgs.length > 0 ? pathArgs : ['en/', 'en/experiment/'];
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
    const runs = [];
    // The 1-minute load average as each run starts: the simulation scales the trace's wall-clock task times, so
    // other work on the machine lowers the score.
    const loads = [];
    for (let run = 0; run < RUNS; run++) {
      loads.push(loadavg()[0]);
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(GOALS),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      runs.push(result.lhr);
    }
    const lhr = computeMedianRun(runs);
    const performance = runs.map(
      (run, index) => `${Math.round((run.categories.performance?.score ?? NaN) * 100)} (${loads[index].toFixed(1)})`,
    );
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
    console.log(
      `  performance in ${RUNS} run${RUNS === 1 ? '' : 's'} (load average): ${performance.join(', ')}; the median run (run ${runs.indexOf(lhr) + 1}):`,
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
