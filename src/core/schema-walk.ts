import { isRecord, type JsonSchema } from './shipped-schema.js';

/**
 * A small JSON Schema walker for the subset the shipped schemas use (type, enum, properties,
 * patternProperties, propertyNames (pattern), additionalProperties, required, items, oneOf/anyOf, $ref to #/definitions,
 * minimum/maximum/exclusiveMinimum, pattern). The parser and the config loader validate through it
 * on every run, so it stays synchronous, tiny and free of ajv (which is loaded only when a swagger
 * file needs it). Findings carry dotted paths, which is how spans are keyed.
 */
export interface SchemaFinding {
  /** Dotted path of the value, or of the unknown key: `expect.status`, `expct`. */
  path: string;
  /** Set when the finding is a key the schema does not allow; `parent` is the dotted path of its object. */
  unknownKey?: { key: string; parent: string; allowed: string[] };
  /** What the value should be, in words: `a mapping`, `one of abort, skip, continue`. */
  expected?: string;
  /** Set when a required key is absent. */
  missing?: boolean;
}

export function walkSchema(root: JsonSchema, schema: JsonSchema, value: unknown, path = '', out: SchemaFinding[] = []): SchemaFinding[] {
  const s = deref(root, schema);
  if (Array.isArray(s.enum)) {
    if (!s.enum.some((e) => e === value)) out.push({ path, expected: describe(root, s) });
    return out;
  }
  const branches = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (branches) {
    // The branches of the shipped schemas differ by type: the one of the value's type decides.
    let fitting: JsonSchema | undefined;
    for (const b of branches) {
      const d = deref(root, b);
      if (fitsType(d, value)) {
        fitting = d;
        break;
      }
    }
    const inside = fitting ? walkSchema(root, fitting, value, path) : [];
    if (!fitting || inside.some((f) => f.path === path)) out.push({ path, expected: branches.map((b) => describe(root, deref(root, b))).join(' or ') });
    else out.push(...inside);
    return out;
  }
  if (!fitsType(s, value)) {
    out.push({ path, expected: describe(root, s) });
    return out;
  }
  if (typeof value === 'number') checkRange(s, value, path, out);
  if (typeof value === 'string' && typeof s.pattern === 'string' && !regex(s.pattern).test(value)) out.push({ path, expected: describe(root, s) });
  if (Array.isArray(value) && isRecord(s.items)) {
    for (let i = 0; i < value.length; i++) walkSchema(root, s.items as JsonSchema, value[i], join(path, String(i)), out);
  }
  if (isRecord(value)) walkObject(root, s, value, path, out);
  return out;
}

// Loops over keys rather than entries arrays: this runs for every step and the config of every run.
function walkObject(root: JsonSchema, s: JsonSchema, value: Record<string, unknown>, path: string, out: SchemaFinding[]): void {
  const properties = isRecord(s.properties) ? (s.properties as Record<string, JsonSchema>) : undefined;
  const patterns = isRecord(s.patternProperties) ? (s.patternProperties as Record<string, JsonSchema>) : undefined;
  if (Array.isArray(s.required)) {
    for (const key of s.required as string[])
      if (value[key] === undefined) out.push({ path: join(path, key), expected: 'a value (it is required)', missing: true });
  }
  const names = isRecord(s.propertyNames) && typeof s.propertyNames.pattern === 'string' ? regex(s.propertyNames.pattern) : undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v = value[key];
    const at = join(path, key);
    if (names && !names.test(key)) out.push({ path: at, expected: `a key matching ${(s.propertyNames as JsonSchema).pattern}` });
    if (properties && Object.hasOwn(properties, key)) {
      walkSchema(root, properties[key], v, at, out);
      continue;
    }
    const pattern = patterns && matchingPattern(patterns, key);
    if (pattern) walkSchema(root, pattern, v, at, out);
    else if (s.additionalProperties === false) out.push({ path: at, unknownKey: { key, parent: path, allowed: properties ? Object.keys(properties) : [] } });
    else if (isRecord(s.additionalProperties)) walkSchema(root, s.additionalProperties as JsonSchema, v, at, out);
  }
}

function matchingPattern(patterns: Record<string, JsonSchema>, key: string): JsonSchema | undefined {
  for (const p in patterns) if (regex(p).test(key)) return patterns[p];
  return undefined;
}

const regexes = new Map<string, RegExp>();

/** Patterns of the shipped schemas, compiled once (the walker runs for every step of every doc). */
function regex(source: string): RegExp {
  let re = regexes.get(source);
  if (!re) regexes.set(source, (re = new RegExp(source)));
  return re;
}

function checkRange(s: JsonSchema, value: number, path: string, out: SchemaFinding[]): void {
  const min = typeof s.minimum === 'number' ? s.minimum : undefined;
  const max = typeof s.maximum === 'number' ? s.maximum : undefined;
  const above = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  if ((min !== undefined && value < min) || (max !== undefined && value > max) || (above !== undefined && value <= above)) {
    out.push({ path, expected: rangeWords(s) });
  }
}

function rangeWords(s: JsonSchema): string {
  const kind = s.type === 'integer' ? 'a whole number' : 'a number';
  if (typeof s.minimum === 'number' && typeof s.maximum === 'number') return `${kind} from ${s.minimum} to ${s.maximum}`;
  if (typeof s.maximum === 'number') return `${kind} up to ${s.maximum}`;
  if (typeof s.minimum === 'number') return `${kind} of at least ${s.minimum}`;
  return `${kind} above ${String(s.exclusiveMinimum)}`;
}

/** `#/definitions/name` → that definition (the only kind of $ref the shipped schemas use). */
export function deref(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; typeof s.$ref === 'string' && hops < 16; hops++) {
    const name = /^#\/definitions\/(.+)$/.exec(s.$ref)?.[1];
    const target = name && isRecord(root.definitions) ? (root.definitions as Record<string, JsonSchema>)[name] : undefined;
    // A broken shipped schema is a bug of stepdoc (exit 3), not a user's mistake.
    if (!target) throw new Error(`schema $ref ${s.$ref} not found`);
    s = target;
  }
  return s;
}

function fitsType(s: JsonSchema, value: unknown): boolean {
  const type = s.type;
  if (type === undefined) return true;
  if (!Array.isArray(type)) return isType(String(type), value);
  for (const t of type) if (isType(String(t), value)) return true;
  return false;
}

function isType(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

const WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** A schema in words, for `expected …`. */
function describe(root: JsonSchema, s: JsonSchema): string {
  if (Array.isArray(s.enum)) return `one of ${s.enum.join(', ')}`;
  if (s.type === 'array') {
    const items = isRecord(s.items) ? deref(root, s.items as JsonSchema).type : undefined;
    return items ? `a list of ${plural(typeWords(items))}` : 'a list';
  }
  if (s.type === 'string' && typeof s.pattern === 'string') return typeof s.description === 'string' ? s.description : 'a string of the right form';
  if ((s.type === 'number' || s.type === 'integer') && (s.minimum !== undefined || s.maximum !== undefined || s.exclusiveMinimum !== undefined))
    return rangeWords(s);
  return s.type !== undefined ? typeWords(s.type) : 'a valid value';
}

function typeWords(type: unknown): string {
  return (Array.isArray(type) ? type : [type]).map((t) => WORDS[String(t)] ?? String(t)).join(' or ');
}

function plural(words: string): string {
  return words.replace(/^a /, '').replace(/ or a /g, ' or ') + 's';
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
