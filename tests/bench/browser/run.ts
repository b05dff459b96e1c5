/**
 * `npm run bench:browser [-- --json] [-- --rounds N (5)] [-- --page] [-- --s1000-epochs N (300)] [-- --quick]`: does tfjs'
 * WebAssembly backend beat its cpu backend on this site's training work, in a real browser? Not a test: figures
 * for a decision.
 *
 * Bundles entry.ts (the engine: useBackend, trainNetworks, DeepTrainer) with esbuild into one classic script, serves
 * it and tfjs' wasm binaries from a local http server on 127.0.0.1, and drives Debian's Chromium (CHROME_PATH, as
 * the browser tests) through playwright-core. The training runs in a dedicated Web Worker as on the site
 * (`--page`: on the page's main thread instead). Workloads, each on cpu and on wasm:
 *   - one 300-epoch ReLU run (H = 2, lr 0.04, batch 32, the seed data set), five seeds a sample (one is too short to
 *     time on a loaded machine),
 *   - S = 100 and S = 1000 networks as one batch (half ReLU, half sigmoid), 300 epochs (S = 1000: `--s1000-epochs`,
 *     scaled to 300 in the per-network figure),
 *   - the deep demo's default run (src/labs/deep/settings.ts: its activations side by side, a snapshot every 5 epochs).
 * Backends alternate within each round, and the one going first swaps every round (cpu wasm, wasm cpu, …), so
 * both see the same machine load; ratios are medians of each round's wasm ÷ cpu. Times are wall clock inside the
 * browser; the renderer process' CPU time (Chrome DevTools Protocol, SystemInfo.getProcessInfo) is reported
 * beside it, since the machines this runs on are shared and wall time there includes the neighbours' load.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';
import { DEEP_DEFAULTS } from '../../../src/labs/deep/settings';
import type { BackendName } from '../../../src/core/engine/backend';
import type { BenchCall, BenchReply, BenchRequest, RunResult, Workload } from './protocol';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WASM_DIR = `${ROOT}node_modules/@tensorflow/tfjs-backend-wasm/dist/`;
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
const BACKENDS: readonly BackendName[] = ['cpu', 'wasm'];
const EPOCHS = 300;

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const inPage = args.includes('--page');

function intArg(name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 1)
    throw new Error(`${name} takes a positive integer, not ${args[i + 1] ?? '(nothing)'}`);
  return v;
}

const rounds = intArg('--rounds', quick ? 1 : 5);
const s1000Epochs = intArg('--s1000-epochs', quick ? 30 : EPOCHS);
const deepEpochs = quick ? DEEP_DEFAULTS.epochs / 4 : DEEP_DEFAULTS.epochs;
const SINGLE_REPS = 5;

interface Spec {
  name: string;
  /** Per-network figures are scaled to this many epochs (the workload may run fewer). */
  scaleTo: number;
  /** Runs per sample (different seeds), for workloads too short to time once on a loaded machine. */
  reps: number;
  workload(round: number, rep: number): Workload;
}

const specs: Spec[] = [
  {
    name: `single run (ReLU, ${EPOCHS} epochs)`,
    scaleTo: EPOCHS,
    reps: SINGLE_REPS,
    workload: (r, k) => ({ kind: 'batch', networks: 1, epochs: EPOCHS, seed: r * SINGLE_REPS + k, mix: 'relu' }),
  },
  {
    name: `batched S = 100 (ReLU + sigmoid, ${EPOCHS} epochs)`,
    scaleTo: EPOCHS,
    reps: 1,
    workload: (r) => ({ kind: 'batch', networks: 100, epochs: EPOCHS, seed: r * 100, mix: 'relu+sigmoid' }),
  },
  {
    name: `batched S = 1000 (ReLU + sigmoid, ${s1000Epochs === EPOCHS ? `${EPOCHS} epochs` : `${s1000Epochs} epochs, scaled to ${EPOCHS}`})`,
    scaleTo: EPOCHS,
    reps: 1,
    workload: (r) => ({ kind: 'batch', networks: 1000, epochs: s1000Epochs, seed: r * 1000, mix: 'relu+sigmoid' }),
  },
  {
    name: `deep ${DEEP_DEFAULTS.layers}×${DEEP_DEFAULTS.width}, ${DEEP_DEFAULTS.activations.join(' + ')} (${deepEpochs} epochs, snapshot every 5)`,
    scaleTo: deepEpochs,
    reps: 1,
    workload: () => ({ kind: 'deep', epochs: deepEpochs, snapshots: true }),
  },
];

