import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi/load.js';
import { REPO_ROOT, SHARED } from '../support/cli.js';
import { runCommand } from './helpers.js';

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'stepdoc-new-'));
  cpSync(resolve(REPO_ROOT, 'swagger'), join(project, 'swagger'), { recursive: true });
  const synctera = resolve(SHARED, 'specs/synctera/synctera_openapi.json');
  if (existsSync(synctera)) cpSync(synctera, join(project, 'swagger/vendor/synctera_openapi.json'));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

async function routes(file: string): Promise<string[]> {
  const spec = await loadSpec(join(project, file));
  return spec.operations.map((op) => `${op.method} ${op.prefixes.find(Boolean) ?? ''}${op.path}`);
}

describe('stepdoc new', () => {
  it('writes a complete pending draft with the body, statuses and parameter table from the spec', async () => {
    const run = await runCommand(['new', '--swagger', 'swagger/synctera/external_cards.json', 'POST /v0/external_cards/transfers'], project);
    expect(run.code, run.stderr).toBe(0);
    const file = join(project, 'scenarios/synctera/post_v0_external_cards_transfers.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\nendpoint: "POST \/v0\/external_cards\/transfers"\ndomain: synctera\n/);
    expect(text).toContain('swagger: swagger/synctera/external_cards.json');
    expect(text).toContain('status: pending');
    expect(text).toMatch(/savedAt: "\d{4}-\d\d-\d\dT/);
    expect(text).toContain('## Test Request');
    expect(text).toMatch(/ {4}body:\n {6}amount: \d+/);
    expect(text).toContain('      status: 201');
    expect(text).toContain('## Parameters Reference');
    expect(text).toContain('| `Idempotency-Key` | header | no | string |');
    const lint = await runCommand(['lint', 'scenarios/synctera/post_v0_external_cards_transfers.md'], project);
    expect(lint.stdout).toBe('0 errors, 0 warnings in 1 doc\n');
  });

  it('turns path parameters into doc vars and refuses to overwrite an existing file', async () => {
    const args = ['new', '--swagger', 'swagger/sales/legacy/legacy_v1_sales.json', 'GET /platform/v1/clients/{client_id}', '--out', 'drafts/read_client.md'];
    expect((await runCommand(args, project)).code).toBe(0);
    const text = readFileSync(join(project, 'drafts/read_client.md'), 'utf8');
    expect(text).toMatch(/vars: \{ client_id: ".+" \}/);
    expect(text).toContain('path: /platform/v1/clients/{{ client_id }}');
    const again = await runCommand(args, project);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('error[file-exists]');
    expect(readFileSync(join(project, 'drafts/read_client.md'), 'utf8')).toBe(text);
  });

  it('names the closest operation when the endpoint is not in the spec', async () => {
    const run = await runCommand(['new', '--swagger', 'swagger/synctera/external_cards.json', 'POST /v0/external_card/transfers'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean `POST /v0/external_cards/transfers`?');
  });

  it('drafts every operation of the project specs and the published Synctera spec, all linting clean', async () => {
    const specs = ['swagger/synctera/external_cards.json', 'swagger/sales/legacy/legacy_v1_sales.json'];
    if (existsSync(join(project, 'swagger/vendor/synctera_openapi.json'))) specs.push('swagger/vendor/synctera_openapi.json');
    let drafted = 0;
    for (const spec of specs) {
      for (const route of await routes(spec)) {
        const out = `all/${drafted}.md`;
        const run = await runCommand(['new', '--swagger', spec, route, '--out', out], project);
        expect(run.code, `${route}: ${run.stderr}`).toBe(0);
        drafted++;
      }
    }
    expect(drafted).toBeGreaterThan(20);
    const lint = await runCommand(['lint', 'all', '--format', 'json'], project);
    expect(JSON.parse(lint.stdout)).toEqual([]);
    expect(lint.code).toBe(0);
  });
});
