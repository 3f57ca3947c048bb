import { readFileSync } from 'node:fs';
import path from 'node:path';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { LoadedSpec } from '../openapi/model.js';
import { readSpecFile } from '../openapi/read-file.js';
import { isLoadedSpec, lazyEntry, type SpecEntry } from './spec-entry.js';
import { serverPrefixes, swaggerPrefixes } from '../openapi/prefixes.js';
import { listSpecFiles } from '../openapi/resolve-path.js';
import { joinPath, splitPath } from './router.js';
import { escapeRegExp } from '../core/regex.js';

/**
 * The specs the mock serves: every file under `swaggerRoot` matching config `mock.specs`, plus the
 * selected docs' own specs, sorted by path — a stable order that does not depend on which docs were
 * selected, so a doc run alone gets the answers it gets in the batch.
 */
export function mockSpecFiles(docSpecFiles: readonly string[], swaggerRoot: string, globs: readonly string[] = []): string[] {
  const files = new Set(docSpecFiles);
  if (globs.length > 0) {
    const patterns = globs.map(globPattern);
    for (const file of listSpecFiles(swaggerRoot)) {
      const relative = path.relative(swaggerRoot, file).split(path.sep).join('/');
      if (patterns.some((p) => p.test(relative))) files.add(file);
    }
  }
  return [...files].sort();
}

/** `**` any folders, `*` any characters but `/`, `?` one, `{a,b}` either. */
export function globPattern(glob: string): RegExp {
  let source = '';
  const text = glob.replace(/^\.\//, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '*' && text[i + 1] === '*') {
      const slash = text[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const end = text.indexOf('}', i);
      if (end < 0) source += '\\{';
      else {
        source += `(?:${text
          .slice(i + 1, end)
          .split(',')
          .map(escapeRegExp)
          .join('|')})`;
        i = end;
      }
    } else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`);
}

/**
 * Explains a 404: which spec under the root declares the route although the mock does not serve it,
 * or that none does. Unserved specs are read (raw, paths only) on the first 404, once.
 */
export function missingRouteExplainer(served: readonly string[], swaggerRoot: string): (method: string, path: string) => string {
  let others: Array<{ file: string; routes: Array<{ method: string; parts: string[] }> }> | undefined;
  const servedSet = new Set(served);
  return (method, requestPath) => {
    others ??= listSpecFiles(swaggerRoot)
      .filter((f) => !servedSet.has(f))
      .map((file) => ({ file, routes: rawRoutes(file) }));
    const parts = splitPath(requestPath);
    const declaring = others
      .filter((o) => o.routes.some((r) => r.method === method.toUpperCase() && sameShape(r.parts, parts)))
      .map((o) => path.relative(swaggerRoot, o.file));
    if (declaring.length > 0) return `declared in ${declaring.slice(0, 3).join(', ')}, which the mock does not serve (add it to config \`mock.specs\`)`;
    return `declared in none of the ${served.length} served spec(s)${others.length > 0 ? ` nor in the ${others.length} other spec file(s) under swaggerRoot` : ''}`;
  };
}

function rawRoutes(file: string): Array<{ method: string; parts: string[] }> {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return []; // YAML or broken: not worth a parser for an explanation
  }
  const paths = doc && typeof doc.paths === 'object' && doc.paths !== null ? (doc.paths as Record<string, Record<string, unknown>>) : {};
  const prefixes = doc.swagger !== undefined ? swaggerPrefixes(doc) : serverPrefixes(doc.servers);
  const out: Array<{ method: string; parts: string[] }> = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const method of Object.keys(item ?? {})) {
      if (!/^(get|put|post|delete|patch|head|options)$/i.test(method)) continue;
      for (const prefix of prefixes) out.push({ method: method.toUpperCase(), parts: splitPath(joinPath(prefix, template)) });
    }
  }
  return out;
}

function sameShape(template: string[], parts: string[]): boolean {
  return template.length === parts.length && template.every((t, i) => t.includes('{') || t === parts[i]);
}

/** Warnings of a served spec worth repeating in the run's summary: parts it cannot check. */
const REF_WARNINGS = new Set(['spec-remote-ref', 'spec-broken-ref']);

/**
 * The served specs as the mock takes them: the docs' own specs loaded now (the runner's checks load them
 * anyway, and share them), every other one lazy — read for its routes only, loaded on its first request.
 * Warnings (refs still cut, unreadable files) go to `warnings` as each spec loads.
 */
export async function mockSpecEntries(
  files: readonly string[],
  eager: ReadonlySet<string>,
  remoteRefs: Record<string, string> | undefined,
  warnings: Diagnostic[],
): Promise<{ entries: Array<LoadedSpec | SpecEntry>; loaded: LoadedSpec[] }> {
  const { loadSpecCached } = await import('../openapi/cache.js');
  const load = async (file: string): Promise<LoadedSpec | undefined> => {
    const result = await loadSpecCached(file, remoteRefs);
    warnings.push(...(result.spec ? result.spec.warnings.filter((w) => REF_WARNINGS.has(w.code)) : result.diagnostics));
    return result.spec;
  };
  const pending: Array<LoadedSpec | SpecEntry | undefined | Promise<LoadedSpec | undefined>> = [];
  // One file after the other: only its routes are kept, so one parsed file is alive at a time.
  for (const file of files) {
    if (eager.has(file)) {
      pending.push(load(file));
      continue;
    }
    try {
      pending.push(lazyEntry(file, await readSpecFile(file), () => load(file)));
    } catch (error) {
      warnings.push(warningDiag('spec-unreadable', `the mock does not serve ${file}: ${(error as Error).message}`));
    }
  }
  const entries = await Promise.all(pending);
  const present = entries.filter((e): e is LoadedSpec | SpecEntry => e !== undefined);
  return { entries: present, loaded: present.filter(isLoadedSpec) };
}
