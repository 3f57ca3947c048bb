import type { ErrorObject } from 'ajv';

/** One finding of a shipped schema, located by dotted path in the validated value. */
export interface SchemaFinding {
  /** Dotted path of the value (or of the unknown key), e.g. `expect.status`, `expcet`. */
  path: string;
  unknownKey?: { key: string; allowed: string[] };
  /** What the value should be, in words: `a mapping`, `one of abort, skip, continue`. */
  expected?: string;
}

/**
 * ajv errors → one finding per place. `oneOf` failures report the alternatives, not every branch's
 * own complaint (which would name whichever branch the author did not mean).
 */
export function schemaFindings(errors: readonly ErrorObject[] | null | undefined): SchemaFinding[] {
  if (!errors) return [];
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const out = new Map<string, SchemaFinding>();
  for (const error of errors) {
    if (oneOfs.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const base = dotted(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const path = base ? `${base}.${key}` : key;
      out.set(`key:${path}`, { path, unknownKey: { key, allowed } });
    } else if (!out.has(`value:${base}`)) {
      out.set(`value:${base}`, { path: base, expected: describeRule(error) });
    }
  }
  return [...out.values()];
}

function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function describeRule(error: ErrorObject): string {
  if (error.keyword === 'oneOf') return (error.schema as unknown[]).map((s) => describeSchema(s)).join(' or ');
  if (error.keyword === 'enum') return `one of ${(error.schema as unknown[]).join(', ')}`;
  if (error.keyword === 'type') return describeTypes(error.schema);
  return describeSchema(error.parentSchema) ?? error.message ?? 'a valid value';
}

function describeSchema(schema: unknown): string {
  const s = (schema ?? {}) as { type?: unknown; items?: { type?: unknown }; enum?: unknown[]; pattern?: string };
  if (s.enum) return `one of ${s.enum.join(', ')}`;
  if (s.type === 'array') return s.items?.type ? `a list of ${plural(describeTypes(s.items.type))}` : 'a list';
  if (s.type === 'string' && s.pattern) return 'a whole number or a ${ENV} reference';
  return s.type ? describeTypes(s.type) : 'a valid value';
}

const WORDS: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false',
  object: 'a mapping', array: 'a list', null: 'null',
};

function describeTypes(type: unknown): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => WORDS[String(t)] ?? String(t)).join(' or ');
}

function plural(words: string): string {
  return words.replace(/^a /, '').replace(/ or a /g, ' or ') + 's';
}
