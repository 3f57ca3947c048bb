import type { LoadedSpec } from '../openapi/model.js';
import { HTTP_METHODS } from '../openapi/normalize-common.js';
import { serverPrefixes, swaggerPrefixes } from '../openapi/prefixes.js';

/** What routing needs of an operation: its method, its path template and the prefixes it is served under. */
export interface RouteSource {
  method: string;
  path: string;
  prefixes: string[];
}

/**
 * A spec the mock serves. A loaded one has its operations; a lazy one only the routes read from its raw
 * `paths` (no bundling, no normalising, no validators) and is loaded on the first request it answers —
 * so serving every spec of a big project costs little more than reading the files.
 */
export interface SpecEntry {
  file: string;
  routes: RouteSource[];
  spec?: LoadedSpec;
  load?: () => Promise<LoadedSpec | undefined>;
}

export function isLoadedSpec(value: LoadedSpec | SpecEntry): value is LoadedSpec {
  return 'operations' in value;
}

export function loadedEntry(spec: LoadedSpec): SpecEntry {
  return { file: spec.file, spec, routes: spec.operations.map((o) => ({ method: o.method.toUpperCase(), path: o.path, prefixes: o.prefixes })) };
}

/** Routes from a spec's raw document, with the same prefixes the loader gives its operations. */
export function lazyEntry(file: string, raw: unknown, load: () => Promise<LoadedSpec | undefined>): SpecEntry {
  const doc = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const swagger2 = String(doc.swagger ?? '').startsWith('2') || (doc.openapi === undefined && (doc.basePath !== undefined || doc.definitions !== undefined));
  const rootPrefixes = swagger2 ? swaggerPrefixes(doc) : serverPrefixes(doc.servers);
  const routes: RouteSource[] = [];
  const paths = doc.paths && typeof doc.paths === 'object' ? (doc.paths as Record<string, unknown>) : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    const node = item as Record<string, unknown>;
    const itemPrefixes = !swagger2 && Array.isArray(node.servers) ? serverPrefixes(node.servers) : rootPrefixes;
    for (const method of HTTP_METHODS) {
      const op = node[method];
      if (!op || typeof op !== 'object') continue;
      const opServers = (op as Record<string, unknown>).servers;
      routes.push({ method: method.toUpperCase(), path, prefixes: !swagger2 && Array.isArray(opServers) ? serverPrefixes(opServers) : itemPrefixes });
    }
  }
  return { file, routes, load };
}
