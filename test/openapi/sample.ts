import { randomUUID } from 'node:crypto';

export type Schema = Record<string, unknown>;

/**
 * A value built from a schema's own `example`s (test helper): the spec's examples, assembled.
 * Objects get every property; allOf parts are merged; `overrides` pins values by property name.
 */
export function sampleFromSchema(schema: Schema, overrides: Record<string, unknown> = {}, depth = 0): unknown {
  if (depth > 8) return undefined;
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) Object.assign(merged, sampleFromSchema(part, overrides, depth + 1) as object);
    return merged;
  }
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      out[name] = name in overrides ? overrides[name] : sampleFromSchema(prop, overrides, depth + 1);
    }
    return out;
  }
  if (type === 'array') return [sampleFromSchema((schema.items ?? {}) as Schema, overrides, depth + 1)];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return '2024-01-02T03:04:05Z';
  if (schema.format === 'date') return '2024-01-02';
  return 'text';
}
