import path from 'node:path';
import { warningDiag, type Diagnostic } from '../../core/diagnostic.js';
import type { Doc } from '../../core/model.js';
import { loadSpecCached } from '../../openapi/cache.js';
import { resolveSwaggerPath } from '../../openapi/resolve-path.js';
import type { SpecInput } from './compute.js';
import type { MissingSpec } from './model.js';

export interface Roots {
  rootDir: string;
  swaggerRoot: string;
}

export interface Gathered {
  specs: SpecInput[];
  missingSpecs: MissingSpec[];
  docsWithoutSwagger: string[];
  /** Missing or unloadable spec files: warnings, never a crash. */
  warnings: Diagnostic[];
}

/**
 * The I/O half of coverage: each doc's `swagger:` resolved the way the runner resolves it (project
 * root, then swaggerRoot, with a did-you-mean when absent), and each spec file loaded once.
 * `extraSpecs` are absolute files added with `--swagger`, covered by no doc unless one names them.
 */
export async function gatherCoverage(docs: Doc[], extraSpecs: string[], roots: Roots): Promise<Gathered> {
  const byFile = new Map<string, { referencedAs: Set<string>; docs: Doc[] }>();
  const missing = new Map<string, { docs: string[]; help?: string; foreign: boolean }>();
  const docsWithoutSwagger: string[] = [];
  const foreignPaths = new Map<string, Diagnostic[]>();
  for (const file of extraSpecs) entry(byFile, path.resolve(file));
  for (const doc of docs) {
    const value = doc.frontmatter.swagger;
    if (!value) {
      docsWithoutSwagger.push(doc.displayPath);
      continue;
    }
    const location = resolveSwaggerPath(value, roots);
    if (location.file) {
      // Resolved with a warning (an absolute path from another machine): said once per value.
      if (location.diagnostics.length && !foreignPaths.has(value)) foreignPaths.set(value, location.diagnostics);
      const spec = entry(byFile, location.file);
      spec.referencedAs.add(value);
      spec.docs.push(doc);
    } else {
      const seen = missing.get(value) ?? { docs: [], help: location.diagnostics[0]?.help, foreign: path.isAbsolute(value) };
      seen.docs.push(doc.displayPath);
      missing.set(value, seen);
    }
  }
  const warnings: Diagnostic[] = [...[...foreignPaths.values()].flat(), ...[...missing].map(([value, m]) => missingWarning(value, m))];
  const specs = await Promise.all([...byFile].map(([file, s]) => loadInput(file, s, roots, warnings)));
  const missingSpecs = [...missing].map(([swagger, m]) => ({ swagger, docs: m.docs, ...(m.help ? { help: m.help } : {}) }));
  return { specs, missingSpecs, docsWithoutSwagger, warnings };
}

function entry(map: Map<string, { referencedAs: Set<string>; docs: Doc[] }>, file: string) {
  let found = map.get(file);
  if (!found) map.set(file, (found = { referencedAs: new Set(), docs: [] }));
  return found;
}

async function loadInput(file: string, s: { referencedAs: Set<string>; docs: Doc[] }, roots: Roots, warnings: Diagnostic[]): Promise<SpecInput> {
  const load = await loadSpecCached(file);
  const display = specDisplayPath(file, roots);
  const base = { file: display, referencedAs: [...s.referencedAs], docs: s.docs };
  if (load.spec) return { ...base, spec: load.spec };
  const reason = load.diagnostics[0]?.message ?? 'unreadable';
  warnings.push(warningDiag('spec-unreadable', `cannot load ${display}: ${reason}; its ${s.docs.length} doc(s) are not counted`));
  return { ...base, loadError: reason };
}

function missingWarning(value: string, m: { docs: string[]; help?: string; foreign: boolean }): Diagnostic {
  const foreign = m.foreign ? ' (an absolute path from another machine?)' : '';
  const first = m.docs.slice(0, 2).join(', ') + (m.docs.length > 2 ? ', …' : '');
  const message = `swagger file \`${value}\` not found${foreign}; named by ${m.docs.length} doc(s): ${first}`;
  return warningDiag('swagger-not-found', message, undefined, m.help ? { help: m.help } : {});
}

/** Relative to the project root when inside it, else to swaggerRoot, else absolute; always with `/`. */
export function specDisplayPath(file: string, roots: Roots): string {
  for (const root of [roots.rootDir, roots.swaggerRoot]) {
    const rel = path.relative(path.resolve(root), file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return file.split(path.sep).join('/');
}
