import { XMLParser } from 'fast-xml-parser';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '../../src/core/redact.js';
import type { CheckResult, DocResult, RunResult, StepResult } from '../../src/core/result.js';
import type { ReporterOptions } from '../../src/report/reporter.js';
import { summarize } from '../../src/core/run-summary.js';

/** Raw secret values: none of them may appear in any output. */
export const SECRETS = {
  token: 'tok_live_S3CRETvalue123',
  configSecret: 'cfg-secret-XYZ789',
  cliSecret: 'cli-secret-456',
};

/** Strings that break naive XML, HTML and Markdown writers. */
export const NASTY = 'a]]>b <&>"\' \u0000\u0001\u0008\u000b\u000c\u001f tab\there\r\nline 😀 \ud800 </script><script>window.__pwned=1</script> | `x`';

export const ROOT = '/repo';

/**
 * The XML reader the report tests parse with: attributes as `@name`, no value coercion or trimming,
 * entities decoded. `arrays` names elements always read as lists.
 */
export function xmlParser(arrays: readonly string[] = []): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => arrays.includes(name),
  });
}
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();

export function step(id: string, over: Partial<StepResult> & { at?: number; line?: number; file?: string } = {}): StepResult {
  const { at = 0, line = 10, file = `${ROOT}/scenarios/x.md`, ...rest } = over;
  return {
    id,
    phase: 'test',
    status: 'passed',
    span: { file, line, col: 3 },
    checks: [],
    extracted: [],
    attempts: [{ status: 200, durationMs: 40 }],
    startedAt: iso(at),
    durationMs: 40,
    ...rest,
  };
}

export function doc(displayPath: string, status: DocResult['status'], steps: StepResult[], over: Partial<DocResult> & { at?: number } = {}): DocResult {
  const { at = 0, ...rest } = over;
  const file = `${ROOT}/${displayPath}`;
  const duration = steps.reduce((n, s) => n + s.durationMs, 0) + 5;
  return {
    file,
    displayPath,
    tags: [],
    status,
    steps: steps.map((s) => ({ ...s, span: { ...s.span, file } })),
    usedDocs: [],
    diagnostics: [],
    startedAt: iso(at),
    finishedAt: iso(at + duration),
    durationMs: duration,
    ...rest,
  };
}

export function run(docs: DocResult[], over: Partial<RunResult> = {}): RunResult {
  const diagnostics = over.diagnostics ?? [];
  return {
    runId: 'run-fixture-1',
    stepdocVersion: '0.1.0',
    startedAt: iso(0),
    finishedAt: iso(5000),
    durationMs: 5000,
    docs,
    diagnostics,
    summary: summarize(docs, diagnostics),
    interrupted: false,
    environment: { node: 'v20.20.0', platform: 'linux', mock: false, apis: { default: 'http://127.0.0.1:4010', fallback: undefined } },
    ...over,
  };
}

const statusCheck = (expected: unknown, actual: unknown, passed = expected === actual): CheckResult => ({
  kind: 'status',
  name: 'status',
  passed,
  expected,
  actual,
});

