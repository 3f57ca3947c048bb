/**
 * Templates rendered per second with src/template (built into dist/): the sync_card body — three
 * template strings, one typed — compiled once and rendered many times with a fresh scope per
 * render, as a step does. Also how many such bodies compile per second (once per doc). Those are
 * all plain templates (rendered without liquidjs, src/template/plain.ts); a second body with
 * filters and dotted paths measures the liquidjs path.
 *
 *   node bench/templates.mjs [seconds=1]   prints one JSON line
 */
import { compileValue } from '../dist/template/compile.js';
import { createScope, renderNode } from '../dist/template/render.js';

const seconds = Number(process.argv[2] ?? 1);
const body = { client_id: '{{ client_id }}', last_4: '{{ timestamp | slice: -4 }}', external_id: 'card_{{ timestamp }}', currency: 'USD' };
const TEMPLATES_PER_BODY = 3;
const variables = { timestamp: 1770550300123, client_id: 'cl_1_300123', client: { id: 'cl_1', name: 'Ada' } };
const liquidBody = { name: '{{ client.name | upcase }}', next: '{{ timestamp | plus: 1 }}', ref: 'ref-{{ client.id }}', currency: 'USD' };

function loop(fn, ms) {
  for (let i = 0; i < 2000; i++) fn(); // warm-up: let V8 optimise before timing
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 500; i++) fn();
    count += 500;
    now = performance.now();
  }
  return count / ((now - start) / 1000);
}

const compiled = compileValue(body);
const check = renderNode(compiled, createScope(variables));
if (check.last_4 !== '0123' || check.client_id !== 'cl_1_300123' || check.external_id !== 'card_1770550300123') {
  throw new Error(`templates render wrongly: ${JSON.stringify(check)}`);
}
const bodiesRendered = loop(() => renderNode(compiled, createScope(variables)), seconds * 1000);
const liquidCompiled = compileValue(liquidBody);
const liquidCheck = renderNode(liquidCompiled, createScope(variables));
if (liquidCheck.name !== 'ADA' || liquidCheck.next !== 1770550300124 || liquidCheck.ref !== 'ref-cl_1')
  throw new Error(`templates render wrongly: ${JSON.stringify(liquidCheck)}`);
const liquidBodiesRendered = loop(() => renderNode(liquidCompiled, createScope(variables)), seconds * 1000);
let n = 0;
const bodiesCompiled = loop(() => compileValue({ ...body, n: `{{ timestamp }}${n++}` }), seconds * 500);
process.stdout.write(
  JSON.stringify({
    templatesRenderedPerSecond: Math.round(bodiesRendered * TEMPLATES_PER_BODY),
    bodiesRenderedPerSecond: Math.round(bodiesRendered),
    liquidTemplatesRenderedPerSecond: Math.round(liquidBodiesRendered * TEMPLATES_PER_BODY),
    templatesCompiledPerSecond: Math.round(bodiesCompiled * (TEMPLATES_PER_BODY + 1)),
  }) + '\n',
);
