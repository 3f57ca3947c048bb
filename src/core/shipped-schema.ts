import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The shipped JSON Schemas (schema/*.json, the files editors use) are the one definition of step
 * blocks, expect, extract, retry and the config. They are read once, synchronously (a few KB of
 * JSON), from schema/ next to src/ and dist/.
 */
export type JsonSchema = { [key: string]: unknown };

const files = new Map<string, JsonSchema>();

export function shippedSchema(name: 'steps.schema.json' | 'config.schema.json'): JsonSchema {
  let schema = files.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(fileURLToPath(new URL(`../../schema/${name}`, import.meta.url)), 'utf8')) as JsonSchema;
    files.set(name, schema);
  }
  return schema;
}

/** A definition of a shipped schema (`step`, `expect`, …). */
export function schemaDefinition(root: JsonSchema, name: string): JsonSchema {
  const found = isRecord(root.definitions) ? (root.definitions as Record<string, JsonSchema>)[name] : undefined;
  if (!found) throw new Error(`schema definition ${name} not found`);
  return found;
}

/** The keys a schema object declares (its `properties`), in schema order: the parser's key lists. */
export function declaredKeys(schema: JsonSchema): string[] {
  return isRecord(schema.properties) ? Object.keys(schema.properties) : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
