import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { readFrontmatterValues } from '../../src/record/frontmatter-edit.js';
import { docResult, docText, runResult, seedPath, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function stepdoc(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    cwd: dir,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    signal: new AbortController().signal,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

async function saveReport(name: string, ...args: Parameters<typeof runResult>): Promise<void> {
  await writeFile(path.join(dir, name), JSON.stringify(runResult(...args)));
}

const values = async (rel: string) => readFrontmatterValues(await readFile(path.join(dir, rel), 'utf8'));

describe('stepdoc record REPORT.json', () => {
  it('applies a report, prints old → new per doc, and changes nothing when applied again', async () => {
    await copyFile(seedPath, path.join(dir, 'seed.md'));
    await writeFile(path.join(dir, 'base.md'), docText(['status: pending', 'timesReused: 1']));
    await saveReport('r1.json', 'ci-1', [docResult(dir, 'seed.md', 'passed', '2026-03-05T08:00:00.000Z', ['base.md'])]);

    const first = await stepdoc('record', 'r1.json');
    expect(first.code).toBe(0);
    expect(first.out).toContain('recorded 2 docs');
    expect(first.out).toContain('seed.md  verifiedAt 2026-02-08T11:31:40.000Z → 2026-03-05T08:00:00.000Z · timesReused 0 → 1');
    expect(first.out).toContain('base.md  timesReused 1 → 2');
    const afterFirst = await readFile(path.join(dir, 'seed.md'), 'utf8');

    const second = await stepdoc('record', 'r1.json', '--format', 'json');
    expect(second.code).toBe(0);
    expect(await readFile(path.join(dir, 'seed.md'), 'utf8')).toBe(afterFirst);
    expect(await values('base.md')).toMatchObject({ timesReused: 2 });
    const json = JSON.parse(second.out);
    expect(json.docs.map((d: { state: string }) => d.state)).toEqual(['already-applied', 'already-applied']);
  });

  it('refuses the report of a mock run: it checked the docs against their specs, not the API', async () => {
    await copyFile(seedPath, path.join(dir, 'seed.md'));
    const before = await readFile(path.join(dir, 'seed.md'), 'utf8');
    const mock = runResult('mock-1', [docResult(dir, 'seed.md', 'passed', '2026-03-05T08:00:00.000Z')]);
    await writeFile(path.join(dir, 'mock.json'), JSON.stringify({ ...mock, environment: { ...mock.environment, mock: true } }));
    const { code, err } = await stepdoc('record', 'mock.json');
    expect(code).toBe(2);
    expect(err).toContain('embedded mock');
    expect(await readFile(path.join(dir, 'seed.md'), 'utf8')).toBe(before);
  });

  it("a report older than the doc's verifiedAt does not move it backwards", async () => {
    await copyFile(seedPath, path.join(dir, 'seed.md'));
    await saveReport('old.json', 'ci-old', [docResult(dir, 'seed.md', 'failed', '2026-01-01T00:00:00.000Z')]);
    const { code } = await stepdoc('record', 'old.json');
    expect(code).toBe(0);
    expect(await values('seed.md')).toMatchObject({ status: 'verified', verifiedAt: '2026-02-08T11:31:40.000Z', timesReused: 1 });
  });

  it('applies shard reports oldest first and resolves paths against --root', async () => {
    await writeFile(path.join(dir, 'a.md'), docText(['status: pending']));
    await saveReport('s2.json', 'ci', [docResult(dir, 'a.md', 'failed', '2026-03-02T00:00:00.000Z')]);
    await saveReport('s1.json', 'ci-earlier', [docResult(dir, 'a.md', 'passed', '2026-03-01T00:00:00.000Z')]);
    const { code } = await stepdoc('record', 's2.json', 's1.json', '--root', '.');
    expect(code).toBe(0);
    expect(await values('a.md')).toMatchObject({ status: 'failed', verifiedAt: '2026-03-01T00:00:00.000Z', timesReused: 2 });
  });

  it('exits 1 with a warning when a doc is missing, and 2 for a bad report', async () => {
    await saveReport('r.json', 'ci', [docResult(dir, 'gone.md', 'passed', '2026-03-01T00:00:00.000Z')]);
    const missing = await stepdoc('record', 'r.json');
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('warning[record-error]: gone.md: the doc does not exist');

    await writeFile(path.join(dir, 'broken.json'), '{"runId": ');
    const broken = await stepdoc('record', 'broken.json');
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('report broken.json is not valid JSON');

    await writeFile(path.join(dir, 'other.json'), JSON.stringify({ runId: 'x', docs: [{ displayPath: 'a.md', status: 'ok' }] }));
    expect((await stepdoc('record', 'other.json')).err).toContain('docs[0].status must be passed, failed or skipped');
    expect((await stepdoc('record')).code).toBe(2);
    expect((await stepdoc('record', 'nope.json')).err).toContain('cannot read report nope.json: no such file');
  });

  it('refuses report paths outside the project root', async () => {
    await saveReport('r.json', 'ci', [docResult(dir, '../escape.md', 'passed', '2026-03-01T00:00:00.000Z')]);
    const { code, out } = await stepdoc('record', 'r.json');
    expect(code).toBe(1);
    expect(out).toContain('is outside the project root');
  });
});
