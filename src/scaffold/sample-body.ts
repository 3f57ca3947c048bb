import type { Operation } from '../openapi/model.js';
import { selectMedia } from '../openapi/select.js';
import type { SpecValidator } from '../openapi/validate.js';
import { generate } from '../mock/generate.js';
import { asSchema, isObject, mergeAllOf, type SchemaObject } from '../mock/schema-util.js';

export interface SampleBody {
  mediaType: string;
  body: unknown;
}

/**
 * A request body for a draft doc: the spec's own example when it has one and it validates; else the
 * required fields only (with the schema's property examples, enums and formats), else everything the
 * generator produces. The first candidate that passes the spec's own schema wins, so the draft lints clean.
 */
export function sampleBody(operation: Operation, validator: SpecValidator): SampleBody | undefined {
  const content = operation.requestBody?.content ?? {};
  const chosen = selectMedia(content, 'application/json') ?? selectMedia(content, undefined);
  if (!chosen) return undefined;
  const media = chosen.media;
  const full = generate(media.schema, { seed: 1, direction: 'request' });
  const candidates = [media.example, ...Object.values(media.examples ?? {}), pruneToRequired(asSchema(media.schema), full), full].filter(
    (c) => c !== undefined,
  );
  const fits = (candidate: unknown) => {
    const outcome = validator.validateRequest(operation, chosen.key, candidate);
    return !outcome.validated || outcome.violations.length === 0;
  };
  for (const candidate of candidates) if (fits(candidate)) return { mediaType: chosen.key, body: candidate };
  // oneOf/anyOf branches the first pick got wrong: draw other branches, as the mock does on retries.
  for (let seed = 2; seed < 40; seed++) {
    const drawn = generate(media.schema, { seed, direction: 'request', choice: 'random' });
    const pruned = pruneToRequired(asSchema(media.schema), drawn);
    if (fits(pruned)) return { mediaType: chosen.key, body: pruned };
    if (fits(drawn)) return { mediaType: chosen.key, body: drawn };
  }
  return { mediaType: chosen.key, body: full };
}

/** Only the required properties, recursively (composite branches are kept whole: which branch is meant is unknown). */
export function pruneToRequired(raw: SchemaObject, value: unknown): unknown {
  const schema = mergeAllOf(raw);
  if (Array.isArray(value)) return value.map((item) => pruneToRequired(asSchema(schema.items), item));
  if (!isObject(value) || schema.oneOf || schema.anyOf) return value;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (required.has(key)) out[key] = pruneToRequired(asSchema(properties[key]), item);
  }
  return out;
}
