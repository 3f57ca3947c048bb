/**
 * `run --mock` of the 184 vcita corpus docs with every vcita spec served (docs/examples/vcita config:
 * mock.specs, remoteRefs), as a whole process: median wall and CPU time, peak RSS. Targets: under 3 s
 * (issue 15), 2 s (issue 19) on an idle machine of this class. Not a test: timings belong here.
 *
 *   npm run build && node bench/vcita-mock.mjs [--runs 5] [--bin other/bin/stepdoc.js]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runOnce, summarise } from './measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/vcita');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
if (!existsSync(CORPUS)) throw new Error(`no corpus at ${CORPUS}`);
// Another build (a private `tsc --outDir` copy) for before/after comparisons; it runs from this folder.
const bin = process.argv.includes('--bin') ? resolve(process.argv[process.argv.indexOf('--bin') + 1]) : 'bin/stepdoc.js';
const argv = [process.execPath, bin, 'run', CORPUS, '--mock', '--config', 'docs/examples/vcita/stepdoc.config.yaml', '--keep-going', '--quiet'];
const samples = [];
await runOnce(argv, { cwd: ROOT }); // warm-up (file cache)
for (let i = 0; i < runs; i++) {
  const run = await runOnce(argv, { cwd: ROOT });
  if (!/\(184 docs/.test(run.stdout)) throw new Error(`unexpected output:\n${run.stdout}\n${run.stderr}`);
  samples.push(run);
}
const s = summarise(samples);
const load = (await import('node:os')).loadavg()[0].toFixed(1);
console.log(
  `vcita run --mock (184 docs, every spec served): median ${s.medianMs} ms wall (min ${s.minMs}), ${s.medianCpuMs} ms CPU, peak ${s.peakRssMB} MB — load average ${load}`,
);
