import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { errorDiag, type Diagnostic } from '../core/diagnostic.js';

export interface Discovered {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Files named explicitly (not found by walking a folder): they are docs even without frontmatter. */
  explicit: Set<string>;
  diagnostics: Diagnostic[];
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'reports']);

/** Files and folders → the Markdown files in them (folders walked recursively). */
export async function discoverDocs(paths: string[], cwd: string): Promise<Discovered> {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      diagnostics.push(errorDiag('path-not-found', `no such file or folder: ${path}`, undefined, { expected: 'a doc (.md) or a folder of docs' }));
    } else if (info.isDirectory()) {
      const before = files.size;
      await walk(absolute, files);
      if (files.size === before)
        diagnostics.push(errorDiag('no-docs', `no docs (.md files) in ${path}`, undefined, { expected: 'a folder with Markdown endpoint docs' }));
    } else {
      files.add(absolute);
      explicit.add(absolute);
    }
  }
  return { files: [...files].sort(), explicit, diagnostics };
}

async function walk(dir: string, into: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) await walk(path, into);
    } else if (entry.isFile() && /\.md$/i.test(entry.name)) into.add(path);
  }
}
