/**
 * The benchmarks beside the run workloads: OpenAPI spec load + compile (bench/spec-load.ts),
 * lint of 10,000 docs (bench/lint.ts, else `stepdoc lint` on generated docs), the 5,000-doc memory
 * run (bench/memory.ts), templates per second (bench/templates.mjs) and `run --mock` of the vcita corpus
 * with every spec served (docs/examples/vcita/stepdoc.config.yaml). Scripts owned by other
 * parts of the project are called when present and reported as not available otherwise.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeDocs } from './docs.mjs';
import { runOnce } from './measure.mjs';

const node = process.execPath;
const tsx = (script, ...args) => [node, '--import', 'tsx', script, ...args];

function tail(text, lines = 12) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Runs a script of the project; { ok, ms, rssMB, output } or { ok:false, reason }. */
async function script(root, argv) {
  const run = await runOnce(argv, { cwd: root });
  if (run.code !== 0) return { ok: false, reason: `exit ${run.code}: ${tail(run.stderr || run.stdout, 6)}` };
  return { ok: true, ms: Math.round(run.ms), rssMB: run.rssMB, output: tail(run.stdout) };
}

export async function specLoad(root, runs) {
  const file = path.join(root, 'bench/spec-load.ts');
  if (!existsSync(file)) return { available: false, reason: 'bench/spec-load.ts not present' };
  const result = await script(root, tsx(file, String(runs)));
  if (!result.ok) return { available: true, ...result };
  const m = /median of \d+ cold runs: load (\d+) ms, compile (\d+) ms, total (\d+) ms/.exec(result.output);
  const ops = /(\d+) operations, (\d+) validators, (\d+) warnings/.exec(result.output);
  return {
    available: true,
    ok: true,
    output: result.output,
    loadMs: m ? Number(m[1]) : undefined,
    compileMs: m ? Number(m[2]) : undefined,
    totalMs: m ? Number(m[3]) : undefined,
    operations: ops ? Number(ops[1]) : undefined,
    validators: ops ? Number(ops[2]) : undefined,
  };
}

export async function lint(root, tmp) {
  const file = path.join(root, 'bench/lint.ts');
  if (existsSync(file)) {
    const result = await script(root, tsx(file, '3'));
    const m = /stepdoc lint, (\d+) docs: median (\d+) ms over (\d+) runs/.exec(result.output ?? '');
    return {
      source: 'bench/lint.ts (median of 3 whole-process runs)',
      ...result,
      ms: m ? Number(m[2]) : result.ms,
      docs: m ? Number(m[1]) : undefined,
      docsPerSecond: m ? Math.round(Number(m[1]) / (Number(m[2]) / 1000)) : undefined,
    };
  }
  if (!existsSync(path.join(root, 'dist/cli/commands/lint.js')))
    return { available: false, reason: '`stepdoc lint` not yet available (no bench/lint.ts, no lint command)' };
  const dir = path.join(tmp, 'lint');
  const docsDir = writeDocs(dir, 10_000);
  const run = await runOnce([node, path.join(root, 'bin/stepdoc.js'), 'lint', docsDir], { cwd: dir });
  return {
    source: 'stepdoc lint of 10,000 generated docs (whole process)',
    ok: run.code === 0,
    exitCode: run.code,
    ms: Math.round(run.ms),
    rssMB: run.rssMB,
    docsPerSecond: Math.round(10_000 / (run.ms / 1000)),
    output: tail(run.stdout, 3),
  };
}

export async function memory(root) {
  const file = path.join(root, 'bench/memory.ts');
  if (!existsSync(file)) return { available: false, reason: 'bench/memory.ts not present' };
  const result = await script(root, tsx(file));
  // Its own line: the child's peak RSS (sampled from /proc), not the harness's.
  const line = /^memory: .*$/m.exec(result.output ?? '')?.[0];
  const peak = line && /peak RSS ([\d.]+) MB/.exec(line);
  return { source: 'bench/memory.ts', ...result, summary: line, rssMB: peak ? Number(peak[1]) : undefined };
}

export async function templates(root) {
  const run = await runOnce([node, path.join(root, 'bench/templates.mjs'), '1'], { cwd: root });
  if (run.code !== 0) return { ok: false, reason: tail(run.stderr, 6) };
  return { ok: true, ...JSON.parse(run.stdout) };
}

/** `run --mock` of the 184 vcita docs with every spec served (issue 19: ≤ 2 s whole process): bench/vcita-mock.mjs. */
export async function corpusMock(root, runs = 3) {
  if (!existsSync(path.join(root, '../shared/corpus/vcita'))) return { available: false, reason: 'needs ../shared/corpus/vcita' };
  const result = await script(root, [node, path.join(root, 'bench/vcita-mock.mjs'), '--runs', String(runs)]);
  if (!result.ok) return { available: true, ...result };
  const m = /median (\d+(?:\.\d+)?) ms wall .*?, (\d+(?:\.\d+)?) ms CPU, peak (\d+(?:\.\d+)?) MB/.exec(result.output);
  return {
    available: true,
    ok: true,
    runs,
    ms: m ? Number(m[1]) : undefined,
    cpuMs: m ? Number(m[2]) : undefined,
    rssMB: m ? Number(m[3]) : undefined,
    summary: result.output,
  };
}
