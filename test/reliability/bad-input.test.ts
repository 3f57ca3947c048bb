import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { causeOf, docNamed, faultDoc, readReport, tempProject } from './helpers.js';

const GOOD_DOC = faultDoc('Fine', [{ path: '/ok' }]);
const NO_STACK = /\n\s+at .+:\d+:\d+/;

interface BadInput {
  name: string;
  args: string[];
  files?: Record<string, string>;
  env?: Record<string, string>;
  /** Lines the one clear message must contain. */
  says: Array<string | RegExp>;
}

/** Input refused before anything is sent: one clear message, exit 2. */
const BAD_INPUTS: BadInput[] = [
  { name: 'a path that does not exist', args: ['run', 'nowhere.md'], says: ['error[path-not-found]: no such file or folder: nowhere.md'] },
  { name: 'a folder with no docs', args: ['run', 'empty'], files: { 'empty/notes.txt': 'not a doc' }, says: ['error[no-docs]: no docs (.md files) in empty'] },
  {
    name: 'an unknown config key',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'concurency: 2\n' },
    says: ['error[config-unknown-key]: unknown config key `concurency`', '--> stepdoc.config.yaml:1:1', 'help: did you mean `concurrency`?'],
  },
  {
    name: 'an unknown nested config key',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'retry:\n  atempts: 2\n' },
    says: ['unknown config key `retry.atempts`', 'stepdoc.config.yaml:2:3', 'did you mean `attempts`?'],
  },
  {
    name: 'a config value of the wrong type',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'timeoutMs: soon\n' },
    says: ['error[config-schema]: config `timeoutMs` has the wrong shape', 'stepdoc.config.yaml:1:1'],
  },
  {
    name: 'a retry policy of the wrong type',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'retry:\n  attempts: many\n' },
    says: ['error[config-schema]: config `retry.attempts` has the wrong shape', 'a whole number from 1 to 20'],
  },
  {
    name: 'a rate limit of the wrong type',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'rateLimit:\n  requestsPerSecond: fast\n' },
    says: ['error[config-schema]: config `rateLimit.requestsPerSecond` has the wrong shape', 'stepdoc.config.yaml:2:3'],
  },
  {
    name: 'allowDelete that is not a boolean',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'allowDelete: "yes"\n' },
    says: ['error[config-schema]: config `allowDelete` has the wrong shape', 'expected true or false'],
  },
  {
    name: 'a missing environment variable in ${…}',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'apis:\n  default: ${STEPDOC_TEST_NOT_SET}\n' },
    says: ['error[config-missing-env]: environment variable `STEPDOC_TEST_NOT_SET` is not set', '--> stepdoc.config.yaml:2:12'],
  },
  {
    name: 'a config that is not YAML',
    args: ['run', 'docs'],
    files: { 'stepdoc.config.yaml': 'tokens:\n  staff: [1\n' },
    says: [/error\[yaml-syntax\]: invalid YAML/],
  },
  { name: 'a config file that does not exist', args: ['run', 'docs', '--config', 'missing.yaml'], says: ['cannot read config file missing.yaml'] },
  { name: '--shard 5/4', args: ['run', 'docs', '--shard', '5/4'], says: ['--shard 5/4: expected I/N with 1 ≤ I ≤ N'] },
  { name: '--concurrency 0', args: ['run', 'docs', '--concurrency', '0'], says: ['--concurrency 0: expected a whole number from 1 to 1024'] },
  { name: '--token staff (no value)', args: ['run', 'docs', '--token', 'staff'], says: ['--token staff: expected PROFILE=VALUE'] },
  { name: '--token with nothing after it', args: ['run', 'docs', '--token'], says: ["Option '--token <value>' argument missing"] },
  { name: '--rate-limit 0', args: ['run', 'docs', '--rate-limit', '0'], says: ['--rate-limit 0: expected a whole number from 1'] },
  { name: '--retries 99', args: ['run', 'docs', '--retries', '99'], says: ['--retries 99: expected a whole number from 1 to 20'] },
  { name: 'an unknown flag', args: ['run', 'docs', '--allow-deletes'], says: ['unknown option `--allow-deletes`', 'did you mean `--allow-delete`?'] },
  { name: 'an unknown command', args: ['runn'], says: ['unknown command `runn`'] },
  {
    name: 'a doc with broken YAML',
    args: ['run', 'docs'],
    files: { 'docs/broken.md': GOOD_DOC.replace('    path: "/ok"', '    path: [unclosed') },
    says: [/error\[[a-z-]+\]: .*\n\s*--> docs\/broken\.md:\d+:\d+/],
  },
];

describe('bad input: one clear message, exit 2, never a stack trace', () => {
  it.each(BAD_INPUTS)('$name', async (c) => {
    const dir = tempProject({ 'docs/fine.md': GOOD_DOC, ...c.files });
    const run = await runCli(c.args, { cwd: dir, env: c.env });
    expect(run.code, run.stderr).toBe(2);
    for (const text of c.says) {
      if (typeof text === 'string') expect(run.stderr).toContain(text);
      else expect(run.stderr).toMatch(text);
    }
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('bad input met while running: the step fails with one line naming what was wrong', () => {
  let server: FaultServer;
  let report: ReturnType<typeof readReport>;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    server = await startFaultServer();
    const dir = tempProject({
      'docs/jsonpath.md': faultDoc('No match', [{ path: '/ok', extra: 'extract:\n  client_id: "$.data.client.id"' }]),
      'docs/not-json.md': faultDoc('Not JSON', [{ path: '/not-json', extra: 'extract:\n  client_id: "$.id"' }]),
      'docs/bad-url.md': faultDoc('Bad URL', [{ url: 'http://{{ host }}/x' }], { frontmatter: 'vars:\n  host: "not a host"\n' }),
      'docs/fine.md': GOOD_DOC,
    });
    run = await runCli(['run', 'docs', '--base-url', server.url, '--reporter', 'json', '--reporter', 'console'], { cwd: dir });
    report = readReport(dir);
  });
  afterAll(() => server.close());

  it('exits 1 and runs the other docs', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(docNamed(report, 'fine.md').status).toBe('passed');
    expect(run.stderr + run.stdout).not.toMatch(NO_STACK);
  });

  it('a JSONPath that matches nothing names the path and the nearest part that exists, with its keys', () => {
    expect(causeOf(docNamed(report, 'jsonpath.md').steps[0])).toBe(
      '`client_id`: $.data.client.id matched nothing (the nearest part that exists is `$`, with keys: ok, id, method)',
    );
  });

  it('extracting from a body that is not JSON says so', () => {
    expect(causeOf(docNamed(report, 'not-json.md').steps[0])).toMatch(/^cannot extract `client_id` from \$\.id: the response says JSON but is not: /);
  });

  it('a template that renders to an invalid URL names the URL', () => {
    const step = docNamed(report, 'bad-url.md').steps[0];
    expect(step.error).toMatchObject({ code: 'invalid-url' });
    expect(step.error?.message).toMatch(/^invalid URL `http:\/\/not a host\/x`/);
  });
});
