import { asArray, asObject, asString, isObject } from './util.js';

/**
 * The path prefixes a spec serves its paths under: Swagger 2.0 `basePath`, or the path part of each
 * OAS `servers[].url` (absolute, relative or templated with `{variables}`). '' is always included,
 * because docs often write the path without the prefix.
 */
export function swaggerPrefixes(doc: Record<string, unknown>): string[] {
  return unique([normalisePrefix(asString(doc.basePath) ?? ''), '']);
}

export function serverPrefixes(servers: unknown): string[] {
  const prefixes = asArray(servers)
    .filter(isObject)
    .map((server) => normalisePrefix(serverPath(asString(server.url) ?? '', asObject(server.variables))));
  return unique([...prefixes, '']);
}

function serverPath(url: string, variables: Record<string, unknown>): string {
  const filled = url.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = asObject(variables[name]).default;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : 'x';
  });
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.exec(filled);
  if (absolute) {
    try {
      return decodeURI(new URL(filled).pathname);
    } catch {
      return filled.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    }
  }
  // `//host/v1` (scheme-relative) or `/v1` or `v1`.
  if (filled.startsWith('//')) return filled.replace(/^\/\/[^/]*/, '');
  return filled;
}

/** '/v1/' → '/v1', '/' → '', 'v1' → '/v1'. */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
