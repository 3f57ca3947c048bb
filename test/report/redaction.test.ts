import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as mergeReports } from '../../src/cli/commands/merge-reports.js';
import { toJsonReport } from '../../src/report/json.js';
import { loadReporter } from '../../src/report/registry.js';
import { fakeIO } from './cli-io.js';
import { mixedRun, options, ROOT, SECRETS, SOURCES, tempDir } from './fixtures.js';

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every produced byte, file by file, plus what went to the streams. */
async function everything(dir: string, streams: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...streams };
  for (const file of await allFiles(dir)) out[file] = await readFile(file, 'utf8');
  return out;
}

function expectNoSecrets(outputs: Record<string, string>): void {
  for (const [name, text] of Object.entries(outputs)) {
    for (const secret of Object.values(SECRETS)) expect(text.includes(secret), `${secret} leaked into ${name}`).toBe(false);
  }
}

const FORMATS = ['json', 'junit', 'html', 'github'];

describe('redaction in every report', () => {
  it('the fixture really carries the secrets (headers, URL, bodies, errors, checks, diagnostics, sources)', () => {
    const raw = JSON.stringify(mixedRun()) + [...SOURCES.values()].join('');
    for (const secret of Object.values(SECRETS)) expect(raw).toContain(secret);
  });

  it('no raw secret in report.json, junit.xml, report.html, annotations or the step summary', async () => {
    const dir = await tempDir();
    const summary = join(dir, 'summary.md');
    const sources = new Map([...SOURCES, [`${ROOT}/scenarios/payments/transfer.md`, `token: ${SECRETS.token}\n`]]);
    const opts = options(join(dir, 'reports'), { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }, sources });
    const written: string[] = [];
    for (const name of FORMATS) written.push(...(await (await loadReporter(name))(opts).finish(mixedRun())));
    expect(written.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['reports/junit.xml', 'reports/report.html', 'reports/report.json', 'summary.md']);
    const outputs = await everything(dir, { stdout: opts.captured.text });
    expect(Object.keys(outputs)).toHaveLength(5);
    expectNoSecrets(outputs);
    for (const [name, text] of Object.entries(outputs)) expect(text, name).toContain('***');
  });

  it('merge-reports redacts again with --secret, STEPDOC_SECRET_* and STEPDOC_TOKEN_* (e.g. a report from elsewhere)', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'in'));
    await writeFile(join(dir, 'in/report.json'), JSON.stringify(toJsonReport(mixedRun()))); // not redacted
    const io = fakeIO(dir, { STEPDOC_SECRET_API: SECRETS.configSecret, STEPDOC_TOKEN_STAFF: SECRETS.token, GITHUB_STEP_SUMMARY: join(dir, 'out/summary.md') });
    await mkdir(join(dir, 'out'));
    const args = ['in/report.json', '--secret', SECRETS.cliSecret, '--report-dir', 'out', ...FORMATS.flatMap((f) => ['--reporter', f])];
    expect(await mergeReports(args, io)).toBe(0);
    const outputs = await everything(join(dir, 'out'), { stdout: io.out(), stderr: io.err() });
    expect(Object.keys(outputs).sort()).toEqual([
      join(dir, 'out/junit.xml'),
      join(dir, 'out/report.html'),
      join(dir, 'out/report.json'),
      join(dir, 'out/summary.md'),
      'stderr',
      'stdout',
    ]);
    expectNoSecrets(outputs);
  });
});
