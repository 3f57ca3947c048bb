/**
 * `run --mock` of the 184 vcita corpus docs with every vcita spec served (docs/examples/vcita config:
 * mock.specs, remoteRefs), as a whole process: median wall and CPU time, peak RSS. Targets: under 3 s
 * (issue 15), 2 s (issue 19) on an idle machine of this class. Not a test: timings belong here.
 * The measured runs use a private validator cache (STEPDOC_CACHE_DIR) that the warm-up run fills: the
 * everyday case, every run after the first with the same specs. `--cold` runs are also measured, each
 * with an empty cache (the first run after a spec changes), and printed on a line of their own.
 *
 *   npm run build && node bench/vcita-mock.mjs [--runs 5] [--cold 2] [--bin other/bin/stepdoc.js]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runOnce, summarise } from './measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/vcita');
const flag = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const runs = flag('--runs', 5);
const coldRuns = flag('--cold', 2);
if (!existsSync(CORPUS)) throw new Error(`no corpus at ${CORPUS}`);
// Another build (a private `tsc --outDir` copy) for before/after comparisons; it runs from this folder.
const bin = process.argv.includes('--bin') ? resolve(process.argv[process.argv.indexOf('--bin') + 1]) : 'bin/stepdoc.js';
const argv = [process.execPath, bin, 'run', CORPUS, '--mock', '--config', 'docs/examples/vcita/stepdoc.config.yaml', '--keep-going', '--quiet'];
const cacheRoot = mkdtempSync(join(tmpdir(), 'stepdoc-bench-cache-'));
const warmCache = { STEPDOC_CACHE_DIR: join(cacheRoot, 'warm') };
const measured = async (count, env) => {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const run = await runOnce(argv, { cwd: ROOT, env: env(i) });
    if (!/\(184 docs/.test(run.stdout)) throw new Error(`unexpected output:\n${run.stdout}\n${run.stderr}`);
    samples.push(run);
  }
  return summarise(samples);
};
try {
  await runOnce(argv, { cwd: ROOT, env: warmCache }); // warm-up: file cache, and fills the validator cache
  const s = await measured(runs, () => warmCache);
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(
    `vcita run --mock (184 docs, every spec served): median ${s.medianMs} ms wall (min ${s.minMs}), ${s.medianCpuMs} ms CPU, peak ${s.peakRssMB} MB — load average ${load}`,
  );
  if (coldRuns > 0) {
    const c = await measured(coldRuns, (i) => ({ STEPDOC_CACHE_DIR: join(cacheRoot, `cold-${i}`) }));
    console.log(
      `  with an empty validator cache (first run after a spec change): median ${c.medianMs} ms wall, ${c.medianCpuMs} ms CPU, peak ${c.peakRssMB} MB`,
    );
  }
} finally {
  rmSync(cacheRoot, { recursive: true, force: true });
}
