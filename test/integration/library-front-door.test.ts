import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runProject, DiagnosticsError } from '../../src/index.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const SPEC = {
  swagger: '2.0',
  info: { title: 't', version: '1' },
  paths: { '/things': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { id: { type: 'integer' } } } } } } } },
};
const doc = (path: string, tags = '[]') =>
  `---\nendpoint: "GET ${path}"\nswagger: spec.json\nstatus: verified\ntags: ${tags}\n---\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: get\n    path: ${path}\n\`\`\`\n`;

/** The library does what the CLI does, through the same front door (src/app). */
describe('library run() through the front door', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { id: 1 }));
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-lib-door-'));
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
    writeFileSync(join(dir, 'scenarios', 'a.md'), doc('/things', '[alpha]'));
    writeFileSync(join(dir, 'scenarios', 'b.md'), doc('/things'));
  });
  afterAll(() => server.close());

  it('honours mock: every doc passes against the embedded mock, nothing reaches a real server', async () => {
    const before = server.requests.length;
    const result = await run({ cwd: dir, env: {}, paths: ['scenarios'], mock: true });
    expect(result.environment.mock).toBe(true);
    expect(result.summary).toMatchObject({ total: 2, passed: 2 });
    expect(server.requests.length).toBe(before);
  });

  it('honours filters, shard, reporters and record, and says what it did', async () => {
    const outcome = await runProject({ cwd: dir, env: {}, baseUrl: server.url, tags: ['alpha'], reporters: ['json'], reportDir: 'out', record: true });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result?.docs.map((d) => d.displayPath)).toEqual(['scenarios/a.md']);
    expect(outcome.reportFiles).toEqual([join(dir, 'out', 'report.json')]);
    expect(existsSync(join(dir, 'out', 'report.json'))).toBe(true);
    expect(outcome.record?.docs.map((d) => d.state)).toEqual(['written']);
    expect(readFileSync(join(dir, 'scenarios', 'a.md'), 'utf8')).toMatch(/verifiedAt:/);
    const shard = await runProject({ cwd: dir, env: {}, baseUrl: server.url, shard: { index: 1, total: 2 } });
    expect(shard.result?.docs).toHaveLength(1);
  });

  it('a dry run sends and writes nothing; dryRun with record is refused', async () => {
    const before = server.requests.length;
    const dry = await runProject({ cwd: dir, env: {}, baseUrl: server.url, dryRun: true });
    expect(dry.exitCode).toBe(0);
    expect(dry.result?.summary).toMatchObject({ passed: 0, dryRun: 2 });
    const both = await runProject({ cwd: dir, env: {}, baseUrl: server.url, dryRun: true, record: true });
    expect(both).toMatchObject({ exitCode: 2, stopped: { reason: 'usage' } });
    expect(server.requests.length).toBe(before);
  });

  it('an empty selection is an error unless passWithNoDocs', async () => {
    await expect(run({ cwd: dir, env: {}, baseUrl: server.url, tags: ['nope'] })).rejects.toBeInstanceOf(DiagnosticsError);
    const allowed = await runProject({ cwd: dir, env: {}, baseUrl: server.url, tags: ['nope'], passWithNoDocs: true });
    expect(allowed.exitCode).toBe(0);
  });

  it('keepLastRun keeps the failed docs; lastFailed reruns only them', async () => {
    writeFileSync(join(dir, 'scenarios', 'bad.md'), doc('/things/{{ nope }}'));
    const first = await runProject({ cwd: dir, env: {}, baseUrl: server.url, keepGoing: true, keepLastRun: true, reportDir: 'last' });
    expect(first.exitCode).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'last', 'last-run.json'), 'utf8'))).toMatchObject({ failed: [], invalid: ['scenarios/bad.md'] });
    const again = await runProject({ cwd: dir, env: {}, baseUrl: server.url, lastFailed: true, reportDir: 'last' });
    expect(again).toMatchObject({ exitCode: 2, stopped: { reason: 'invalid' } });
    expect(again.diagnostics.every((d) => d.span === undefined || d.span.file.endsWith('bad.md'))).toBe(true);
    rmSync(join(dir, 'scenarios', 'bad.md'));
  });

  it('an unknown option is a TypeError naming it, with a did-you-mean', async () => {
    await expect(run({ cwd: dir, mok: true } as never)).rejects.toThrow(new TypeError('stepdoc: unknown option `mok` (did you mean `mock`?)'));
    await expect(runProject({ cwd: dir, baseURL: 'x' } as never)).rejects.toThrow(/unknown option `baseURL` \(did you mean `baseUrl`\?\)/);
  });
});
