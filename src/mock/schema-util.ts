import type { JsonSchema } from '../openapi/model.js';

export type SchemaObject = Record<string, unknown>;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A schema as an object; `true`, missing or malformed schemas become `{}` (anything goes). */
export function asSchema(schema: JsonSchema | unknown): SchemaObject {
  return isObject(schema) ? schema : {};
}

/** The JSON type of a value, with `integer` for whole numbers. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The types a schema declares (`type: [a, null]`, `nullable: true`), or inferred from its keywords. */
export function declaredTypes(schema: SchemaObject): string[] {
  const raw = schema.type;
  const types = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : typeof raw === 'string' ? [raw] : [];
  if (types.length > 0) return types;
  if (isObject(schema.properties) || Array.isArray(schema.required) || isObject(schema.additionalProperties)) return ['object'];
  if (schema.items !== undefined || Array.isArray(schema.prefixItems)) return ['array'];
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern !== undefined || schema.format !== undefined) return ['string'];
  if (schema.minimum !== undefined || schema.maximum !== undefined) return ['number'];
  return [];
}

/** Does a value have one of the schema's types? Untyped schemas accept everything. */
export function typeFits(schema: SchemaObject, value: unknown): boolean {
  const types = declaredTypes(schema);
  if (types.length === 0) return true;
  const actual = jsonType(value);
  if (actual === 'null') return types.includes('null') || schema.nullable === true;
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/**
 * `allOf` folded into one schema: properties and required lists are united, other keywords taken from
 * the first part that has them. Enough for generating data; validation still sees the real `allOf`.
 */
export function mergeAllOf(schema: SchemaObject): SchemaObject {
  const parts = Array.isArray(schema.allOf) ? schema.allOf.map(asSchema).map(mergeAllOf) : [];
  if (parts.length === 0) return schema;
  const { allOf: _ignored, ...own } = schema;
  const merged: SchemaObject = {};
  const properties: SchemaObject = {};
  const required = new Set<string>();
  for (const part of [...parts, own]) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && isObject(value)) {
        for (const [name, sub] of Object.entries(value)) {
          // The same property constrained by two parts: both apply (e.g. a narrower enum).
          properties[name] = name in properties ? mergeAllOf({ allOf: [asSchema(properties[name]), asSchema(sub)] }) : sub;
        }
      } else if (key === 'enum' && Array.isArray(value) && Array.isArray(merged.enum)) {
        const narrower = (merged.enum as unknown[]).filter((v) => value.some((w) => JSON.stringify(w) === JSON.stringify(v)));
        if (narrower.length > 0) merged.enum = narrower;
      } else if (key === 'required' && Array.isArray(value)) {
        value.forEach((r) => {
          if (typeof r === 'string') required.add(r);
        });
      } else if (merged[key] === undefined) merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}
