import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { writeFiles } from './helpers.js';

/** A project whose spec points at a remote entity: unmapped it is cut (and said everywhere), mapped it is read. */
function project(config: string) {
  return writeFiles({
    'stepdoc.config.yaml': config,
    'site/item.json': { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    'swagger/api.json': {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/items/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'https://site.example.com/entities/item.json' } } } } },
          },
        },
      },
    },
    'docs/get_item.md':
      '---\nendpoint: "GET /items/{id}"\nswagger: swagger/api.json\n---\n# Get item\n\n## Test Request\n```yaml\nsteps:\n  - id: get_item\n    method: GET\n    path: /items/abc\n    token: none\n    extract:\n      item_id: "$.id"\n    expect:\n      status: 200\n```\n',
  });
}

describe('a remote $ref', () => {
  it('still cut: a warning in lint, in the run console summary and in report.json — never in a body', async () => {
    const cwd = project('swaggerRoot: .\n');
    const lint = await runCli(['lint', 'docs'], { cwd });
    expect(lint.stdout + lint.stderr).toContain('warning[spec-remote-ref]');
    const run = await runCli(['run', 'docs', '--mock', '--reporter', 'console', '--reporter', 'json', '--report-dir', 'out'], { cwd });
    expect(run.stdout).toContain('warning[spec-remote-ref]');
    const text = readFileSync(join(cwd, 'out/report.json'), 'utf8');
    expect(JSON.parse(text).diagnostics.map((d: { code: string }) => d.code)).toContain('spec-remote-ref');
    expect(text).not.toContain('x-stepdoc-unresolved-ref');
  }, 60_000);

  it('mapped by remoteRefs: read from the local folder, nothing cut, the mock answers the schema', async () => {
    const cwd = project('swaggerRoot: .\nremoteRefs:\n  "https://site.example.com/entities/": site/\n');
    const lint = await runCli(['lint', 'docs'], { cwd });
    expect(lint.stdout + lint.stderr).not.toContain('spec-remote-ref');
    const run = await runCli(['run', 'docs', '--mock', '--reporter', 'json', '--report-dir', 'out'], { cwd });
    const report = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'));
    expect(report.diagnostics.map((d: { code: string }) => d.code)).not.toContain('spec-remote-ref');
    expect([run.code, report.summary.passed]).toEqual([0, 1]);
  }, 60_000);
});
