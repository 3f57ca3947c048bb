import type { DocEntry } from './types.js';

/**
 * What a change on disk re-runs: among `candidates` (the docs last run), those that changed, those
 * whose spec changed, and those that `use:` a changed doc — directly or through other docs.
 */
export function affectedDocs(changed: ReadonlySet<string>, entries: readonly DocEntry[], candidates: ReadonlySet<string>): string[] {
  const users = new Map<string, string[]>();
  for (const entry of entries) {
    for (const used of entry.uses) users.set(used, [...(users.get(used) ?? []), entry.file]);
  }
  const hit = new Set<string>();
  const queue = entries.filter((e) => changed.has(e.file) || (e.spec !== undefined && changed.has(e.spec))).map((e) => e.file);
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (hit.has(file)) continue;
    hit.add(file);
    queue.push(...(users.get(file) ?? []));
  }
  return [...hit].filter((f) => candidates.has(f)).sort();
}
