import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseShard, readDurations, selectShard } from '../../src/run/shard.js';
import { tempDir } from './fixtures.js';

const item = (displayPath: string) => ({ displayPath });
const paths = (list: { displayPath: string }[]) => list.map((d) => d.displayPath);
const allShards = <T extends { displayPath: string }>(docs: T[], total: number, durations?: Map<string, number>) =>
  Array.from({ length: total }, (_, i) => selectShard(docs, { index: i + 1, total }, durations));

const docsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 60 }).map((l) => l.map(item));

describe('selectShard', () => {
  it('partitions: shards are disjoint and their union is every doc', () => {
    fc.assert(
      fc.property(docsArb, fc.integer({ min: 1, max: 9 }), fc.boolean(), (docs, total, withDurations) => {
        const durations = withDurations ? new Map(docs.map((d, i) => [d.displayPath, (i * 53) % 97])) : undefined;
        const shards = allShards(docs, total, durations);
        const union = shards.flatMap(paths);
        expect(new Set(union).size).toBe(union.length);
        expect([...union].sort()).toEqual(paths(docs).sort());
      }),
    );
  });

  it('is deterministic whatever the input order (stable across machines)', () => {
    fc.assert(
      fc.property(docsArb, fc.integer({ min: 1, max: 5 }), (docs, total) => {
        const reversed = [...docs].reverse();
        const durations = new Map(docs.map((d, i) => [d.displayPath, i % 4]));
        for (let i = 1; i <= total; i++) {
          expect(paths(selectShard(reversed, { index: i, total }))).toEqual(paths(selectShard(docs, { index: i, total })));
          expect(paths(selectShard(reversed, { index: i, total }, durations))).toEqual(paths(selectShard(docs, { index: i, total }, durations)));
        }
      }),
    );
  });

  it('without durations, deals round-robin by path: sizes differ by at most one', () => {
    const docs = ['e', 'a', 'd', 'b', 'c', 'g', 'f'].map(item);
    expect(allShards(docs, 3).map(paths)).toEqual([
      ['a', 'd', 'g'],
      ['b', 'e'],
      ['c', 'f'],
    ]);
    fc.assert(
      fc.property(docsArb, fc.integer({ min: 1, max: 9 }), (list, total) => {
        const sizes = allShards(list, total).map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('with durations, balances time: the longest shard is within one doc of the ideal', () => {
    // Skewed: a few long docs that round-robin would put on the same shard.
    const docs = Array.from({ length: 40 }, (_, i) => item(`doc${String(i).padStart(2, '0')}.md`));
    const durations = new Map(docs.map((d, i) => [d.displayPath, i % 4 === 0 ? 1000 : 10]));
    const load = (shard: { displayPath: string }[]) => shard.reduce((n, d) => n + (durations.get(d.displayPath) ?? 0), 0);
    const balanced = allShards(docs, 4, durations).map(load);
    const roundRobin = allShards(docs, 4).map(load);
    const ideal = [...durations.values()].reduce((a, b) => a + b, 0) / 4;
    expect(Math.max(...balanced)).toBeLessThanOrEqual(ideal + 1000);
    expect(Math.max(...balanced) - Math.min(...balanced)).toBeLessThanOrEqual(1000);
    expect(Math.max(...roundRobin)).toBeGreaterThan(Math.max(...balanced)); // the point of using durations
    expect(Math.max(...balanced)).toBe(3000); // optimal: 10 long docs over 4 shards → at most 3 on one
  });

  it('docs without a known duration count as the median', () => {
    const docs = ['a', 'b', 'c', 'd'].map(item);
    const durations = new Map([
      ['a', 100],
      ['b', 100],
    ]);
    const shards = allShards(docs, 2, durations).map(paths);
    expect(shards).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('rejects impossible shards', () => {
    expect(() => selectShard([], { index: 0, total: 2 })).toThrow(UsageError);
    expect(() => selectShard([], { index: 3, total: 2 })).toThrow(UsageError);
    expect(() => selectShard([], { index: 1, total: 0 })).toThrow(UsageError);
  });
});

describe('parseShard', () => {
  it('reads I/N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, total: 1 });
  });
  it('rejects the rest with help', () => {
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/3']) expect(() => parseShard(bad), bad).toThrow(UsageError);
  });
});

describe('readDurations', () => {
  it('reads display path → duration from a JSON report', async () => {
    const dir = await tempDir();
    const file = join(dir, 'last.json');
    await writeFile(file, JSON.stringify({ docs: [{ displayPath: 'a.md', durationMs: 12 }, { displayPath: 'b.md', durationMs: 30 }, { nope: 1 }] }));
    expect(await readDurations(file)).toEqual(
      new Map([
        ['a.md', 12],
        ['b.md', 30],
      ]),
    );
  });
  it('gives an empty map when the file does not exist yet (first CI run)', async () => {
    expect((await readDurations(join(await tempDir(), 'missing.json'))).size).toBe(0);
  });
  it('a file that is not a report is a usage error', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x.json'), '[1,2');
    await expect(readDurations(join(dir, 'x.json'))).rejects.toThrow(UsageError);
    await writeFile(join(dir, 'y.json'), '{"docs":3}');
    await expect(readDurations(join(dir, 'y.json'))).rejects.toThrow(/no `docs` list/);
  });
});
