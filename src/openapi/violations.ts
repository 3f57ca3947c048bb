import type { ErrorObject } from 'ajv';
import type { SchemaViolation } from './model.js';

const MAX_VIOLATIONS = 20;
/** Errors that only say "a sub-schema failed": the sub-schema's own errors say more. */
const WRAPPERS = new Set(['if', 'allOf', '$ref']);

/** ajv errors → readable violations: pointer at the offending value, the rule, the value. */
export function toViolations(errors: readonly ErrorObject[] | null | undefined): SchemaViolation[] {
  if (!errors || errors.length === 0) return [];
  const specific = errors.filter((e) => !WRAPPERS.has(e.keyword));
  const chosen = specific.length > 0 ? specific : [...errors];
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  for (const error of chosen) {
    const violation = toViolation(error);
    const key = `${violation.pointer}\u0000${violation.rule}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(violation);
    if (out.length >= MAX_VIOLATIONS) break;
  }
  return out;
}

function toViolation(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const message = error.message ?? `fails \`${error.keyword}\``;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return {
      pointer: child(error.instancePath, params.missingProperty),
      rule: 'required',
      message: 'is required but missing',
      expected: { required: [params.missingProperty] },
    };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    const pointer = child(error.instancePath, params.additionalProperty);
    const value = (error.data as Record<string, unknown> | undefined)?.[params.additionalProperty];
    return { pointer, rule: 'additionalProperties', message: 'is not an allowed property', value, expected: { additionalProperties: false } };
  }
  return { pointer: error.instancePath, rule: error.keyword, message, value: error.data, expected: expectedOf(error) };
}

function child(pointer: string, property: string): string {
  return `${pointer}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The rule as the spec states it (`{ type: 'string' }`), or ajv's params when the fragment is large. */
function expectedOf(error: ErrorObject): unknown {
  const fragment = { [error.keyword]: error.schema };
  const text = JSON.stringify(fragment);
  return text !== undefined && text.length <= 400 ? fragment : { [error.keyword]: error.params };
}
