import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontmatterValues } from '../../src/record/frontmatter-edit.js';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const front = (endpoint: string) => `---\nendpoint: "${endpoint}"\nstatus: pending\ntimesReused: 0\n---\n`;
const base = `${front('POST /base')}## Test Request\n\`\`\`yaml\nsteps:\n  - id: make\n    method: POST\n    path: /base\n    extract:\n      base_id: "$.id"\n\`\`\`\n`;
const user = (i: number) =>
  `${front(`GET /user/${i}`)}## Prerequisites\n\`\`\`yaml\nsteps:\n  - use: ./base.md\n\`\`\`\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: get\n    path: "/user/${i}/{{ base_id }}"\n\`\`\`\n`;

/**
 * Shards of one CI run, their merged report, and `stepdoc record` of any mix of them in any order:
 * every execution (a doc's own run and each run through `use:`) is counted once.
 */
describe('stepdoc record of shard reports and their merged report', () => {
  let server: TestServer;
  let project: string;
  let reports: string;
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { id: 'b-1' }));
    reports = mkdtempSync(join(tmpdir(), 'stepdoc-shard-reports-'));
    project = join(reports, 'template');
    mkdirSync(project);
    writeFileSync(join(project, 'base.md'), base);
    for (let i = 0; i < 4; i++) writeFileSync(join(project, `user${i}.md`), user(i));
    for (const shard of [1, 2]) {
      const r = await runCli(
        ['run', '.', '--shard', `${shard}/2`, '--base-url', server.url, '--reporter', 'json', '--report-dir', join(reports, `s${shard}`)],
        { cwd: project },
      );
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    const merged = await runCli(
      ['merge-reports', join(reports, 's1/report.json'), join(reports, 's2/report.json'), '--reporter', 'json', '--report-dir', join(reports, 'merged')],
      { cwd: project },
    );
    expect(merged.code, merged.stderr).toBe(0);
  });
  afterAll(async () => {
    await server.close();
    rmSync(reports, { recursive: true, force: true });
  });

  /** A fresh copy of the docs, the given reports applied in order; returns timesReused per doc. */
  async function applyInOrder(order: string[]): Promise<Record<string, unknown>> {
    const dir = mkdtempSync(join(reports, 'apply-'));
    for (const name of ['base.md', 'user0.md', 'user1.md', 'user2.md', 'user3.md']) copyFileSync(join(project, name), join(dir, name));
    for (const name of order) {
      const r = await runCli(['record', join(reports, name, 'report.json')], { cwd: dir });
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    const out: Record<string, unknown> = {};
    for (const name of ['base.md', 'user0.md', 'user1.md', 'user2.md', 'user3.md']) {
      out[name] = readFrontmatterValues(readFileSync(join(dir, name), 'utf8')).timesReused;
    }
    return out;
  }

  // base.md runs once as a selected doc and once per user doc through `use:`: 1 + 4.
  const once = { 'base.md': 5, 'user0.md': 1, 'user1.md': 1, 'user2.md': 1, 'user3.md': 1 };

  it('the merged report names the runs it came from and, per doc, the run that executed it', () => {
    const merged = JSON.parse(readFileSync(join(reports, 'merged/report.json'), 'utf8')) as { mergedFrom: string[]; docs: Array<{ origin: string }> };
    expect(merged.mergedFrom).toHaveLength(2);
    expect(merged.mergedFrom.every((k) => /#[12]\/2$/.test(k))).toBe(true);
    expect(new Set(merged.docs.map((d) => d.origin))).toEqual(new Set(merged.mergedFrom));
  });

  it.each([[['merged']], [['s1', 's2']], [['s1', 'merged']], [['merged', 's2']], [['s2', 'merged', 's1']], [['s1', 's2', 'merged', 'merged', 's1']]])(
    'applying %j counts each execution once',
    async (order) => {
      expect(await applyInOrder(order)).toEqual(once);
    },
  );
});