/** A run with passes, failures (checks and an HTTP error), skips, an invalid doc, secrets and nasty strings. */
export function mixedRun(): RunResult {
  const auth = { authorization: `Bearer ${SECRETS.token}`, 'content-type': 'application/json' };
  const passed = doc(
    'scenarios/clients/create_client.md',
    'passed',
    [
      step('create', {
        phase: 'setup',
        at: 0,
        line: 12,
        description: 'Create a client',
        extracted: ['client_id'],
        request: { method: 'POST', url: 'http://127.0.0.1:4010/v3/clients', headers: auth, body: { name: 'Ada', note: NASTY }, bodyKind: 'json' },
        response: {
          status: 201,
          headers: { 'content-type': 'application/json' },
          body: { data: { id: 'c_1', name: 'Ada' } },
          bodyText: '{"data":{"id":"c_1","name":"Ada"}}',
          size: 34,
          truncated: false,
          durationMs: 38,
        },
        checks: [statusCheck(201, 201)],
      }),
      step('read', {
        at: 45,
        line: 30,
        request: { method: 'GET', url: 'http://127.0.0.1:4010/v3/clients/c_1', headers: auth },
        response: { status: 200, headers: {}, body: { data: { id: 'c_1' } }, bodyText: '{"data":{"id":"c_1"}}', size: 21, truncated: false, durationMs: 30 },
        checks: [statusCheck(200, 200), { kind: 'body', name: '$.data.id exists', passed: true }],
      }),
    ],
    { domain: 'clients', tags: ['smoke', 'clients'], endpoint: 'POST /v3/clients', title: 'Create a client' },
  );

  const failed = doc(
    'scenarios/payments/transfer.md',
    'failed',
    [
      step('card', {
        phase: 'setup',
        at: 0,
        line: 14,
        request: { method: 'POST', url: 'http://127.0.0.1:4010/v0/cards', headers: auth, body: { pan_last4: '0123' } },
        response: { status: 201, headers: {}, body: { id: 'card_1' }, bodyText: '{"id":"card_1"}', size: 15, truncated: false, durationMs: 50 },
        checks: [statusCheck(201, 201)],
        extracted: ['card_id'],
        durationMs: 50,
      }),
      step('transfer', {
        at: 60,
        line: 40,
        description: 'Push money to the card',
        durationMs: 120,
        status: 'failed',
        request: {
          method: 'POST',
          url: `http://127.0.0.1:4010/v0/transfers?key=${SECRETS.cliSecret}`,
          headers: { ...auth, 'x-api-key': SECRETS.configSecret },
          body: { amount: 500, memo: NASTY },
        },
        response: {
          status: 404,
          headers: { 'x-echo': SECRETS.token },
          body: { error: 'not found', echoed: `Bearer ${SECRETS.token}`, memo: NASTY },
          bodyText: JSON.stringify({ error: 'not found', echoed: `Bearer ${SECRETS.token}` }),
          size: 80,
          truncated: false,
          durationMs: 118,
        },
        checks: [
          { kind: 'status', name: 'status', passed: false, expected: 201, actual: 404, span: { file: 'x', line: 47, col: 7 } },
          { kind: 'body', name: '$.memo equals', passed: false, expected: 'hello', actual: NASTY, message: `echoed ${SECRETS.configSecret}` },
          { kind: 'schema', name: 'response schema', passed: false, severity: 'warning', message: 'additional property `echoed`' },
        ],
      }),
      step('cleanup', {
        phase: 'teardown',
        at: 190,
        line: 60,
        request: { method: 'DELETE', url: 'http://127.0.0.1:4010/v0/cards/card_1', headers: auth },
        response: { status: 204, headers: {}, body: undefined, bodyText: '', size: 0, truncated: false, durationMs: 20 },
        checks: [statusCheck(204, 204)],
        durationMs: 20,
      }),
    ],
    { domain: 'payments', tags: ['money'], endpoint: 'POST /v0/transfers', at: 100 },
  );

  const timeout = doc(
    'scenarios/payments/slow.md',
    'failed',
    [
      step('slow', {
        at: 0,
        line: 9,
        status: 'failed',
        durationMs: 5000,
        error: { code: 'timeout', message: `timeout after 5000 ms (token ${SECRETS.token})` },
        request: { method: 'GET', url: 'http://127.0.0.1:4010/slow', headers: auth },
        attempts: [
          { error: 'timeout', durationMs: 2500 },
          { error: 'timeout', durationMs: 2500 },
        ],
      }),
    ],
    { domain: 'payments', tags: [], at: 200 },
  );

  const skippedStep = doc(
    'scenarios/cards/activate.md',
    'skipped',
    [
      step('lookup', { at: 0, line: 11, checks: [statusCheck(200, 200)] }),
      step('activate', { at: 50, line: 20, status: 'skipped', skipReason: 'card program not enabled in sandbox', durationMs: 0, attempts: [] }),
    ],
    { domain: 'cards', tags: ['smoke'], skipReason: 'card program not enabled in sandbox', at: 300 },
  );

  const skippedDoc = doc('scenarios/cards/legacy.md', 'skipped', [], {
    domain: 'cards',
    tags: ['legacy'],
    skipReason: 'requires test data: a frozen card',
    at: 400,
  });

  return run([passed, failed, timeout, skippedStep, skippedDoc], {
    diagnostics: [
      {
        code: 'unknown-variable',
        severity: 'error',
        message: `unknown variable \`clientid\` near ${SECRETS.cliSecret}`,
        span: { file: `${ROOT}/scenarios/broken.md`, line: 7, col: 19, length: 12 },
        help: 'did you mean `client_id`?',
      },
      { code: 'config-warning', severity: 'warning', message: 'no swagger for domain cards' },
    ],
    environment: { node: 'v20.20.0', platform: 'linux', mock: false, apis: { default: `http://127.0.0.1:4010/?k=${SECRETS.configSecret}` } },
  });
}

export const SOURCES = new Map<string, string>([
  [`${ROOT}/scenarios/broken.md`, '---\nendpoint: GET /x\n---\n# Test\n```yaml\nsteps:\n  - path: "/clients/{{clientid}}"\n```\n'],
]);

export async function tempDir(prefix = 'stepdoc-report-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface Captured {
  text: string;
}

export function options(reportDir: string, over: Partial<ReporterOptions> = {}): ReporterOptions & { captured: Captured } {
  const captured: Captured = { text: '' };
  return {
    rootDir: ROOT,
    reportDir,
    redactor: new Redactor(Object.values(SECRETS)),
    out: {
      write: (chunk: string) => {
        captured.text += chunk;
        return true;
      },
    },
    color: false,
    env: {},
    maxReportBodyChars: 10_000,
    sources: SOURCES,
    quiet: false,
    verbose: false,
    ...over,
    captured,
  };
}

/** Many simple docs for sharding and merging. */
export function manyDocs(n: number): DocResult[] {
  const statuses: DocResult['status'][] = ['passed', 'passed', 'failed', 'skipped'];
  return Array.from({ length: n }, (_, i) => {
    const status = statuses[i % statuses.length];
    const s = step(`s${i}`, {
      status: status === 'failed' ? 'failed' : status === 'skipped' ? 'skipped' : 'passed',
      durationMs: 10 + ((i * 37) % 200),
      checks: [statusCheck(200, status === 'failed' ? 500 : 200)],
      skipReason: status === 'skipped' ? 'not today' : undefined,
    });
    return doc(`scenarios/d${String(i).padStart(3, '0')}/doc-${(i * 7919) % 1000}.md`, status, [s], { at: i * 10, domain: `dom${i % 3}`, tags: [`t${i % 2}`] });
  });
}
