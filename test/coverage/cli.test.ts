import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { discoverDocs } from '../../src/doc/discover.js';
import { DocCache } from '../../src/doc/load.js';
import type { CoverageReport } from '../../src/report/coverage/model.js';
import { fakeIO } from '../report/cli-io.js';
import { REPO_ROOT, runCli, SHARED } from '../support/cli.js';

const DAY = 86_400_000;
const NOW = '2026-12-01T00:00:00.000Z';

async function inProcess(argv: string[], cwd = REPO_ROOT, env: Record<string, string> = {}) {
  const io = fakeIO(cwd, { NO_COLOR: '1', ...env });
  const code = await main(['coverage', ...argv], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('stepdoc coverage over the project (subprocess, built CLI)', () => {
  it('covers every endpoint the scenarios declare, with ages against --now', async () => {
    const run = await runCli(['coverage', '--format', 'json', '--now', NOW]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CoverageReport;
    expect(report.specs.map((s) => s.file)).toEqual(['swagger/sales/legacy/legacy_v1_sales.json', 'swagger/synctera/external_cards.json']);
    expect(report.missingSpecs).toEqual([]);
    expect(report.docsWithoutSwagger).toEqual([]);
    for (const spec of report.specs) expect(spec.unmatched).toEqual([]);

    // Every scenario doc with an endpoint sits under exactly one covered operation.
    const found = await discoverDocs(['scenarios'], REPO_ROOT);
    const cache = new DocCache(REPO_ROOT);
    const docs = await Promise.all(found.files.map((f) => cache.load(f)));
    const declared = docs
      .filter((d) => d.frontmatter.endpoint)
      .map((d) => d.displayPath)
      .sort();
    expect(declared.length).toBeGreaterThan(10);
    const listed = report.specs.flatMap((s) => s.operations.flatMap((o) => o.docs.map((d) => d.doc))).sort();
    expect(listed).toEqual(declared);

    const entries = report.specs.flatMap((s) => s.operations.flatMap((o) => o.docs));
    for (const entry of entries) {
      if (entry.verifiedAt === undefined) expect(entry.age).toBe('never');
      else expect(entry.ageDays).toBe(Math.floor((Date.parse(NOW) - Date.parse(entry.verifiedAt)) / DAY));
    }
    const covered = report.specs.reduce((n, s) => n + s.totals.covered, 0);
    expect(report.totals.covered).toBe(covered);
    expect(report.totals.operations).toBeGreaterThan(covered); // the project specs hold operations no doc declares
  });

  it('prints aligned tables without colour under NO_COLOR', async () => {
    const run = await runCli(['coverage', 'scenarios', '--now', NOW], { env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stdout).toMatch(/^swagger\/sales\/legacy\/legacy_v1_sales\.json — /m);
    expect(run.stdout).toMatch(/^ {2}METHOD {2}PATH +DOC +STATUS +VERIFIED$/m);
    expect(run.stdout).toMatch(/^ {2}POST {4}\/v0\/external_cards\/transfers +scenarios\/synctera\/transfers\/\S+\.md +verified +\d+ d ago$/m);
    expect(run.stdout).toMatch(/— not covered/);
    expect(run.stdout).toMatch(/^Total: 2 specs · \d+ operations · \d+ covered \([\d.]+%\)/m);
  });

  it('rejects an unknown flag with exit 2 and a did-you-mean', async () => {
    const run = await runCli(['coverage', '--fail-undr', '50']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown option `--fail-undr`');
    expect(run.stderr).toContain('did you mean `--fail-under`?');
  });
});

describe('stepdoc coverage over the vcita corpus', () => {
  const corpus = resolve(SHARED, 'corpus/vcita');
  const cwd = mkdtempSync(join(tmpdir(), 'stepdoc-coverage-'));
  writeFileSync(join(cwd, 'corpus.config.yaml'), `swaggerRoot: ${JSON.stringify(corpus)}\n`);

  it('runs from a foreign cwd with swaggerRoot at the corpus; absolute swagger paths use the corpus file of the same folder and name', async () => {
    const run = await runCli(['coverage', join(corpus, 'workflows'), '--config', 'corpus.config.yaml', '--format', 'json', '--now', NOW], { cwd });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CoverageReport;
    expect(report.specs.length).toBeGreaterThan(5);
    expect(report.specs.every((s) => s.loaded)).toBe(true);
    expect(report.totals.operations).toBeGreaterThan(100);
    expect(report.totals.covered).toBeGreaterThan(50);
    expect(report.totals.verifiedCovered).toBeGreaterThan(0);
    expect(report.specs.some((s) => s.file === 'mcp_swagger/sales.json')).toBe(true);
    expect(report.missingSpecs.filter((m) => m.swagger.startsWith('/Users/'))).toEqual([]);
    expect(run.stderr).toMatch(
      /warning\[swagger-foreign-path\]: swagger file `\/Users\/[^`]*mcp_swagger\/clients\.json` is an absolute path from another machine; using `[^`]*mcp_swagger\/clients\.json`/,
    );
  });

  it('prints the console table for the whole corpus', async () => {
    const run = await inProcess([join(corpus, 'workflows'), '--config', 'corpus.config.yaml', '--now', NOW], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^mcp_swagger\/clients\.json — /m);
    expect(run.stdout).toMatch(/not in spec/);
    expect(run.stdout).toMatch(/closest: /);
    expect(run.stdout).toMatch(/Total: \d+ specs · \d+ operations/);
  });
});

describe('stepdoc coverage flags', () => {
  it('--fail-under exits 1 naming the spec below it, 0 when none is', async () => {
    const json = JSON.parse((await inProcess(['--format', 'json'])).stdout) as CoverageReport;
    const lowest = Math.min(...json.specs.map((s) => s.totals.percent!));
    const low = json.specs.find((s) => s.totals.percent === lowest)!;
    const at = await inProcess(['--fail-under', String(lowest)]);
    expect(at.code).toBe(0);
    const above = await inProcess(['--fail-under', String(lowest + 0.1)]);
    expect(above.code).toBe(1);
    expect(above.stderr).toContain(`coverage of ${low.file} is ${lowest}%, below --fail-under ${lowest + 0.1}%`);
    expect(above.stdout).toContain('Total:');
    expect((await inProcess(['--fail-under', '101'])).code).toBe(2);
  });

  it('--swagger adds a spec no doc names, all of it uncovered', async () => {
    const run = await inProcess(['scenarios/sales', '--swagger', 'swagger/synctera/external_cards.json', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CoverageReport;
    const synctera = report.specs.find((s) => s.file === 'swagger/synctera/external_cards.json')!;
    expect(synctera).toMatchObject({ referenced: false, referencedAs: [] });
    expect(synctera.totals).toMatchObject({ covered: 0, percent: 0 });
    expect(synctera.operations.length).toBeGreaterThan(0);
  });

  it('--swagger with a missing file is a usage error with a did-you-mean', async () => {
    const run = await inProcess(['--swagger', 'external_cards.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--swagger external_cards.json: no such file');
    expect(run.stderr).toContain('did you mean `swagger/synctera/external_cards.json`?');
  });

  it('rejects a bad --format, --now or path with exit 2', async () => {
    const format = await inProcess(['--format', 'jsno']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('did you mean `json`?');
    expect((await inProcess(['--now', 'yesterday-ish'])).code).toBe(2);
    const path = await inProcess(['no/such/folder']);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('no such file or folder: no/such/folder');
  });

  it('a spec file that cannot be parsed is a warning, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdoc-coverage-broken-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'broken.json'), '{ "openapi": "3.0.0", "paths": ');
    writeFileSync(join(dir, 'docs/a.md'), '---\nendpoint: "GET /a"\nswagger: broken.json\nstatus: pending\n---\n# A\n');
    const run = await inProcess(['docs', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning\[spec-unreadable\]: cannot load broken\.json/);
    const report = JSON.parse(run.stdout) as CoverageReport;
    expect(report.specs[0]).toMatchObject({ file: 'broken.json', loaded: false, operations: [] });
    expect((await inProcess(['docs', '--fail-under', '100'], dir)).code).toBe(0);
  });

  it('--help prints the flags', async () => {
    const run = await inProcess(['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--config', '--format', '--swagger', '--fail-under', '--now']) expect(run.stdout).toContain(flag);
  });
});
