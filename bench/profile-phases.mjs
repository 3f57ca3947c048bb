/**
 * Splits a V8 .cpuprofile of a whole `stepdoc run` into where the time went: module loading,
 * reading and preparing docs, stepdoc's own run code, undici and sockets, GC, idle (waiting for
 * the server). Each sample goes to the first rule its stack matches.
 *
 *   node bench/profile-phases.mjs FILE.cpuprofile
 */
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function stackOf(id) {
  const frames = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur).callFrame);
  return frames; // leaf first
}

const has = (frames, test) => frames.some(test);
const RULES = [
  ['idle (waiting for the server)', (f) => f[0].functionName === '(idle)'],
  ['garbage collection', (f) => f[0].functionName === '(garbage collector)'],
  ['module loading', (f) => has(f, (x) => /node:internal\/modules\//.test(x.url))],
  ['read + parse + graph (prepare)', (f) => has(f, (x) => /\/(doc|graph)\//.test(x.url) || /prepareRun|loadAll/.test(x.functionName))],
  [
    'undici + sockets',
    (f) => /undici|node:net|stream|node:internal\/(stream_base|streams)/.test(f[0].url) || (f[0].url === '' && has(f, (x) => /undici/.test(x.url))),
  ],
  ['template rendering (liquid)', (f) => has(f, (x) => /liquid|\/template\//.test(x.url))],
  ['stepdoc run code (render, checks, results, events)', (f) => has(f, (x) => /\/dist\/(run|http|checks|core|report|cli)\//.test(x.url))],
];
const totals = new Map();
let all = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  all += us;
  const frames = stackOf(id);
  const rule = RULES.find(([, test]) => test(frames));
  const name = rule ? rule[0] : `other (${frames[0].functionName || '(anon)'})`;
  totals.set(name, (totals.get(name) ?? 0) + us);
});
const rows = [...totals].sort((a, b) => b[1] - a[1]);
const other = rows.filter(([k]) => k.startsWith('other')).reduce((a, [, v]) => a + v, 0);
for (const [name, us] of rows.filter(([k]) => !k.startsWith('other')))
  console.log(`${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${name}`);
console.log(`${(other / 1000).toFixed(0).padStart(6)} ms ${((100 * other) / all).toFixed(1).padStart(5)}%  other (node internals, timers, …)`);
console.log(`${(all / 1000).toFixed(0).padStart(6)} ms  total sampled`);