const epochsOf = (w: Workload) => w.epochs;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`;
  }
}

function requireChromium(): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    const lines = [
      `bench:browser needs Chromium, and none was found at ${CHROMIUM_PATH}.`,
      'Install it (Debian/Ubuntu):  sudo apt-get install -y chromium',
      'or point CHROME_PATH at an existing Chromium/Chrome binary, e.g.  CHROME_PATH=/path/to/chrome npm run bench:browser',
    ];
    if (process.env.CHROME_PATH) lines.splice(1, 0, '(CHROME_PATH is set but does not name an executable file.)');
    throw new Error(lines.join('\n'));
  }
}

/** entry.ts and the engine as one classic script (iife), usable both as a worker and as a page script. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [`${ROOT}tests/bench/browser/entry.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [
      {
        // The site's build swaps tfjs-backend-wasm's multi-threaded loader for a stub (astro.config.mjs); so does this.
        name: 'no-wasm-threads',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/wasm-out\/tfjs-backend-wasm-threaded-simd(\.worker)?\.js$/ }, () => ({
            path: `${ROOT}src/worker/no-wasm-threads.ts`,
          }));
        },
      },
    ],
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return out.text;
}

/** The page: loads the bundle as a worker (`?mode=worker`) or as a script, and exposes `benchCall(request)`. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title><script>
const mode = new URLSearchParams(location.search).get('mode');
let send;
if (mode === 'worker') {
  const pending = new Map();
  const worker = new Worker('/bench.js');
  worker.onmessage = (e) => { const done = pending.get(e.data.id); pending.delete(e.data.id); if (done) done(e.data); };
  worker.onerror = (e) => {
    e.preventDefault();
    const error = 'worker error: ' + (e.message || 'the script failed to load');
    for (const [id, done] of pending) done({ id, ok: false, error });
    pending.clear();
  };
  send = (req) => new Promise((resolve) => { pending.set(req.id, resolve); worker.postMessage(req); });
} else {
  const loaded = new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/bench.js';
    s.onload = resolve;
    s.onerror = () => reject(new Error('bench.js failed to load'));
    document.head.append(s);
  });
  send = (req) => loaded.then(() => globalThis.benchHandle(req));
}
window.benchCall = send;
</script>`;

/** Serves the page, the bundle and the wasm binaries; remembers which paths were asked for. */
function serve(script: string): Promise<{ server: Server; origin: string; served: string[] }> {
  const served: string[] = [];
  const wasm = new Map(WASM_FILES.map((f) => [`/wasm/${f}`, readFileSync(WASM_DIR + f)]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    served.push(path);
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') return send('text/html; charset=utf-8', PAGE);
    // The browser asks for it on its own; an empty answer keeps the console clean.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/bench.js') return send('text/javascript; charset=utf-8', script);
    const binary = wasm.get(path);
    // application/wasm lets the browser compile while downloading (instantiateStreaming), as a real host does.
    if (binary) return send('application/wasm', binary);
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      resolve({ server, origin: `http://127.0.0.1:${address.port}`, served });
    });
  });
}

let nextId = 0;
async function call<T>(page: Page, request: BenchCall): Promise<T> {
  const req: BenchRequest = { ...request, id: nextId++ };
  const reply = await page.evaluate(
    (r) => (window as unknown as { benchCall(r: unknown): Promise<BenchReply> }).benchCall(r),
    req,
  );
  if (!reply.ok) throw new Error(`in the browser: ${reply.error}`);
  return reply.value as T;
}

/** Seconds of CPU used so far by the browser's renderer processes (the page and its worker live there). */
async function rendererCpu(cdp: CDPSession): Promise<number> {
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  return info.processInfo.filter((p) => p.type === 'renderer').reduce((a, p) => a + p.cpuTime, 0);
}

