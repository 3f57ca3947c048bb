import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * The shipped JSON Schemas (schema/*.json, the files editors use) checked with ajv, so lint and
 * editors share one source of truth. ajv's errors become findings with dotted paths and words a
 * person reads (`expected a list of whole numbers`), ready to become diagnostics.
 */
export type JsonSchema = Record<string, unknown>;

/** One problem, located by dotted path in the validated value. */
export interface SchemaFinding {
  /** Dotted path of the value (or of the unknown key), e.g. `expect.status`, `expcet`. */
  path: string;
  unknownKey?: { key: string; allowed: string[] };
  /** What the value should be, in words: `a mapping`, `one of abort, skip, continue`. */
  expected?: string;
}

const files = new Map<string, JsonSchema>();
let ajv: Ajv | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** A shipped schema file, read once (schema/ next to src/ and dist/). */
export function shippedSchema(name: string): JsonSchema {
  let schema = files.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(fileURLToPath(new URL(`../../schema/${name}`, import.meta.url)), 'utf8')) as JsonSchema;
    files.set(name, schema);
  }
  return schema;
}

/** `schema` (the root itself or one of its definitions) compiled once, with `$ref`s resolved against `root`. */
export function compileValidator(root: JsonSchema, schema: JsonSchema): (value: unknown) => boolean {
  const validate = validatorFor(root, schema);
  return (value) => validate(value) as boolean;
}

/** Why a value breaks the schema: one finding per problem (a failed `oneOf` is one finding, not one per branch). */
export function checkAgainst(root: JsonSchema, schema: JsonSchema, value: unknown): SchemaFinding[] {
  const validate = validatorFor(root, schema);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const kept = errors.filter((e) => !oneOfs.some((prefix) => e.schemaPath.startsWith(prefix)) && e.keyword !== 'if');
  const seen = new Set<string>();
  return kept.map(toFinding).filter((f) => {
    const key = `${f.path}\u0000${f.unknownKey?.key ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function validatorFor(root: JsonSchema, schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate) return validate;
  ajv ??= new Ajv({ strict: false, allErrors: true, verbose: true });
  const id = typeof root.$id === 'string' ? root.$id : undefined;
  if (id && !ajv.getSchema(id)) ajv.addSchema(root);
  const pointer = schema === root ? '' : pointerOf(root, schema);
  validate = id ? ajv.getSchema(`${id}#${pointer}`)! : ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** Where a sub-schema sits in its root (`/definitions/step`), found by identity. */
function pointerOf(root: JsonSchema, target: JsonSchema, at = ''): string {
  for (const [key, value] of Object.entries(root)) {
    if (value === target) return `${at}/${key}`;
    if (isRecord(value)) {
      const found = pointerOf(value, target, `${at}/${key}`);
      if (found) return found;
    }
  }
  return '';
}

function toFinding(error: ErrorObject): SchemaFinding {
  const path = dotted(error.instancePath);
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return { path: join(path, key), unknownKey: { key, allowed: Object.keys(isRecord(parent.properties) ? parent.properties : {}) } };
    }
    case 'required':
      return { path: join(path, String((error.params as { missingProperty: string }).missingProperty)), expected: 'a value (it is required)' };
    case 'exclusiveMinimum':
      return { path, expected: `a number above ${String(parent.exclusiveMinimum)}` };
    case 'oneOf':
      return { path, expected: (parent.oneOf as JsonSchema[]).map((b) => describe(resolved(b))).join(' or ') };
    default:
      return { path, expected: describe(parent) };
  }
}

/** `/expect/status/0` → `expect.status.0`. */
function dotted(pointer: string): string {
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/** Branches of a oneOf may be `$ref`s: describe what they point to. */
function resolved(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ajv) return schema;
  return (ajv.getSchema(ref)?.schema as JsonSchema | undefined) ?? schema;
}

const WORDS: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false',
  object: 'a mapping', array: 'a list', null: 'null',
};

/** A schema in words, for `expected …`. */
function describe(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return `one of ${s.enum.join(', ')}`;
  if (s.type === 'array') {
    const items = isRecord(s.items) ? resolved(s.items).type : undefined;
    return items ? `a list of ${plural(describeTypes(items))}` : 'a list';
  }
  if (s.type === 'string' && typeof s.pattern === 'string') return 'a whole number or a ${ENV} reference';
  return s.type !== undefined ? describeTypes(s.type) : 'a valid value';
}

function describeTypes(type: unknown): string {
  return (Array.isArray(type) ? type : [type]).map((t) => WORDS[String(t)] ?? String(t)).join(' or ');
}

function plural(words: string): string {
  return words.replace(/^a /, '').replace(/ or a /g, ' or ') + 's';
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
