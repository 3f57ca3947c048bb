import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { SourceSpan } from '../core/span.js';

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g;

/**
 * `${NAME}` and `${NAME:-default}` in config strings, from the environment (and .env).
 * A missing variable without a default is an error naming it, never an empty string.
 */
export function interpolate(
  value: unknown,
  env: Record<string, string | undefined>,
  spanOf: (path: string) => SourceSpan | undefined,
  diagnostics: Diagnostic[],
  path = '',
): unknown {
  if (typeof value === 'string') {
    return value.replace(REF, (_whole, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      diagnostics.push(
        errorDiag('config-missing-env', `environment variable \`${name}\` is not set`, spanOf(path), {
          expected: `${name} in the environment or .env`,
          help: `set it, or write \${${name}:-default} for a default`,
        }),
      );
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, spanOf, diagnostics, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, spanOf, diagnostics, path ? `${path}.${k}` : k)]));
  }
  return value;
}