interface Sample {
  round: number;
  backend: BackendName;
  /** Wall ms per network, scaled to the spec's epochs. */
  msPerNetwork: number;
  /** Renderer CPU ms per network, scaled likewise. */
  cpuMsPerNetwork: number;
  result: RunResult;
}

const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
const fmtX = (x: number) => x.toFixed(2) + '×';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  const line = (r: string[]) =>
    r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  requireChromium();
  const progress = (s: string) => {
    if (!json) process.stderr.write(s + '\n');
  };
  const loadBefore = uptime();
  progress(`bundling…`);
  const script = await bundle();
  let browser: Browser | undefined;
  let server: Server | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: closing the browser and the server…\n`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const served = await serve(script);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
    const version = browser.version();
    const cdp = await browser.newBrowserCDPSession();
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) pageErrors.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    await page.goto(`${served.origin}/?mode=${inPage ? 'page' : 'worker'}`);
    const where = await call<{ worker: boolean; userAgent: string; crossOriginIsolated: boolean }>(page, {
      kind: 'init',
      wasmBase: `${served.origin}/wasm/`,
    });
    if (where.worker === inPage)
      throw new Error(
        `asked to run ${inPage ? 'on the page' : 'in a worker'}, runs ${where.worker ? 'in a worker' : 'on the page'}`,
      );
    progress(`Chromium ${version}, training ${where.worker ? 'in a Web Worker' : 'on the page'}; ${rounds} round(s)`);

    // First activation of each backend: registration, and for wasm fetching and compiling the binary.
    const startup: Record<string, number> = {};
    for (const backend of BACKENDS)
      startup[backend] = round3((await call<{ ms: number }>(page, { kind: 'backend', backend })).ms);
    const wasmFetched = served.served.filter((p) => p.startsWith('/wasm/')).map((p) => p.slice('/wasm/'.length));

    progress('warming up…');
    for (const backend of BACKENDS) {
      for (const workload of [
        { kind: 'batch', networks: 1, epochs: 30, seed: 0, mix: 'relu' },
        { kind: 'batch', networks: 100, epochs: 5, seed: 0, mix: 'relu+sigmoid' },
        { kind: 'batch', networks: 1000, epochs: 2, seed: 0, mix: 'relu+sigmoid' },
        { kind: 'deep', epochs: 10, snapshots: true },
      ] satisfies Workload[]) {
        await call<RunResult>(page, { kind: 'run', backend, workload });
      }
    }
    const tensorsAtStart = (
      await call<RunResult>(page, {
        kind: 'run',
        backend: 'cpu',
        workload: { kind: 'batch', networks: 1, epochs: 1, seed: 0, mix: 'relu' },
      })
    ).tensorsAfter;

    const samples = new Map<Spec, Sample[]>(specs.map((s) => [s, []]));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? BACKENDS : [...BACKENDS].reverse();
      for (const spec of specs) {
        progress(`round ${r + 1}/${rounds}: ${spec.name} (${order.join(', ')})`);
        for (const backend of order) {
          const scale = spec.scaleTo / epochsOf(spec.workload(r, 0));
          const cpu0 = await rendererCpu(cdp);
          const results: RunResult[] = [];
          for (let k = 0; k < spec.reps; k++)
            results.push(await call<RunResult>(page, { kind: 'run', backend, workload: spec.workload(r, k) }));
          const cpuMs = ((await rendererCpu(cdp)) - cpu0) * 1000;
          const result = results[0]!;
          if (results.some((x) => x.backend !== backend)) throw new Error(`ran on ${result.backend}, not ${backend}`);
          const networks = result.networks * spec.reps;
          samples.get(spec)!.push({
            round: r,
            backend,
            msPerNetwork: (results.reduce((a, x) => a + x.ms, 0) / networks) * scale,
            cpuMsPerNetwork: (cpuMs / networks) * scale,
            result,
          });
        }
      }
    }
    const tensorsAtEnd = (
      await call<RunResult>(page, {
        kind: 'run',
        backend: 'cpu',
        workload: { kind: 'batch', networks: 1, epochs: 1, seed: 0, mix: 'relu' },
      })
    ).tensorsAfter;
    const loadAfter = uptime();
    if (pageErrors.length > 0) throw new Error(`errors in the browser:\n${pageErrors.join('\n')}`);

    const workloads = specs.map((spec) => {
      const all = samples.get(spec)!;
      const of = (b: BackendName) => all.filter((s) => s.backend === b);
      const pairs = (key: 'msPerNetwork' | 'cpuMsPerNetwork') =>
        Array.from({ length: rounds }, (_, r) => {
          const w = all.find((s) => s.round === r && s.backend === 'wasm')!;
          const c = all.find((s) => s.round === r && s.backend === 'cpu')!;
          return w[key] / c[key];
        });
      const wallRatios = pairs('msPerNetwork');
      const cpuRatios = pairs('cpuMsPerNetwork');
      const first = spec.workload(0, 0);
      const summary = (b: BackendName) => ({
        msPerNetwork: round3(median(of(b).map((s) => s.msPerNetwork))),
        cpuMsPerNetwork: round3(median(of(b).map((s) => s.cpuMsPerNetwork))),
        samplesMsPerNetwork: of(b).map((s) => round3(s.msPerNetwork)),
        firstLoss: of(b)[0]!.result.firstLoss,
        diverged: of(b)[0]!.result.diverged,
      });
      return {
        name: spec.reps > 1 ? `${spec.name}, ${spec.reps} runs a sample` : spec.name,
        networks: all[0]!.result.networks,
        runsPerSample: spec.reps,
        epochs: epochsOf(first),
        scaledToEpochs: spec.scaleTo,
        cpu: summary('cpu'),
        wasm: summary('wasm'),
        wasmOverCpu: round3(median(wallRatios)),
        wasmOverCpuRange: [round3(Math.min(...wallRatios)), round3(Math.max(...wallRatios))],
        wasmOverCpuRendererCpuTime: round3(median(cpuRatios)),
      };
    });

    const result = {
      chromium: version,
      where: where.worker ? 'worker' : 'page',
      crossOriginIsolated: where.crossOriginIsolated,
      rounds,
      timer: 'wall clock (performance.now) in the browser; renderer CPU time beside it',
      startupMs: startup,
      wasmFetched,
      tensorsLeaked: tensorsAtEnd - tensorsAtStart,
      load: { before: loadBefore, after: loadAfter },
      workloads,
    };
    if (json) {
      process.stdout.write(JSON.stringify(result) + '\n');
      return;
    }
    const rows = [
      [
        'workload (per network)',
        'cpu',
        'wasm',
        'wasm ÷ cpu',
        'range',
        'cpu (CPU time)',
        'wasm (CPU time)',
        'wasm ÷ cpu (CPU time)',
      ],
      ...workloads.map((w) => [
        w.name,
        fmtMs(w.cpu.msPerNetwork),
        fmtMs(w.wasm.msPerNetwork),
        fmtX(w.wasmOverCpu),
        `${fmtX(w.wasmOverCpuRange[0]!)}–${fmtX(w.wasmOverCpuRange[1]!)}`,
        fmtMs(w.cpu.cpuMsPerNetwork),
        fmtMs(w.wasm.cpuMsPerNetwork),
        fmtX(w.wasmOverCpuRendererCpuTime),
      ]),
    ];
    const losses = [
      ['last epoch loss, first network (round 1)', 'cpu', 'wasm', 'diverged (cpu / wasm)'],
      ...workloads.map((w) => [
        w.name,
        w.cpu.firstLoss.toPrecision(4),
        w.wasm.firstLoss.toPrecision(4),
        `${w.cpu.diverged} / ${w.wasm.diverged}`,
      ]),
    ];
    process.stdout.write(
      [
        `Chromium ${version}, training ${result.where === 'worker' ? 'in a Web Worker' : 'on the page'}; medians over ${rounds} round(s); wall clock, and the renderer's CPU time`,
        `first activation: cpu ${fmtMs(startup.cpu!)}, wasm ${fmtMs(startup.wasm!)} (fetched: ${wasmFetched.join(', ') || 'nothing'})`,
        '',
        table(rows),
        '',
        table(losses),
        '',
        `tensors leaked over the rounds: ${result.tensorsLeaked}`,
        `load before: ${loadBefore}`,
        `load after:  ${loadAfter}`,
      ].join('\n') + '\n',
    );
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:browser failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
