/**
 * Benchmark (not a test): memory of a 5,000-doc run. A keep-alive API server runs in this process;
 * 5,000 generated docs (two steps each: create with a JSON body and extract, then read back with
 * body checks) are run by the real CLI (`bin/stepdoc.js`, built) as a child process, whose RSS is
 * sampled from /proc every 50 ms. Prints RSS after 1k, 2.5k and 5k docs and the peak: a flat line
 * means results stream to reporters and responses are not kept beyond their truncated copy.
 * Marks: 1k, 2.5k, 5k and (with docs=10000) 10k docs.
 *
 *   node --import tsx bench/memory.ts [docs=5000] [concurrency=32]
 *   MEM_REPORTERS=console node --import tsx bench/memory.ts   (reporters to use; default console,json)
 *   MEM_BIN=/tmp/before/bin/stepdoc.js …                       (another build, for before/after)
 *   MEM_NODE_ARGS="--expose-gc --import ./probe.mjs" …         (node flags for the CLI's process)
 *   MEM_STDOUT=/tmp/out.txt …                                  (keep the CLI's stdout, e.g. for --trace-gc)
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = Number(process.argv[2] ?? 5000);
// Issue 19: 5,000 docs at concurrency 32, RSS flat (≤ 150 MB peak).
const CONCURRENCY = Number(process.argv[3] ?? 32);
const MARKS = [1000, 2500, 5000, 10000].filter((m) => m <= DOCS);
const PAYLOAD = 'x'.repeat(1500);

/** The API: POST /items → 201 with an id; GET /items/:id → 200 with a ~2 KB JSON body. */
async function startApi(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  let next = 0;
  const server = createServer((req, res) => {
    count++;
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') {
        res
          .writeHead(201, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'OK', data: { item: { id: `item-${++next}`, note: PAYLOAD } } }));
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'OK', data: { item: { id: req.url?.split('/').pop(), note: PAYLOAD, tags: ['a', 'b'] } } }));
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function writeDocs(dir: string): void {
  for (let i = 0; i < DOCS; i++) {
    const folder = path.join(dir, `group${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, `item_${String(i).padStart(5, '0')}.md`),
      `---
endpoint: "GET /items/{id}"
domain: bench
status: verified
---

# Read item ${i}

## Prerequisites

\`\`\`yaml
steps:
  - id: create
    method: POST
    path: /items
    body:
      name: "item {{ timestamp }}"
      index: ${i}
    extract:
      item_id: "$.data.item.id"
\`\`\`

## Test Request

\`\`\`yaml
steps:
  - id: read
    path: "/items/{{ item_id }}"
    expect:
      status: 200
      body:
        "$.status": "OK"
        "$.data.item.id": "{{ item_id }}"
\`\`\`
`,
    );
  }
}

/** VmRSS and VmHWM of a process, in MB, and its CPU time so far (user+sys, s; Linux); undefined once it is gone. */
function memoryOf(pid: number): { rss: number; hwm: number; cpu: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    // Fields 14 and 15 of /proc/PID/stat (after the command in parentheses): utime, stime in clock ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024, cpu: (Number(stat[11]) + Number(stat[12])) / 100 };
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const bin = path.resolve(process.env.MEM_BIN ?? path.join(root, 'bin/stepdoc.js'));
  if (!existsSync(path.join(path.dirname(bin), '../dist/cli/main.js'))) {
    process.stderr.write('build first: npm run build\n');
    return 2;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'stepdoc-memory-'));
  const api = await startApi();
  try {
    writeDocs(path.join(tmp, 'docs'));
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        ...(process.env.MEM_NODE_ARGS ?? '').split(' ').filter(Boolean),
        bin,
        'run',
        'docs',
        '--base-url',
        api.url,
        '--concurrency',
        String(CONCURRENCY),
        ...(process.env.MEM_REPORTERS ?? 'console,json').split(',').flatMap((r) => ['--reporter', r]),
        '--report-dir',
        path.join(tmp, 'reports'),
        '--schema',
        'off',
      ],
      {
        cwd: tmp,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    if (process.env.MEM_STDOUT) child.stdout.pipe(createWriteStream(process.env.MEM_STDOUT));
    else child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    const at = new Map<number, number>();
    let peak = 0;
    let last = 0;
    let cpu = 0;
    const sampler = setInterval(() => {
      const m = memoryOf(child.pid!);
      // An exited child that is not yet reaped still has a status file, without VmRSS.
      if (!m || m.rss === 0) return;
      peak = Math.max(peak, m.hwm, m.rss);
      last = m.rss;
      cpu = m.cpu;
      const docsDone = Math.floor(api.requests() / 2);
      for (const mark of MARKS) if (docsDone >= mark && !at.has(mark)) at.set(mark, m.rss);
    }, 50);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    // The last mark is reached while the report is written; the last sample stands for it if missed.
    for (const mark of MARKS) if (!at.has(mark)) at.set(mark, last);
    const mb = (v: number | undefined) => (v === undefined ? '?' : `${v.toFixed(1)} MB`);
    process.stdout.write(
      `docs: ${DOCS} (${api.requests()} requests), concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s (CPU ≈ ${cpu.toFixed(1)} s), exit ${code}\n`,
    );
    for (const mark of MARKS) process.stdout.write(`RSS after ${mark} docs: ${mb(at.get(mark))}\n`);
    const first = at.get(MARKS[0]);
    const lastMark = at.get(MARKS.at(-1)!);
    process.stdout.write(`peak RSS: ${mb(peak)}\n`);
    if (first !== undefined && lastMark !== undefined) process.stdout.write(`growth ${MARKS[0]}→${MARKS.at(-1)} docs: ${mb(lastMark - first)}\n`);
    process.stdout.write(`memory: ${DOCS} docs, peak RSS ${mb(peak)}, RSS at ${MARKS.map((m) => `${m}: ${mb(at.get(m))}`).join(', ')}\n`);
    if (code !== 0) process.stderr.write(stderr.slice(-2000));
    return code === 0 ? 0 : 1;
  } finally {
    await api.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => {
  process.exitCode = code;
});
