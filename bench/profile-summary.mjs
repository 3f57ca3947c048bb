/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per file,
 * and inclusive time per file, so a profile can be read in a terminal.
 *
 *   node bench/profile-summary.mjs FILE.cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';

const [file, topArg = '25'] = process.argv.slice(2);
const top = Number(topArg);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const short = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/dist\//, 'dist/') || '(native)';
const fnSelf = new Map();
const fileSelf = new Map();
const fileIncl = new Map();
const fnIncl = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${short(cf.url)}:${cf.lineNumber + 1}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + us);
  fileSelf.set(short(cf.url), (fileSelf.get(short(cf.url)) ?? 0) + us);
  // Inclusive per file: count each file once per sample's stack.
  const seen = new Set();
  const seenFn = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const frame = byId.get(cur).callFrame;
    const f = short(frame.url);
    if (!seen.has(f)) {
      seen.add(f);
      fileIncl.set(f, (fileIncl.get(f) ?? 0) + us);
    }
    const fn = `${frame.functionName || '(anon)'} ${f}:${frame.lineNumber + 1}`;
    if (!seenFn.has(fn)) {
      seenFn.add(fn);
      fnIncl.set(fn, (fnIncl.get(fn) ?? 0) + us);
    }
  }
}
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
show('self time by function', fnSelf);
show('self time by file', fileSelf);
show('inclusive time by file', fileIncl);
show('inclusive time by function', fnIncl);
