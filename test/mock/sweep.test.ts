import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../src/mock/generate.js';
import { buildReply, defaultStatus } from '../../src/mock/respond.js';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { loadSpec } from '../../src/openapi/load.js';
import type { LoadedSpec, Operation } from '../../src/openapi/model.js';
import { createSpecValidator, type SpecValidator } from '../../src/openapi/validate.js';
import { sharedRoot } from './helpers.js';

/** Every spec the mock must serve without crashing: the messy Synctera spec and the whole vcita corpus. */
function specFiles(): string[] {
  const files = [path.join(sharedRoot, 'specs/synctera/synctera_openapi.json')];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) files.push(full);
    }
  };
  walk(path.join(sharedRoot, 'corpus/vcita/swagger'));
  return files;
}

const loaded: Array<{ spec: LoadedSpec; validator: SpecValidator }> = [];
let mock: RunningMock;

beforeAll(async () => {
  for (const file of specFiles()) {
    const spec = await loadSpec(file);
    loaded.push({ spec, validator: await createSpecValidator(spec) });
  }
  mock = await startMock({ specs: loaded.map((l) => l.spec), seed: 11 });
}, 120_000);

afterAll(() => mock?.close());

/** The operation as if it had no examples, so the generated path is what gets served. */
function withoutExamples(operation: Operation): Operation {
  const responses = Object.fromEntries(
    Object.entries(operation.responses).map(([k, r]) => [
      k,
      { ...r, content: Object.fromEntries(Object.entries(r.content).map(([t, m]) => [t, { schema: m.schema, pointer: m.pointer }])) },
    ]),
  );
  return { ...operation, responses };
}

function jsonResponses(operation: Operation): Array<{ status: number }> {
  return Object.keys(operation.responses)
    .filter((k) => /^2\d\d$/.test(k))
    .map((k) => ({ status: Number(k) }));
}

describe('property sweep over every operation of the real specs', () => {
  test('loads the specs', () => {
    expect(loaded.length).toBeGreaterThan(50);
    expect(loaded.reduce((n, l) => n + l.spec.operations.length, 0)).toBeGreaterThan(500);
  });

  test('data generated for every 2xx response validates against that response schema, for several seeds', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { spec, validator } of loaded) {
      for (const operation of spec.operations) {
        for (const { status } of jsonResponses(operation)) {
          const media = Object.entries(operation.responses[String(status)].content).find(([t]) => /json|\*\/\*/.test(t));
          if (!media?.[1].schema) continue;
          const accept = (op: Operation, st: number, body: unknown) => validator.validateResponse(op, st, 'application/json', body).violations.length === 0;
          for (const seed of [1, 2, 3]) {
            const reply = buildReply(withoutExamples(operation), status, seed, undefined, accept);
            const outcome = validator.validateResponse(operation, status, 'application/json', reply.body);
            if (!outcome.validated) continue;
            checked++;
            if (outcome.violations.length > 0) {
              failures.push(
                `${path.basename(spec.file)} ${operation.method} ${operation.path} ${status} seed ${seed}: ${JSON.stringify(outcome.violations.slice(0, 2))}`,
              );
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  test('every operation is served (example or generated) and none crashes the mock', async () => {
    const crashes: string[] = [];
    let served = 0;
    const seen = new Set<string>();
    for (const route of (mock as unknown as { routes: Array<{ method: string; path: string }> }).routes) {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const url = mock.url + route.path.replace(/\{[^}]+\}/g, 'x1');
      const operation = loaded.flatMap((l) => l.spec.operations).find((o) => route.path.endsWith(o.path) && o.method.toUpperCase() === route.method);
      const schema = operation?.requestBody?.content['application/json']?.schema;
      const body = schema ? JSON.stringify(generate(schema, { seed: 5, direction: 'request' })) : undefined;
      const response = await fetch(url, { method: route.method, headers: body ? { 'content-type': 'application/json' } : {}, body });
      const text = await response.text();
      if (response.status >= 500 && response.headers.get('stepdoc-mock-source') !== 'example' && response.headers.get('stepdoc-mock-source') !== 'generated') {
        crashes.push(`${key} → ${response.status} ${text.slice(0, 200)}`);
      }
      if (response.status < 300) served++;
    }
    expect(crashes).toEqual([]);
    expect(served).toBeGreaterThan(seen.size / 2);
  }, 120_000);

  test('the reply chosen for each operation without a request is its example or generated data', () => {
    for (const { spec } of loaded) {
      for (const operation of spec.operations) {
        const { status } = defaultStatus(operation);
        const reply = buildReply(operation, status, 1);
        expect(['example', 'generated', 'empty']).toContain(reply.source);
      }
    }
  });
});
