import { describe, expect, it } from 'vitest';
import { affectedDocs } from '../../src/ui/affected.js';
import type { DocEntry } from '../../src/ui/types.js';

const entry = (file: string, uses: string[] = [], spec?: string): DocEntry => ({
  file,
  displayPath: file,
  folder: '.',
  tags: [],
  status: 'verified',
  uses,
  spec,
  errors: [],
});

// base ← mid ← top (top uses mid, mid uses base); other stands alone with its own spec.
const entries = [
  entry('/p/base.md', [], '/p/a.json'),
  entry('/p/mid.md', ['/p/base.md']),
  entry('/p/top.md', ['/p/mid.md']),
  entry('/p/other.md', [], '/p/b.json'),
];
const all = new Set(entries.map((e) => e.file));

describe('what a change re-runs', () => {
  it('the changed doc and every doc that uses it, directly or not', () => {
    expect(affectedDocs(new Set(['/p/base.md']), entries, all)).toEqual(['/p/base.md', '/p/mid.md', '/p/top.md']);
    expect(affectedDocs(new Set(['/p/top.md']), entries, all)).toEqual(['/p/top.md']);
  });

  it('the docs whose spec changed, and their users', () => {
    expect(affectedDocs(new Set(['/p/b.json']), entries, all)).toEqual(['/p/other.md']);
    expect(affectedDocs(new Set(['/p/a.json']), entries, all)).toEqual(['/p/base.md', '/p/mid.md', '/p/top.md']);
  });

  it('only among the docs last run; nothing for an unrelated file', () => {
    expect(affectedDocs(new Set(['/p/base.md']), entries, new Set(['/p/top.md', '/p/other.md']))).toEqual(['/p/top.md']);
    expect(affectedDocs(new Set(['/p/readme.md']), entries, all)).toEqual([]);
  });

  it('ends on a use cycle', () => {
    const cyclic = [entry('/p/x.md', ['/p/y.md']), entry('/p/y.md', ['/p/x.md'])];
    expect(affectedDocs(new Set(['/p/x.md']), cyclic, new Set(['/p/x.md', '/p/y.md']))).toEqual(['/p/x.md', '/p/y.md']);
  });
});
