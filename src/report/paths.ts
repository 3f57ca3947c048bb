import { isAbsolute, relative, sep } from 'node:path';

/** A path as CI tools want it: relative to the repository root, with forward slashes. */
export function repoPath(rootDir: string, file: string): string {
  const rel = isAbsolute(file) ? relative(rootDir, file) : file;
  return rel.split(sep).join('/');
}
