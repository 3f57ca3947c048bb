import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A small validator for the shipped JSON Schemas (schema/*.json), the files editors use, so lint and
 * editors share one source of truth. It understands exactly the keywords those files use (a test
 * walks them to keep it so) and reports findings with paths, ready to become diagnostics. No code
 * generation, nothing to compile: linting a doc never waits for a validator library to load.
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

/** Keywords the validator acts on; the others in the files are annotations (description, examples…). */
export const CHECKED_KEYWORDS = ['type', 'enum', 'properties', 'additionalProperties', 'items', 'oneOf', '$ref', 'pattern', 'exclusiveMinimum', 'required'];

const files = new Map<string, JsonSchema>();

/** A shipped schema file, read once (schema/ next to src/ and dist/). */
export function shippedSchema(name: string): JsonSchema {
  let schema = files.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(fileURLToPath(new URL(`../../schema/${name}`, import.meta.url)), 'utf8')) as JsonSchema;
    files.set(name, schema);
  }
  return schema;
}

export function checkAgainst(root: JsonSchema, schema: JsonSchema, value: unknown, path = ''): SchemaFinding[] {
  const s = resolveRef(root, schema);
  if (Array.isArray(s.oneOf)) {
    const passing = s.oneOf.filter((branch) => checkAgainst(root, branch as JsonSchema, value, path).length === 0).length;
    return passing === 1 ? [] : [{ path, expected: s.oneOf.map((b) => describe(resolveRef(root, b as JsonSchema))).join(' or ') }];
  }
  if (s.type !== undefined && !typeMatches(s.type, value)) return [{ path, expected: describe(s) }];
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return [{ path, expected: describe(s) }];
  if (typeof s.pattern === 'string' && typeof value === 'string' && !new RegExp(s.pattern).test(value)) return [{ path, expected: describe(s) }];
  if (typeof s.exclusiveMinimum === 'number' && typeof value === 'number' && !(value > s.exclusiveMinimum)) return [{ path, expected: `a number above ${s.exclusiveMinimum}` }];
  if (isRecord(value)) return checkObject(root, s, value, path);
  if (Array.isArray(value) && s.items && typeof s.items === 'object') {
    return value.flatMap((item, i) => checkAgainst(root, s.items as JsonSchema, item, join(path, String(i))));
  }
  return [];
}

/**
 * The same rules compiled once into closures that only answer valid / not valid, allocation-free:
 * nearly every step is valid, so lint asks this first and explains (checkAgainst) only failures.
 */
export function compileValidator(root: JsonSchema, schema: JsonSchema): (value: unknown) => boolean {
  const s = resolveRef(root, schema);
  const checks: Array<(value: unknown) => boolean> = [];
  if (Array.isArray(s.oneOf)) {
    const branches = s.oneOf.map((b) => compileValidator(root, b as JsonSchema));
    checks.push((v) => {
      let passing = 0;
      for (const branch of branches) if (branch(v)) passing++;
      return passing === 1;
    });
  }
  if (s.type !== undefined) checks.push((v) => typeMatches(s.type, v));
  if (Array.isArray(s.enum)) {
    const allowed = s.enum;
    checks.push((v) => allowed.includes(v));
  }
  if (typeof s.pattern === 'string') {
    const pattern = new RegExp(s.pattern);
    checks.push((v) => typeof v !== 'string' || pattern.test(v));
  }
  if (typeof s.exclusiveMinimum === 'number') {
    const min = s.exclusiveMinimum;
    checks.push((v) => typeof v !== 'number' || v > min);
  }
  const objectCheck = compileObject(root, s);
  if (objectCheck) checks.push((v) => !isRecord(v) || objectCheck(v));
  if (s.items && typeof s.items === 'object') {
    const item = compileValidator(root, s.items as JsonSchema);
    checks.push((v) => !Array.isArray(v) || v.every(item));
  }
  return (value) => {
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

function compileObject(root: JsonSchema, s: JsonSchema): ((value: Record<string, unknown>) => boolean) | undefined {
  const hasProperties = isRecord(s.properties);
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  if (!hasProperties && s.additionalProperties === undefined && required.length === 0) return undefined;
  const properties = new Map(Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => [k, compileValidator(root, v)]));
  const closed = s.additionalProperties === false;
  const extra = isRecord(s.additionalProperties) ? compileValidator(root, s.additionalProperties) : undefined;
  return (value) => {
    for (const name of required) if (!(name in value)) return false;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const check = properties.get(key);
      if (check) {
        if (!check(value[key])) return false;
      } else if (closed || (extra && !extra(value[key]))) return false;
    }
    return true;
  };
}

function checkObject(root: JsonSchema, s: JsonSchema, value: Record<string, unknown>, path: string): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const properties = (isRecord(s.properties) ? s.properties : {}) as Record<string, JsonSchema>;
  for (const name of Array.isArray(s.required) ? (s.required as string[]) : []) {
    if (!(name in value)) out.push({ path: join(path, name), expected: 'a value (it is required)' });
  }
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) out.push(...checkAgainst(root, properties[key], item, join(path, key)));
    else if (s.additionalProperties === false) out.push({ path: join(path, key), unknownKey: { key, allowed: Object.keys(properties) } });
    else if (isRecord(s.additionalProperties)) out.push(...checkAgainst(root, s.additionalProperties, item, join(path, key)));
  }
  return out;
}

function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, token) => (isRecord(node) ? node[token] : undefined), root);
  if (!isRecord(target)) throw new Error(`schema reference ${ref} points nowhere`);
  return target;
}

function typeMatches(type: unknown, value: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case 'integer': return typeof value === 'number' && Number.isInteger(value);
      case 'number': return typeof value === 'number';
      case 'object': return isRecord(value);
      case 'array': return Array.isArray(value);
      case 'null': return value === null;
      default: return typeof value === t;
    }
  });
}

const WORDS: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false',
  object: 'a mapping', array: 'a list', null: 'null',
};

/** A schema in words, for `expected …`. */
function describe(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return `one of ${s.enum.join(', ')}`;
  if (s.type === 'array') {
    const items = isRecord(s.items) ? s.items.type : undefined;
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
