import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

/**
 * Run cases as files (Hurl-style): each folder of test/cases/run holds the doc(s) (and maybe a
 * config or a swagger file) and
 *   args             the CLI arguments, one per line (`{{base_url}}`: the test server, `{{port}}`: its port)
 *   expected-output  stdout, then `--- stderr ---` and stderr when there is any (normalised: durations,
 *                    ports, temp dirs, timestamps, run ids)
 *   exit-code        the exit code
 *   requests         how many requests the test server on 127.0.0.1 received
 *   expected-report.json  (optional) must match reports/report.json (a subset, toMatchObject)
 * Every .md file of the case must be byte-identical after the run unless the case holds `writes-docs`.
 * The case is copied to a temp dir and run there with the real CLI. STEPDOC_UPDATE_FIXTURES=1
 * rewrites expected-output, exit-code and requests (review the diff before committing).
 *
 * The server answers 500 to paths starting /fail, 204 to DELETE, else 200 `{"id": 1, "ok": true}`.
 */
const CASES = resolve(REPO_ROOT, 'test/cases/run');
const cases = readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const update = process.env.STEPDOC_UPDATE_FIXTURES === '1';

function read(dir: string, name: string): string | undefined {
  const file = join(dir, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function markdownFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory() && e.name !== 'reports') walk(full);
      else if (e.name.endsWith('.md')) out.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

export function normalise(text: string, dir: string, port: string): string {
  return text
    .split(dir).join('<dir>')
    .replace(new RegExp(`\\b${port}\\b`, 'g'), '<port>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/\b\d+(\.\d+)? (ms|s)\b/g, '<duration>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}

describe('run cases', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.path.startsWith('/fail')) return sendJson(res, 500, { error: 'boom' });
      if (req.method === 'DELETE') return void res.writeHead(204).end();
      sendJson(res, 200, { id: 1, ok: true });
    });
  });
  afterAll(() => server.close());

  it('has a case for every row', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.for(cases)('%s', async (name) => {
    const source = join(CASES, name);
    const dir = mkdtempSync(join(tmpdir(), `stepdoc-case-${name}-`));
    try {
      cpSync(source, dir, { recursive: true });
      const before = markdownFiles(dir);
      const port = new URL(server.url).port;
      const args = (read(dir, 'args') ?? '').split('\n').filter((l) => l.trim() !== '')
        .map((a) => a.replaceAll('{{base_url}}', server.url).replaceAll('{{port}}', port));
      const seen = server.requests.length;
      const run = await runCli(args, { cwd: dir });
      const output = normalise(run.stdout + (run.stderr ? `--- stderr ---\n${run.stderr}` : ''), dir, port);
      const requests = server.requests.length - seen;
      if (update) {
        writeFileSync(join(source, 'expected-output'), output);
        writeFileSync(join(source, 'exit-code'), `${run.code}\n`);
        writeFileSync(join(source, 'requests'), `${requests}\n`);
      }
      expect(output).toBe(read(source, 'expected-output'));
      expect(run.code).toBe(Number(read(source, 'exit-code')?.trim()));
      expect(requests).toBe(Number(read(source, 'requests')?.trim()));
      if (!existsSync(join(source, 'writes-docs'))) expect(markdownFiles(dir)).toEqual(before);
      const report = read(source, 'expected-report.json');
      if (report) expect(JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8'))).toMatchObject(JSON.parse(report));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
