import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScalarEdits, readFrontmatterValues } from '../../src/record/frontmatter-edit.js';
import { locateFrontmatter } from '../../src/record/frontmatter-locate.js';
import { planChanges } from '../../src/record/plan.js';
import { corpusDir } from './helpers.js';

/** Every real doc (read in place, never copied) records without changing anything but the planned keys. */
function docs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? docs(path.join(dir, e.name)) : e.name.endsWith('.md') && e.name !== 'TEMPLATE.md' ? [path.join(dir, e.name)] : [],
  );
}

describe('recording the real corpus docs', () => {
  const files = docs(corpusDir);

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('changes only the lines of the recorded keys, for a pass and for a failure', () => {
    let edited = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const outcome of ['passed', 'failed'] as const) {
        const changes = planChanges(readFrontmatterValues(text, file), { outcome, finishedAt: '2026-06-01T08:00:00.001Z', reuseIncrement: 2, now: new Date() });
        const out = applyScalarEdits(
          text,
          changes.map((c) => ({ key: c.key, value: c.new })),
          file,
        );
        const a = locateFrontmatter(text)!;
        const b = locateFrontmatter(out)!;
        expect(out.slice(b.contentEnd), file).toBe(text.slice(a.contentEnd));
        const keys = new Set(changes.map((c) => c.key));
        const untouched = (s: string) => s.split('\n').filter((l) => !keys.has(l.split(':')[0] as never));
        expect(untouched(out.slice(0, b.contentEnd)), file).toEqual(untouched(text.slice(0, a.contentEnd)));
        const after = readFrontmatterValues(out);
        for (const c of changes) expect(String(after[c.key])).toBe(String(c.new));
        if (changes.length > 0) edited++;
      }
    }
    // Skipped and deprecated docs are left alone; all the others are recorded.
    expect(edited).toBeGreaterThan(files.length);
  });
});
