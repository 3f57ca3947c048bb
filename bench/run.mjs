/**
 * `npm run bench`: stepdoc against raw undici, in one run, on this machine.
 * Starts the scenario server (bench/server.mjs), generates docs into a temp folder, and runs each
 * workload as a whole process — stepdoc and the raw baseline alternating, after a warm-up — then
 * prints median, min–max, the stepdoc/raw ratio and peak RSS, checks the targets of issue 19, runs
 * the extra benchmarks and writes bench/results.json. Never part of `npm test`.
 *
 * The workloads run twice: against the checking server (it validates what a runner could mix up)
 * and against the lean one (no work per request, where a runner's own cost shows most); the
 * targets must hold for both. W4 runs with a validator cache the warm-up filled (every run after the
 * first); W4c gives each run an empty one (the first run after a spec changes), reported without a target.
 *
 *   node bench/run.mjs [--runs 7] [--warmup 1] [--only W1,W2] [--server both|checking|lean] [--no-extras] [--out FILE] [--bin bin/stepdoc.js] [--keep]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeDocs } from './docs.mjs';
import * as extras from './extras.mjs';
import { hasGnuTime, round, runOnce, summarise } from './measure.mjs';
import { printReport } from './table.mjs';
import { evaluateExtraTargets, evaluateTargets } from './targets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '1' },
    only: { type: 'string' },
    server: { type: 'string', default: 'both' },
    'no-extras': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'bench/results.json') },
    keep: { type: 'boolean', default: false },
    // Another build of stepdoc to measure (e.g. a private `tsc --outDir` copy while dist/ is being rebuilt).
    bin: { type: 'string', default: path.join(root, 'bin/stepdoc.js') },
  },
});
if (!['both', 'checking', 'lean'].includes(opts.server)) {
  process.stderr.write(`bench: --server is both, checking or lean, not \`${opts.server}\`\n`);
  process.exit(2);
}
const SERVERS = opts.server === 'both' ? ['checking', 'lean'] : [opts.server];
const RUNS = Number(opts.runs);
const WARMUP = Number(opts.warmup);
const DOCS = 250;

function startServer(kind) {
  const args = kind === 'lean' ? ['--lean'] : [];
  const child = spawn(process.execPath, [path.join(root, 'bench/server.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk) => {
      const port = /port (\d+)/.exec(String(chunk))?.[1];
      if (!port) reject(new Error(`server said: ${chunk}`));
      else resolve({ baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') });
    });
  });
}

function workloads(baseUrl, lean, withSwagger, cacheRoot) {
  // A private validator cache: W4 measures the everyday run (the warm-up filled it), W4c the first run
  // after a spec changed (each run an empty cache).
  const warmCache = () => ({ STEPDOC_CACHE_DIR: path.join(cacheRoot, 'warm') });
  let cold = 0;
  const coldCache = () => ({ STEPDOC_CACHE_DIR: path.join(cacheRoot, `cold-${cold++}`) });
  const stepdoc = (cwd, ...args) => ({
    cwd,
    env: warmCache,
    argv: [process.execPath, path.resolve(opts.bin), 'run', ...args, '--base-url', baseUrl, '--token', 'staff=bench-token'],
  });
  const raw = (count, concurrency) => ({
    cwd: root,
    argv: [process.execPath, path.join(root, 'bench/raw-undici.mjs'), baseUrl, String(count), String(concurrency)],
  });
  return [
    { id: 'W1', title: '1 doc (cold process)', docs: 1, requests: 4, stepdoc: stepdoc(lean, 'docs/sync_card_001.md'), raw: raw(1, 1) },
    {
      id: 'W2',
      title: `${DOCS} docs, --concurrency 1`,
      docs: DOCS,
      requests: DOCS * 4,
      stepdoc: stepdoc(lean, 'docs', '--concurrency', '1'),
      raw: raw(DOCS, 1),
    },
    {
      id: 'W3',
      title: `${DOCS} docs, --concurrency 16`,
      docs: DOCS,
      requests: DOCS * 4,
      stepdoc: stepdoc(lean, 'docs', '--concurrency', '16'),
      raw: raw(DOCS, 16),
    },
    {
      id: 'W4',
      title: `${DOCS} docs with swagger, --concurrency 1`,
      docs: DOCS,
      requests: DOCS * 4,
      stepdoc: stepdoc(withSwagger, 'docs', '--concurrency', '1'),
      raw: raw(DOCS, 1),
    },
    {
      id: 'W4c',
      title: `${DOCS} docs with swagger, empty validator cache, --concurrency 1`,
      docs: DOCS,
      requests: DOCS * 4,
      stepdoc: { ...stepdoc(withSwagger, 'docs', '--concurrency', '1'), env: coldCache },
      raw: raw(DOCS, 1),
    },
  ];
}

/** A run counts only if every doc passed: a fast wrong answer is not a result. */
function verify(kind, workload, run) {
  const ok = run.code === 0 && run.stdout.includes(`${workload.docs} passed, 0 failed`);
  if (!ok) throw new Error(`${workload.id} ${kind} failed (exit ${run.code}):\n${(run.stdout + run.stderr).trim().split('\n').slice(-15).join('\n')}`);
}

