import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { SourceSpan } from '../core/span.js';

export interface SwaggerLocation {
  /** Absolute path of the spec file, when it exists. */
  file?: string;
  diagnostics: Diagnostic[];
}

const SPEC_EXTENSIONS = /\.(json|ya?ml)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage', 'reports']);
const MAX_LISTED = 20_000;
const listings = new Map<string, string[]>();
const lookups = new Map<string, { found?: string; suggestion?: { rel: string; score: number } }>();

/**
 * A doc's `swagger:` value → the spec file: relative to `swaggerRoot`, then to the project root;
 * absolute paths are used when they exist on this machine. Otherwise a `swagger-not-found` warning,
 * with a did-you-mean for a file under the root that has the same trailing path — real docs carry
 * absolute paths from their author's machine (`/Users/…/mcp_swagger/clients.json`).
 */
export function resolveSwaggerPath(value: string, roots: { rootDir: string; swaggerRoot: string }, span?: SourceSpan): SwaggerLocation {
  const rootDir = path.resolve(roots.rootDir);
  const { found, suggestion } = lookUp(value, rootDir, path.resolve(rootDir, roots.swaggerRoot || '.'));
  if (found) return { file: found, diagnostics: [] };
  // An absolute path from the author's machine (`/Users/…/developers-hub/mcp_swagger/clients.json`) means the
  // project's own copy when a folder and the file name match: validation stays on, and the doc says which file.
  if (path.isAbsolute(value) && suggestion && suggestion.score >= 2) {
    const message = `swagger file \`${value}\` is an absolute path from another machine; using \`${suggestion.rel}\` (the same trailing path here)`;
    return {
      file: path.resolve(rootDir, suggestion.rel),
      diagnostics: [warningDiag('swagger-foreign-path', message, span, { help: `write \`swagger: ${suggestion.rel}\`` })],
    };
  }
  const foreign = path.isAbsolute(value) ? ' (an absolute path from another machine?)' : '';
  const message = `swagger file \`${value}\` not found${foreign}; the doc runs without schema validation`;
  const help = suggestion ? `did you mean \`${suggestion.rel}\`?` : undefined;
  return { diagnostics: [warningDiag('swagger-not-found', message, span, help ? { help } : {})] };
}

/**
 * Where a `swagger:` value points, looked up once per process: preflight, validation and the mock ask
 * for every doc, and most docs of a folder name the same spec. clearSwaggerListings() forgets it.
 */
function lookUp(value: string, rootDir: string, swaggerRoot: string): { found?: string; suggestion?: { rel: string; score: number } } {
  const key = `${rootDir}\0${swaggerRoot}\0${value}`;
  let entry = lookups.get(key);
  if (!entry) {
    // The configured swaggerRoot first: a project may hold a spec of the same name (its own copy) at its root.
    const candidates = path.isAbsolute(value) ? [value] : [path.resolve(swaggerRoot, value), path.resolve(rootDir, value)];
    const found = candidates.find(isFile);
    entry = found ? { found } : { suggestion: suggestBySuffix(value, rootDir, swaggerRoot) };
    lookups.set(key, entry);
  }
  return entry;
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The spec under the roots whose path shares the longest tail with `value` (at least the file name). */
function suggestBySuffix(value: string, rootDir: string, swaggerRoot: string): { rel: string; score: number } | undefined {
  const wanted = value.split(/[\\/]+/).filter(Boolean);
  let best: { rel: string; score: number } | undefined;
  for (const root of new Set([rootDir, swaggerRoot])) {
    for (const file of listSpecFiles(root)) {
      const score = sharedTail(wanted, file.split(path.sep));
      if (score === 0) continue;
      const rel = path.relative(rootDir, file).split(path.sep).join('/');
      if (!best || score > best.score || (score === best.score && rel.length < best.rel.length)) best = { rel, score };
    }
  }
  return best;
}

function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Spec-like files under a folder, listed once per process. */
export function listSpecFiles(root: string): string[] {
  const cached = listings.get(root);
  if (cached) return cached;
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0 && out.length < MAX_LISTED) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(path.join(dir, entry.name));
      } else if (SPEC_EXTENSIONS.test(entry.name)) {
        out.push(path.join(dir, entry.name));
      }
    }
  }
  listings.set(root, out);
  return out;
}

/** Forget the file listings and lookups (files changed on disk: watch mode, tests that create files). */
export function clearSwaggerListings(): void {
  listings.clear();
  lookups.clear();
}
