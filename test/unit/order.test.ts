import { describe, expect, it } from 'vitest';
import { byDisplayPath } from '../../src/core/order.js';

describe('docs in code-unit order of their display paths', () => {
  it('sorts by UTF-16 code units, the same whatever the locale', () => {
    const paths = ['b/x.md', 'a_b.md', 'B.md', 'a-b.md', 'a/b.md', 'ab.md', 'a1.md', 'é.md'];
    const sorted = paths.map((displayPath) => ({ displayPath })).sort(byDisplayPath);
    expect(sorted.map((d) => d.displayPath)).toEqual(['B.md', 'a-b.md', 'a/b.md', 'a1.md', 'a_b.md', 'ab.md', 'b/x.md', 'é.md']);
  });

  it('keeps equal paths equal', () => {
    expect(byDisplayPath({ displayPath: 'a.md' }, { displayPath: 'a.md' })).toBe(0);
  });
});
