import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import { rewriteDiscriminator } from './discriminator.js';
import type { SpecVersion } from './model.js';
import { isObject, type JsonObject } from './util.js';

const MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
const SINGLE_KEYWORDS = new Set([
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
]);
const ARRAY_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Annotations and OpenAPI-only keywords that mean nothing to ajv (or trip it, like `$schema`/`$id`). */
const DROPPED = new Set([
  'example',
  'examples',
  'xml',
  'externalDocs',
  '$schema',
  '$id',
  'nullable',
  'x-nullable',
  'readOnly',
  'writeOnly',
  'deprecated',
  'description',
  'title',
  '$comment',
]);
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export interface ConvertedDocument {
  document: JsonObject;
  /** Every `format` value met in a schema. */
  formats: Set<string>;
  warnings: Diagnostic[];
}

/**
 * A copy of the bundled document in which every schema is made plain JSON Schema for ajv:
 * OAS 3.0 `nullable`, boolean `exclusiveMinimum`/`Maximum`, `discriminator`, Swagger `type: file`,
 * `example` and friends are rewritten or dropped; malformed keywords that would make ajv throw
 * (non-array `required`, unknown `type`, invalid `pattern`) are dropped with a warning.
 * The original document is left untouched (tools such as the mock read its examples).
 */
export function convertDocument(doc: JsonObject, version: SpecVersion): ConvertedDocument {
  const componentsPrefix = version === '2.0' ? '#/definitions/' : '#/components/schemas/';
  const state = { formats: new Set<string>(), warnings: [] as Diagnostic[], seen: new Set<string>(), componentsPrefix };
  const document = convertNode(doc, state) as JsonObject;
  return { document, formats: state.formats, warnings: state.warnings };
}

interface State {
  formats: Set<string>;
  warnings: Diagnostic[];
  seen: Set<string>;
  componentsPrefix: string;
}

/** Outside schemas: copy, switching to schema mode at `schema`, `schemas` and `definitions`. */
function convertNode(node: unknown, state: State): unknown {
  if (Array.isArray(node)) return node.map((item) => convertNode(item, state));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) out[key] = value;
    else if (key === 'schema') out[key] = convertSchema(value, state);
    else if ((key === 'schemas' || key === 'definitions') && isObject(value)) out[key] = mapValues(value, state);
    else out[key] = convertNode(value, state);
  }
  return out;
}

function mapValues(map: JsonObject, state: State): JsonObject {
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(map)) out[name] = convertSchema(schema, state);
  return out;
}

export function convertSchema(node: unknown, state: State): unknown {
  if (typeof node === 'boolean') return node;
  if (!isObject(node)) return {};
  let out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (MAP_KEYWORDS.has(key)) {
      if (isObject(value)) out[key] = mapValues(value, state);
    } else if (SINGLE_KEYWORDS.has(key)) {
      if (isObject(value) || typeof value === 'boolean') out[key] = convertSchema(value, state);
    } else if (ARRAY_KEYWORDS.has(key)) {
      if (Array.isArray(value) && value.length > 0) out[key] = value.map((item) => convertSchema(item, state));
    } else if (key === 'items') {
      out[key] = Array.isArray(value) ? value.map((item) => convertSchema(item, state)) : convertSchema(value, state);
    } else {
      out[key] = value;
    }
  }
  fixKeywords(out, state);
  if (node.discriminator !== undefined) out = rewriteDiscriminator({ ...out, discriminator: node.discriminator }, state.componentsPrefix);
  return applyNullable(out, node.nullable === true || node['x-nullable'] === true);
}

function fixKeywords(schema: JsonObject, state: State): void {
  if (schema.required !== undefined && !(Array.isArray(schema.required) && schema.required.every((r) => typeof r === 'string'))) {
    delete schema.required; // Swagger-era `required: true` on a property
  }
  if (schema.type !== undefined) fixType(schema, state);
  if (typeof schema.format === 'string') state.formats.add(schema.format);
  else delete schema.format;
  if (schema.enum !== undefined && !Array.isArray(schema.enum)) delete schema.enum;
  for (const [bound, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    // OAS 3.0 / draft-04: `exclusiveMinimum: true` qualifies `minimum`; draft-06+ wants the number itself.
    if (typeof schema[exclusive] === 'boolean') {
      if (schema[exclusive] === true && typeof schema[bound] === 'number') {
        schema[exclusive] = schema[bound];
        delete schema[bound];
      } else {
        delete schema[exclusive];
      }
    }
  }
  if (schema.pattern !== undefined && !validPattern(schema.pattern)) {
    warnOnce(
      state,
      `pattern:${String(schema.pattern)}`,
      'spec-invalid-pattern',
      `pattern \`${String(schema.pattern)}\` is not a valid regular expression; not checked`,
    );
    delete schema.pattern;
  }
}

function fixType(schema: JsonObject, state: State): void {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t): t is string => typeof t === 'string');
  const valid = types.filter((t) => JSON_TYPES.has(t));
  for (const t of types) {
    if (!JSON_TYPES.has(t) && t !== 'file') {
      warnOnce(state, `type:${t}`, 'spec-invalid-type', `schema type \`${t}\` is not a JSON Schema type; not checked`);
    }
  }
  if (valid.length === 0) delete schema.type;
  else schema.type = valid.length === 1 ? valid[0] : valid;
}

function applyNullable(schema: JsonObject, nullable: boolean): JsonObject {
  if (!nullable) return schema;
  if (typeof schema.type === 'string' || Array.isArray(schema.type)) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const withNull: JsonObject = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) withNull.enum = [...schema.enum, null];
    return withNull;
  }
  // No type of its own (`$ref`, `allOf`…): null or the schema.
  return { anyOf: [{ type: 'null' }, schema] };
}

function validPattern(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function warnOnce(state: State, key: string, code: string, message: string): void {
  if (state.seen.has(key)) return;
  state.seen.add(key);
  state.warnings.push(warningDiag(code, message));
}
