import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

/**
 * curl → doc → copy as curl → doc gives the same step, through the real CLI: import, lint clean with
 * the placeholders given as --var, run against a real local server that fails every request, take
 * the curl command of the failed step from the JSON report, import that again.
 */
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const ROUND_TRIP = ['synctera-add-card.sh', 'synctera-me-to-you.sh', 'synctera-reversal.sh', 'synctera-transfer.sh', 'get-with-query.sh', 'form-post.sh'];
const TOKEN_VALUE = 'tok-secret-42xyz';

const validateReport = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema/report.schema.json'), 'utf8')));

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 500, { error: 'boom' }));
  dir = mkdtempSync(join(tmpdir(), 'stepdoc-roundtrip-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function stepsOf(doc: string): unknown[] {
  const block = /```yaml\n([\s\S]*?)```/.exec(doc);
  return (parse(block?.[1] ?? '') as { steps: unknown[] }).steps;
}

/** `{{ name }}` placeholders of a doc, given back as their guide form `{name}`: the rendered request keeps them. */
function varFlags(doc: string): string[] {
  const names = [...new Set([...doc.matchAll(/\{\{ (\w+) \}\}/g)].map((m) => m[1]))];
  return names.flatMap((n) => ['--var', `${n}={${n}}`]);
}

function tokenFlags(doc: string): string[] {
  return [
    ...new Set(
      stepsOf(doc)
        .map((s) => (s as { token: string }).token)
        .filter((t) => t !== 'none'),
    ),
  ].flatMap((t) => ['--token', `${t}=${TOKEN_VALUE}`]);
}

describe('import curl round trip: curl → doc → copy as curl → doc', () => {
  it.each(ROUND_TRIP)('%s', async (name) => {
    const work = mkdtempSync(join(dir, 'case-'));
    const first = await runCli(['import', 'curl', join(FIXTURES, name), '--out', 'scenarios/imported.md'], { cwd: work });
    expect(first.code, first.stderr).toBe(0);
    const doc = readFileSync(join(work, 'scenarios/imported.md'), 'utf8');

    const lint = await runCli(['lint', 'scenarios', ...varFlags(doc)], { cwd: work });
    expect(lint.stdout + lint.stderr).toContain('0 errors, 0 warnings');
    expect(lint.code).toBe(0);

    const run = await runCli(
      [
        'run',
        'scenarios',
        '--base-url',
        server.url,
        ...tokenFlags(doc),
        ...varFlags(doc),
        '--reporter',
        'json',
        '--reporter',
        'html',
        '--report-dir',
        'reports',
      ],
      { cwd: work },
    );
    expect(run.code, run.stderr + run.stdout).toBe(1);
    const report = readFileSync(join(work, 'reports/report.json'), 'utf8');
    const html = readFileSync(join(work, 'reports/report.html'), 'utf8');
    expect(report).not.toContain(TOKEN_VALUE);
    expect(validateReport(JSON.parse(report)), JSON.stringify(validateReport.errors)).toBe(true);
    expect(html).not.toContain(TOKEN_VALUE);
    const failed = (JSON.parse(report) as { docs: Array<{ steps: Array<{ status: string; curl?: string }> }> }).docs[0].steps[0];
    expect(failed.status).toBe('failed');
    expect(failed.curl).toContain('"$STEPDOC_BASE_URL/');
    if (tokenFlags(doc).length) expect(failed.curl).toMatch(/\$STEPDOC_TOKEN_[A-Z_]+"/);
    expect(html).toContain('$STEPDOC_BASE_URL/');

    writeFileSync(join(work, 'copied.sh'), `${failed.curl}\n`);
    const second = await runCli(['import', 'curl', 'copied.sh'], { cwd: work });
    expect(second.code, second.stderr).toBe(0);
    expect(stepsOf(second.stdout)).toEqual(stepsOf(doc));
  });
});

describe('copy as curl in the console', () => {
  it('prints the failed request as curl with --verbose, the token as a reference', async () => {
    const work = mkdtempSync(join(dir, 'console-'));
    await runCli(['import', 'curl', join(FIXTURES, 'synctera-reversal.sh'), '--out', 'scenarios/r.md'], { cwd: work });
    const args = ['run', 'scenarios', '--base-url', server.url, '--token', `apikey=${TOKEN_VALUE}`, '--var', 'external_card_transfer_id=t-1'];
    const quiet = await runCli(args, { cwd: work });
    expect(quiet.stdout).not.toContain('copy as curl');
    const verbose = await runCli([...args, '--verbose'], { cwd: work });
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toContain('copy as curl:');
    expect(verbose.stdout).toContain('curl -X POST "$STEPDOC_BASE_URL/v0/external_cards/transfers/t-1/reversals"');
    expect(verbose.stdout).toContain('-H "Authorization: Bearer $STEPDOC_TOKEN_APIKEY"');
    expect(verbose.stdout + verbose.stderr).not.toContain(TOKEN_VALUE);
  });
});

describe('copy as curl of a step that writes its own Authorization header', () => {
  it('shows the step’s header, not the token profile’s reference', async () => {
    const work = mkdtempSync(join(dir, 'own-auth-'));
    const doc = [
      '---',
      'endpoint: "GET /v1/a"',
      'status: pending',
      '---',
      '# A',
      '',
      '## Test Request',
      '',
      '```yaml',
      'steps:',
      '  - id: a',
      '    method: GET',
      '    path: /v1/a',
      '    token: staff',
      '    headers:',
      '      authorization: "Custom abc"',
      '```',
      '',
    ].join('\n');
    mkdirSync(join(work, 'scenarios'));
    writeFileSync(join(work, 'scenarios/a.md'), doc);
    const run = await runCli(
      ['run', 'scenarios', '--base-url', server.url, '--token', `staff=${TOKEN_VALUE}`, '--reporter', 'json', '--report-dir', 'reports'],
      { cwd: work },
    );
    expect(run.code).toBe(1);
    const curl = JSON.parse(readFileSync(join(work, 'reports/report.json'), 'utf8')).docs[0].steps[0].curl as string;
    expect(curl).toContain("-H 'authorization: Custom abc'");
    expect(curl).not.toContain('STEPDOC_TOKEN_STAFF');
  });
});
