/**
 * Benchmark (not a test): load the published Synctera spec (650 KB, OAS 3.0.3) and compile the
 * validator of every request and response schema, cold — each run in a fresh Node process, so module
 * loading (ajv, ref handling) is included as a first run pays it. Prints each run and the median.
 *
 *   npx tsx bench/spec-load.ts [runs=7] [spec file]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const defaultSpec = path.resolve(path.dirname(here), '../../shared/specs/synctera/synctera_openapi.json');

interface Timing {
  loadMs: number;
  compileMs: number;
  totalMs: number;
  operations: number;
  validators: number;
  warnings: number;
}

async function once(file: string): Promise<Timing> {
  const start = performance.now();
  const { loadSpec } = await import('../src/openapi/load.js');
  const spec = await loadSpec(file);
  const loaded = performance.now();
  const { createSpecValidator } = await import('../src/openapi/validate.js');
  const validator = await createSpecValidator(spec);
  const validators = validator.compileAll();
  const end = performance.now();
  return {
    loadMs: loaded - start,
    compileMs: end - loaded,
    totalMs: end - start,
    operations: spec.operations.length,
    validators,
    warnings: spec.warnings.length + validator.warnings.length,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--once') {
    process.stdout.write(JSON.stringify(await once(args[1])));
    return;
  }
  const runs = Number(args[0] ?? 7);
  const file = path.resolve(args[1] ?? defaultSpec);
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    // A fresh process per run: nothing cached, as in a real `stepdoc run`.
    const child = spawnSync(process.execPath, [...process.execArgv, here, '--once', file], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const timing = JSON.parse(child.stdout) as Timing;
    timings.push(timing);
    console.log(`run ${i + 1}: load ${timing.loadMs.toFixed(0)} ms + compile ${timing.compileMs.toFixed(0)} ms = ${timing.totalMs.toFixed(0)} ms`);
  }
  const first = timings[0];
  console.log(`${path.basename(file)}: ${first.operations} operations, ${first.validators} validators, ${first.warnings} warnings`);
  console.log(
    `median of ${runs} cold runs: load ${median(timings.map((t) => t.loadMs)).toFixed(0)} ms, compile ${median(timings.map((t) => t.compileMs)).toFixed(0)} ms, total ${median(timings.map((t) => t.totalMs)).toFixed(0)} ms`,
  );
}

await main();