async function measure(workload, server) {
  const samples = { stepdoc: [], raw: [] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // Alternate which one goes first, so drift in machine load hits both alike.
    const order = i % 2 ? ['raw', 'stepdoc'] : ['stepdoc', 'raw'];
    for (const kind of order) {
      const run = await runOnce(workload[kind].argv, { cwd: workload[kind].cwd, env: workload[kind].env?.() });
      verify(kind, workload, run);
      if (i >= WARMUP) samples[kind].push(run);
    }
    process.stderr.write('.');
  }
  const stepdoc = summarise(samples.stepdoc);
  const raw = summarise(samples.raw);
  process.stderr.write(
    ` ${workload.id} (${server} server) ${stepdoc.medianMs} ms (cpu ${stepdoc.medianCpuMs}) vs raw ${raw.medianMs} ms (cpu ${raw.medianCpuMs})\n`,
  );
  return {
    id: workload.id,
    server,
    title: workload.title,
    docs: workload.docs,
    requests: workload.requests,
    stepdoc,
    raw,
    ratio: round(stepdoc.medianMs / raw.medianMs, 2),
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((v) => round(v, 2)),
  };
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'stepdoc-bench-'));
  const lean = path.join(tmp, 'lean');
  const withSwagger = path.join(tmp, 'swagger');
  writeDocs(lean, DOCS);
  writeDocs(withSwagger, DOCS, { swagger: true });
  const before = machine();
  const results = {
    date: new Date().toISOString(),
    machine: before,
    method: { runs: RUNS, warmup: WARMUP, peakRss: hasGnuTime ? '/usr/bin/time %M' : 'unavailable' },
    workloads: [],
  };
  const wanted = opts.only?.split(',');
  results.targets = [];
  for (const kind of SERVERS) {
    const server = await startServer(kind);
    const measured = [];
    try {
      for (const w of workloads(server.baseUrl, lean, withSwagger, path.join(tmp, `cache-${kind}`)))
        if (!wanted || wanted.includes(w.id)) measured.push(await measure(w, kind));
    } finally {
      server.stop();
    }
    results.workloads.push(...measured);
    results.targets.push(...evaluateTargets(measured, kind));
  }
  results.machine.loadAverageAfterWorkloads = os.loadavg().map((v) => round(v, 2));
  if (!opts['no-extras']) {
    process.stderr.write('extras: templates, spec load, lint, memory, corpus mock\n');
    results.extras = {
      templates: await extras.templates(root),
      specLoad: await extras.specLoad(root, 5),
      lint: await extras.lint(root, tmp),
      memory: await extras.memory(root),
      corpusMock: await extras.corpusMock(root),
    };
    results.targets.push(...evaluateExtraTargets(results.extras));
  }
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
  printReport(results, process.stdout);
  process.stdout.write(`\nwritten ${path.relative(process.cwd(), opts.out)}\n`);
}

await main();
