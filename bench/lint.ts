/**
 * Benchmark (not a test): `stepdoc lint` over 10,000 generated docs, timed as a whole process
 * (`node bin/stepdoc.js lint DIR`: module loading, discovery, reading, parsing, graph analysis, schema
 * validation, swagger checks, output). Prints each run and the median. Needs `npm run build` first.
 *
 *   npx tsx bench/lint.ts [runs=5] [docs=10000]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const count = Number(process.argv[3] ?? 10_000);

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Bench widgets', version: '1' },
  paths: {
    '/v1/widgets': {
      post: {
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', required: ['label'], properties: { label: { type: 'string' }, size: { type: 'integer' } } } },
          },
        },
        responses: { '201': { description: 'created' } },
      },
    },
    '/v1/widgets/{id}': { get: { responses: { '200': { description: 'one' } } } },
  },
};

function doc(i: number): string {
  const swagger = i % 10 === 0 ? 'swagger: swagger/widgets.json\n' : '';
  const use = i % 7 === 0 ? '  - use: ../shared/owner.md\n' : '';
  return `---
endpoint: "POST /v1/widgets"
domain: bench
tags: [bench, widgets]
${swagger}status: verified
savedAt: "2026-02-08T11:31:40.000Z"
verifiedAt: "2026-02-08T11:31:40.000Z"
timesReused: ${i % 5}
tokens: [staff]
---

# Create widget ${i}

Creates a widget and reads it back. Generated for the lint benchmark.

## Prerequisites

\`\`\`yaml
steps:
${use}  - id: make_label
    method: GET
    path: "/v1/labels/next"
    params: { prefix: "b${i}" }
    extract:
      label: "$.data.label"
\`\`\`

## Test Request

\`\`\`yaml
steps:
  - id: create_widget
    description: "Create widget ${i}"
    method: POST
    path: "/v1/widgets"
    body:
      label: "{{ label }}-{{ timestamp | slice: -4 }}"
      size: ${(i % 9) + 1}
    extract:
      widget_id: "$.data.widget.id"
    expect:
      status: [200, 201]
      body:
        "$.data.widget.id": { exists: true }
        "$.data.widget.size": ${(i % 9) + 1}
  - id: read_widget
    path: "/v1/widgets/{{ widget_id }}"
    expect:
      status: 200
      body:
        "$.data.widget.label": { matches: "^b" }
\`\`\`

| Field | Meaning |
|-------|---------|
| label | shown to users |
| size  | 1 to 9 |
`;
}

function generate(dir: string): void {
  mkdirSync(path.join(dir, 'swagger'), { recursive: true });
  writeFileSync(path.join(dir, 'swagger/widgets.json'), JSON.stringify(SPEC));
  mkdirSync(path.join(dir, 'scenarios/shared'), { recursive: true });
  writeFileSync(
    path.join(dir, 'scenarios/shared/owner.md'),
    '---\nendpoint: "POST /v1/owners"\nstatus: verified\n---\n\n# Owner\n\n```yaml\nsteps:\n  - id: create_owner\n    method: POST\n    path: "/v1/owners"\n    extract:\n      owner_id: "$.id"\n```\n',
  );
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, 'scenarios', `area_${i % 40}`);
    if (i < 40) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `widget_${i}.md`), doc(i));
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'stepdoc-lint-bench-'));
try {
  generate(dir);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [path.join(root, 'bin/stepdoc.js'), 'lint', 'scenarios'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const ms = performance.now() - start;
    const summary = run.stdout.trim().split('\n').pop();
    if (run.status !== 0) throw new Error(`lint exited ${run.status}: ${run.stdout.slice(0, 2000)}${run.stderr}`);
    times.push(ms);
    console.log(`run ${r + 1}: ${ms.toFixed(0)} ms  (${summary})`);
  }
  times.sort((a, b) => a - b);
  console.log(`stepdoc lint, ${count + 1} docs: median ${times[times.length >> 1].toFixed(0)} ms over ${runs} runs`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
