import { isObject, type JsonObject } from './util.js';

/**
 * OpenAPI `discriminator` + `oneOf`/`anyOf`, rewritten for plain JSON Schema: the branch is chosen
 * by the discriminator property's value (mapping, else the `#/…/schemas/<Name>` name), through an
 * `if`/`then`/`else` chain. A plain `oneOf` fails "must match exactly one schema" whenever the
 * branches do not pin the property themselves (Synctera's transfer request: PUSH and PULL branches
 * both accept either value), which is exactly when specs rely on the discriminator.
 */
export function rewriteDiscriminator(schema: JsonObject, componentsPrefix: string): JsonObject {
  const discriminator = schema.discriminator;
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  const property = isObject(discriminator) ? discriminator.propertyName : undefined;
  const { discriminator: _dropped, ...rest } = schema;
  if (key === undefined || typeof property !== 'string') return rest;
  const branches = (rest[key] as unknown[]).filter((b) => isObject(b) || typeof b === 'boolean');
  const cases = branchCases(branches, isObject(discriminator) ? discriminator.mapping : undefined, componentsPrefix);
  if (cases.every((c) => c.values.length === 0)) return rest; // nothing to pick by: keep the plain oneOf
  delete rest[key];
  const allValues = cases.flatMap((c) => c.values);
  // Unknown value: say which values are allowed, unless some branch has no known value (then any branch may do).
  const fallback: unknown = cases.some((c) => c.values.length === 0)
    ? { anyOf: branches }
    : { required: [property], properties: { [property]: { enum: allValues } } };
  const chain = cases
    .filter((c) => c.values.length > 0)
    .reduceRight<unknown>(
      (elseSchema, c) => ({
        if: { required: [property], properties: { [property]: { enum: c.values } } },
        then: c.branch,
        else: elseSchema,
      }),
      fallback,
    );
  const allOf = Array.isArray(rest.allOf) ? [...rest.allOf, chain] : [chain];
  return { ...rest, allOf };
}

interface BranchCase {
  branch: unknown;
  values: string[];
}

function branchCases(branches: unknown[], mapping: unknown, componentsPrefix: string): BranchCase[] {
  const explicit = isObject(mapping) ? Object.entries(mapping).filter((e): e is [string, string] => typeof e[1] === 'string') : [];
  return branches.map((branch) => {
    const ref = isObject(branch) && typeof branch.$ref === 'string' ? normaliseRef(branch.$ref, componentsPrefix) : undefined;
    if (ref === undefined) return { branch, values: [] };
    const mapped = explicit.filter(([, target]) => normaliseRef(target, componentsPrefix) === ref).map(([value]) => value);
    if (mapped.length > 0) return { branch, values: mapped };
    // Implicit mapping: the schema's name is the value (only when the mapping does not claim that name).
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    const claimed = explicit.some(([value]) => value === name);
    return { branch, values: claimed ? [] : [name] };
  });
}

/** A mapping value may be a bare schema name; refs may be percent-encoded. */
function normaliseRef(ref: string, componentsPrefix: string): string {
  const full = ref.includes('/') || ref.startsWith('#') ? ref : `${componentsPrefix}${ref}`;
  try {
    return decodeURIComponent(full);
  } catch {
    return full;
  }
}
