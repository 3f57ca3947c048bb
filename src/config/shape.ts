import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { deref, walkSchema } from '../core/schema-walk.js';
import { shippedSchema, type JsonSchema } from '../core/shipped-schema.js';
import type { SourceSpan } from '../core/span.js';
import { didYouMean } from '../core/suggest.js';

/**
 * The config file against schema/config.schema.json, with spans: run (config/file.ts) and lint
 * (lint/config-lint.ts) both call this, so they give one verdict on the same file. It checks the
 * values as written (before `${ENV}` is filled in), which is also what editors see.
 */
const root = shippedSchema('config.schema.json');

export interface ConfigSpans {
  keySpans: Record<string, SourceSpan>;
  valueSpans: Record<string, SourceSpan>;
  fallback: SourceSpan;
}

export function checkConfigShape(values: Record<string, unknown>, spans: ConfigSpans): Diagnostic[] {
  return walkSchema(root, root, values).map((finding) => {
    if (finding.unknownKey) {
      const { key, allowed } = finding.unknownKey;
      return errorDiag('config-unknown-key', `unknown config key \`${finding.path}\``, spans.keySpans[finding.path] ?? spans.fallback, {
        help: didYouMean(key, allowed) ?? `known keys: ${allowed.join(', ')}`,
      });
    }
    const span = spans.keySpans[finding.path] ?? spans.valueSpans[finding.path] ?? nearestSpan(finding.path, spans);
    const what = finding.missing ? 'is required' : 'has the wrong shape';
    return errorDiag('config-schema', `config \`${finding.path}\` ${what}`, span, { expected: finding.expected });
  });
}

/** A missing key has no span of its own: point at the nearest mapping that exists (`oauth2:`), not the file's first line. */
function nearestSpan(path: string, spans: ConfigSpans): SourceSpan {
  for (let at = path.lastIndexOf('.'); at > 0; at = path.lastIndexOf('.', at - 1)) {
    const span = spans.keySpans[path.slice(0, at)];
    if (span) return span;
  }
  return spans.fallback;
}

/**
 * The numeric range the schema gives a key (e.g. `['retry', 'attempts']`), for values that only
 * become numbers once `${ENV}` is filled in.
 */
export function rangeOf(...path: string[]): { min: number; max: number } {
  let s: JsonSchema = root;
  for (const key of path) s = deref(root, (deref(root, s).properties as Record<string, JsonSchema>)[key]);
  const branches = (s.oneOf ?? [s]) as JsonSchema[];
  const number = branches.map((b) => deref(root, b)).find((b) => b.type === 'number' || b.type === 'integer') ?? {};
  const min = typeof number.minimum === 'number' ? number.minimum : typeof number.exclusiveMinimum === 'number' ? number.exclusiveMinimum : 0;
  return { min, max: typeof number.maximum === 'number' ? number.maximum : Number.MAX_SAFE_INTEGER };
}
