import { declaredKeys, shippedSchema, type JsonSchema } from '../core/shipped-schema.js';

/**
 * The keys of stepdoc.config.yaml and what each means, taken from schema/config.schema.json (the
 * one definition; docs/config.md shows examples). Adding a config key means adding it there.
 */
const root = shippedSchema('config.schema.json');
const properties = root.properties as Record<string, JsonSchema>;

export const CONFIG_KEYS: Record<string, string> = Object.fromEntries(
  declaredKeys(root).map((key) => [key, typeof properties[key].description === 'string' ? (properties[key].description as string) : key]),
);

export type ConfigKey = string;
