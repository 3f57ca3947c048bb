import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { command as mergeReports } from '../../src/cli/commands/merge-reports.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { DocResult, RunResult } from '../../src/core/result.js';
import { createJsonReporter } from '../../src/report/json.js';
import { createJunitReporter } from '../../src/report/junit.js';
import { mergeRunResults } from '../../src/report/merge.js';
import { summarize } from '../../src/core/run-summary.js';
import { selectShard } from '../../src/run/shard.js';
import { fakeIO } from './cli-io.js';
import { manyDocs, options, ROOT, run, tempDir } from './fixtures.js';

const BROKEN = 'scenarios/d999/broken.md';
const runWarning: Diagnostic = { code: 'config-warning', severity: 'warning', message: 'no swagger configured' };
const invalid: Diagnostic = { code: 'yaml-syntax', severity: 'error', message: 'bad indentation', span: { file: `${ROOT}/${BROKEN}`, line: 4, col: 1 } };

function unsharded(): RunResult {
  return run(manyDocs(30), { runId: 'full', diagnostics: [runWarning, invalid] });
}

/** What a shard run reports: its docs, its invalid docs, the run-level warning again, its own timings. */
function shardRun(full: RunResult, index: number, total: number): RunResult {
  const candidates: { displayPath: string; doc?: DocResult }[] = [...full.docs.map((doc) => ({ displayPath: doc.displayPath, doc })), { displayPath: BROKEN }];
  const mine = selectShard(candidates, { index, total });
  const docs = mine.flatMap((c) => (c.doc ? [c.doc] : []));
  const diagnostics = [runWarning, ...(mine.some((c) => c.displayPath === BROKEN) ? [invalid] : [])];
  const startedAt = new Date(Date.parse(full.startedAt) + index * 1000).toISOString();
  return {
    ...full,
    runId: `shard-run-${index}`,
    docs,
    diagnostics,
    summary: summarize(docs, diagnostics),
    shard: { index, total },
    startedAt,
    finishedAt: new Date(Date.parse(startedAt) + 2000).toISOString(),
    durationMs: 2000,
  };
}

const timingless = (report: Record<string, unknown>) => ({ ...report, runId: 'x', startedAt: 'x', finishedAt: 'x', durationMs: 0 });
/** A merged run also says which shard run executed each doc (for recording): set aside to compare. */
const provenanceless = ({ mergedFrom: _from, docs, ...report }: Record<string, unknown>) => ({
  ...report,
  docs: (docs as Array<Record<string, unknown>>).map(({ origin: _origin, ...doc }) => doc),
});
const junitTimingless = (xml: string) => xml.replace(/^(<testsuites [^\n]*?) time="[^"]*" timestamp="[^"]*"/m, '$1');

describe('merging shard reports', () => {
  it('merge-reports of 3 shards writes the same JSON and JUnit as the unsharded run (timings aside)', async () => {
    const dir = await tempDir();
    const full = unsharded();
    await createJsonReporter(options(join(dir, 'full'))).finish(full);
    await createJunitReporter(options(join(dir, 'full'))).finish(full);
    const inputs: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const shard = shardRun(full, i, 3);
      expect(shard.docs.length).toBe(10);
      await createJsonReporter(options(join(dir, `shard-${i}`))).finish(shard);
      inputs.push(`shard-${i}/report.json`);
    }
    const io = fakeIO(dir);
    const code = await mergeReports([...inputs.reverse(), '--reporter', 'json', '--reporter', 'junit', '--report-dir', 'merged', '--root-dir', ROOT], io);
    expect(code).toBe(0);
    expect(io.err()).toContain('merged 3 reports: 31 docs (16 passed, 7 failed, 7 skipped, 1 invalid)');

    const read = async (p: string) => readFile(join(dir, p), 'utf8');
    const merged = JSON.parse(await read('merged/report.json'));
    const expected = JSON.parse(await read('full/report.json'));
    expect(merged).not.toHaveProperty('shard');
    expect(merged.startedAt).toBe(new Date(Date.parse(full.startedAt) + 1000).toISOString());
    expect(merged.finishedAt).toBe(new Date(Date.parse(full.startedAt) + 5000).toISOString());
    expect(timingless(provenanceless(merged))).toEqual(timingless(expected));
    expect(merged.mergedFrom).toEqual(['shard-run-1#1/3', 'shard-run-2#2/3', 'shard-run-3#3/3']);
    expect(merged.docs.filter((d: { origin: string }) => d.origin === 'shard-run-2#2/3')).toHaveLength(10);
    expect(junitTimingless(await read('merged/junit.xml')).split('\n')).toEqual(junitTimingless(await read('full/junit.xml')).split('\n'));
  });

  it('keeps a run id shared by every shard, and derives a stable one otherwise', () => {
    const full = unsharded();
    const shards = [1, 2].map((i) => shardRun(full, i, 2));
    expect(mergeRunResults(shards.map((s) => ({ ...s, runId: 'gh-123' }))).runId).toBe('gh-123');
    const a = mergeRunResults(shards).runId;
    expect(a).toMatch(/^merged-[0-9a-f]{16}$/);
    expect(mergeRunResults([...shards].reverse()).runId).toBe(a);
  });

  it('refuses overlapping shards and files that are not reports (exit 2 with a clear message)', async () => {
    const dir = await tempDir();
    const full = unsharded();
    await createJsonReporter(options(join(dir, 'a'))).finish(shardRun(full, 1, 2));
    await createJsonReporter(options(join(dir, 'b'))).finish(shardRun(full, 1, 2));
    await mkdir(join(dir, 'c'));
    await writeFile(join(dir, 'c/report.json'), '{"hello": "world"}');

    let io = fakeIO(dir);
    expect(await main(['merge-reports', 'a/report.json', 'b/report.json'], io)).toBe(2);
    expect(io.err()).toMatch(/appear in more than one report/);
    io = fakeIO(dir);
    expect(await main(['merge-reports', 'a/report.json', 'c/report.json'], io)).toBe(2);
    expect(io.err()).toContain('c/report.json is not a stepdoc JSON report');
    io = fakeIO(dir);
    expect(await main(['merge-reports', 'nope.json'], io)).toBe(2);
    expect(io.err()).toContain('cannot read report');
    io = fakeIO(dir);
    expect(await main(['merge-reports'], io)).toBe(2);
    io = fakeIO(dir);
    expect(await main(['merge-reports', 'a/report.json', '--reporter', 'htm'], io)).toBe(2);
    expect(io.err()).toContain('did you mean `html`?');
    io = fakeIO(dir);
    expect(await main(['merge-reports', 'a/report.json', '--bogus'], io)).toBe(2);
  });

  it('--gate makes the merged run decide the exit code', async () => {
    const dir = await tempDir();
    await createJsonReporter(options(join(dir, 'a'))).finish(run(manyDocs(3)));
    const io = fakeIO(dir);
    expect(await mergeReports(['a/report.json', '--gate', '--quiet', '--report-dir', 'out'], io)).toBe(1);
    expect(io.err()).toBe('');
  });
});
