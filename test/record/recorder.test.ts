import { chmod, copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocResult } from '../../src/core/result.js';
import { readFrontmatterValues } from '../../src/record/frontmatter-edit.js';
import { createRecorder, recordFailed } from '../../src/record/recorder.js';
import { docResult, docText, runResult, seedPath, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function sources(...rel: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const r of rel) map.set(path.join(dir, r), await readFile(path.join(dir, r), 'utf8'));
  return map;
}

async function record(docs: DocResult[], runId: string, rel: string[]) {
  const recorder = createRecorder({ rootDir: dir, sources: await sources(...rel) });
  for (const doc of docs) recorder.onEvent({ type: 'doc:end', doc });
  recorder.onEvent({ type: 'run:end', result: runResult(runId, docs) });
  return recorder.settle();
}

const body = (text: string) => text.slice(text.indexOf('\n---', 4));

describe('createRecorder (run --record)', () => {
  it('records the seed doc twice: timesReused 0 → 2, verifiedAt moves, the rest is byte-identical', async () => {
    const file = path.join(dir, 'sync_card.md');
    await copyFile(seedPath, file);
    const original = await readFile(file, 'utf8');

    const first = await record([docResult(dir, 'sync_card.md', 'passed', '2026-03-01T10:00:00.123Z')], 'run-1', ['sync_card.md']);
    const second = await record([docResult(dir, 'sync_card.md', 'passed', '2026-03-02T09:30:00.456Z')], 'run-2', ['sync_card.md']);

    const text = await readFile(file, 'utf8');
    expect(readFrontmatterValues(text)).toMatchObject({
      status: 'verified',
      timesReused: 2,
      verifiedAt: '2026-03-02T09:30:00.456Z',
      savedAt: '2026-02-08T11:31:40.000Z',
    });
    expect(text).toContain('verifiedAt: "2026-03-02T09:30:00.456Z"\n'); // still double-quoted, like the seed
    expect(body(text)).toBe(body(original));
    const changedLines = text.split('\n').filter((l, i) => l !== original.split('\n')[i]);
    expect(changedLines).toEqual(['verifiedAt: "2026-03-02T09:30:00.456Z"', 'timesReused: 2']);
    expect(first.docs[0].changes).toEqual([
      { key: 'verifiedAt', old: '2026-02-08T11:31:40.000Z', new: '2026-03-01T10:00:00.123Z' },
      { key: 'timesReused', old: 0, new: 1 },
    ]);
    expect(second.docs[0]).toMatchObject({ displayPath: 'sync_card.md', state: 'written' });
    expect(recordFailed(second)).toBe(false);
  });

  it('a doc used by two other docs in one run gains 2 (and its status is not changed by being used)', async () => {
    await mkdir(path.join(dir, 'docs'));
    await writeFile(path.join(dir, 'docs/base.md'), docText(['status: pending', 'timesReused: 5']));
    await writeFile(path.join(dir, 'docs/a.md'), docText(['status: verified']));
    await writeFile(path.join(dir, 'docs/b.md'), docText(['status: verified']));
    const summary = await record(
      [
        docResult(dir, 'docs/a.md', 'passed', '2026-03-01T10:00:00.000Z', ['docs/base.md']),
        docResult(dir, 'docs/b.md', 'failed', '2026-03-01T10:00:01.000Z', ['docs/base.md']),
      ],
      'run-1',
      ['docs/base.md', 'docs/a.md', 'docs/b.md'],
    );
    const base = readFrontmatterValues(await readFile(path.join(dir, 'docs/base.md'), 'utf8'));
    expect(base).toMatchObject({ status: 'pending', timesReused: 7 });
    expect(summary.docs.find((d) => d.displayPath === 'docs/base.md')!.changes).toEqual([
      { key: 'timesReused', old: 5, new: 7 },
      { key: 'savedAt', old: undefined, new: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(readFrontmatterValues(await readFile(path.join(dir, 'docs/b.md'), 'utf8'))).toMatchObject({ status: 'failed', timesReused: 1 });
  });

  it('a doc changed on disk since it was read is not overwritten: a conflict, and the run fails', async () => {
    const file = path.join(dir, 'a.md');
    await writeFile(file, docText(['status: pending']));
    const recorder = createRecorder({ rootDir: dir, sources: await sources('a.md') });
    const edited = docText(['status: pending', '# edited by a human during the run']);
    await writeFile(file, edited);
    recorder.onEvent({ type: 'doc:end', doc: docResult(dir, 'a.md', 'passed', '2026-03-01T10:00:00.000Z') });
    const summary = await recorder.settle();
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect(summary.conflicts).toBe(1);
    expect(summary.docs[0]).toMatchObject({ state: 'conflict', changes: [] });
    expect(summary.diagnostics[0]).toMatchObject({ code: 'record-conflict', severity: 'warning' });
    expect(recordFailed(summary)).toBe(true);
  });

  it('leaves skip/skipped/deprecated docs and interrupted docs untouched', async () => {
    for (const [name, status] of [
      ['s1.md', 'skip'],
      ['s2.md', 'skipped'],
      ['s3.md', 'deprecated'],
      ['i.md', 'pending'],
    ]) {
      await writeFile(path.join(dir, name), docText([`status: ${status}`]));
    }
    const before = await sources('s1.md', 's2.md', 's3.md', 'i.md');
    const interrupted = { ...docResult(dir, 'i.md', 'failed', '2026-03-01T10:00:00.000Z'), interrupted: true };
    await record([...['s1.md', 's2.md', 's3.md'].map((n) => docResult(dir, n, 'passed', '2026-03-01T10:00:00.000Z', ['s1.md'])), interrupted], 'run-1', [
      's1.md',
      's2.md',
      's3.md',
      'i.md',
    ]);
    for (const [file, text] of before) expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('keeps the file mode, leaves no temp file, and notes the run in the ledger', async () => {
    const file = path.join(dir, 'a.md');
    await writeFile(file, docText(['status: pending']));
    await chmod(file, 0o640);
    await record([docResult(dir, 'a.md', 'passed', '2026-03-01T10:00:00.000Z')], 'run-42', ['a.md']);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['a.md', 'reports']);
    const ledger = JSON.parse(await readFile(path.join(dir, 'reports/.stepdoc-record-ledger.json'), 'utf8'));
    expect(ledger.applied['run-42'].files).toEqual(['a.md']);
  });

  it('reports a doc whose frontmatter cannot be edited as an error, without writing it', async () => {
    const file = path.join(dir, 'bad.md');
    const text = '---\nstatus: [pending\n---\nbody\n';
    await writeFile(file, text);
    const summary = await record([docResult(dir, 'bad.md', 'passed', '2026-03-01T10:00:00.000Z')], 'run-1', ['bad.md']);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(summary).toMatchObject({ errors: 1, docs: [{ state: 'error' }] });
    expect(summary.diagnostics[0].message).toMatch(/bad\.md: the frontmatter is not valid YAML/);
  });
});
