import type { JsonSchema } from '../openapi/model.js';
import { fitsFormat, formatValue } from './formats.js';
import { createRandom, type Random } from './random.js';
import { sampleRegex } from './regex-sample.js';
import { asSchema, declaredTypes, isObject, jsonType, mergeAllOf, typeFits, type SchemaObject } from './schema-util.js';

export interface GenerateOptions {
  seed: number;
  /** `oneOf`/`anyOf`: the first branch (default), or one drawn from the seed (retries use it). */
  choice?: 'first' | 'random';
  /** `response` skips writeOnly properties, `request` skips readOnly ones. */
  direction?: 'request' | 'response';
}

/** Below this depth every declared property is filled; deeper, only required ones (keeps payloads small). */
const FULL_DEPTH = 6;
/** Beyond this depth (or on a second visit of a recursive schema) only the smallest valid value is produced. */
const MAX_DEPTH = 12;

/**
 * Data that fits a schema: deterministic for a seed, respecting types, formats, enums, min/max, lengths,
 * patterns and required properties. Schemas are already dereferenced and may be cyclic.
 */
export function generate(schema: JsonSchema | undefined, options: GenerateOptions): unknown {
  const gen = new Generator(createRandom(options.seed), options.direction ?? 'response', options.choice ?? 'first');
  return gen.value(asSchema(schema), 0, []);
}

class Generator {
  constructor(
    private readonly random: Random,
    private readonly direction: 'request' | 'response',
    private readonly choice: 'first' | 'random',
  ) {}

  value(raw: SchemaObject, depth: number, ancestors: SchemaObject[]): unknown {
    const schema = mergeAllOf(raw);
    const visits = ancestors.filter((a) => a === raw).length;
    const minimal = depth > MAX_DEPTH || visits >= 2;
    const path = [...ancestors, raw];
    if ('const' in schema) return schema.const;
    const enumValue = this.fromEnum(schema);
    if (enumValue !== undefined) return enumValue.value;
    const sample = this.fromExample(schema);
    if (sample !== undefined) return sample.value;
    const choice = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
    if (choice && choice.length > 0) return this.fromChoice(schema, choice, depth, path);
    const type = this.pickType(schema);
    switch (type) {
      case 'null':
        return null;
      case 'object':
        return this.object(schema, depth, path, minimal);
      case 'array':
        return this.array(schema, depth, path, minimal);
      case 'string':
        return this.string(schema);
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer');
      case 'boolean':
        return this.random.next() < 0.5;
      default:
        return minimal ? null : {};
    }
  }

  private pickType(schema: SchemaObject): string | undefined {
    const types = declaredTypes(schema).filter((t) => t !== 'null');
    if (types.length === 0) return declaredTypes(schema).includes('null') ? 'null' : undefined;
    return types[0];
  }

  private fromEnum(schema: SchemaObject): { value: unknown } | undefined {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0) return undefined;
    const nonNull = schema.enum.filter((v) => v !== null);
    return { value: this.random.pick(nonNull.length > 0 ? nonNull : schema.enum) };
  }

  /** The schema's own example or default, when it has the right type and format (specs often lie). */
  private fromExample(schema: SchemaObject): { value: unknown } | undefined {
    for (const candidate of [schema.example, Array.isArray(schema.examples) ? schema.examples[0] : undefined, schema.default]) {
      if (candidate === undefined || candidate === null) continue;
      if (isObject(candidate) || Array.isArray(candidate)) continue; // composite examples skip nested constraints
      if (!typeFits(schema, candidate)) continue;
      if (typeof candidate === 'string' && !this.stringFits(schema, candidate)) continue;
      if (typeof candidate === 'number' && !this.numberFits(schema, candidate)) continue;
      return { value: candidate };
    }
    return undefined;
  }

  private fromChoice(schema: SchemaObject, options: unknown[], depth: number, path: SchemaObject[]): unknown {
    const { oneOf: _o, anyOf: _a, ...rest } = schema;
    const nonNull = options.map(asSchema).filter((o) => !(o.type === 'null' || (Array.isArray(o.enum) && o.enum.length === 1 && o.enum[0] === null)));
    // Retries draw from every branch, `null` included: it is sometimes the only value that matches exactly one.
    const pool = nonNull.length > 0 && this.choice === 'first' ? nonNull : options.map(asSchema);
    const branch = this.choice === 'random' ? this.random.pick(pool) : pool[0];
    const value = this.value(mergeAllOf({ allOf: [rest, branch] }), depth, path);
    const discriminator = isObject(schema.discriminator) ? schema.discriminator : undefined;
    if (discriminator && typeof discriminator.propertyName === 'string' && isObject(value)) {
      // Keep the branch's own value when it pins one; otherwise any mapped value (the caller validates).
      const name = discriminator.propertyName;
      const pinned = asSchema(asSchema(mergeAllOf(branch).properties)[name]);
      const mapped = isObject(discriminator.mapping) ? Object.keys(discriminator.mapping) : [];
      const own = Array.isArray(pinned.enum) && pinned.enum.length === 1 ? pinned.enum[0] : pinned.const;
      if (own !== undefined) value[name] = own;
      else if (mapped.length > 0 && (value[name] === undefined || !mapped.includes(String(value[name])))) value[name] = this.random.pick(mapped);
    }
    return value;
  }

  private object(schema: SchemaObject, depth: number, path: SchemaObject[], minimal: boolean): Record<string, unknown> {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
    const full = !minimal && depth < FULL_DEPTH;
    const out: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(properties)) {
      const prop = asSchema(sub);
      if (!required.has(name) && (!full || this.hidden(prop))) continue;
      out[name] = this.value(prop, depth + 1, path);
    }
    for (const name of required) {
      if (!(name in out)) out[name] = isObject(schema.additionalProperties) ? this.value(schema.additionalProperties, depth + 1, path) : 'string';
    }
    const minProps = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    for (let i = 0; Object.keys(out).length < minProps; i++) {
      out[`key${i}`] = isObject(schema.additionalProperties) ? this.value(schema.additionalProperties, depth + 1, path) : `value${i}`;
    }
    return out;
  }

  private hidden(prop: SchemaObject): boolean {
    return this.direction === 'response' ? prop.writeOnly === true : prop.readOnly === true;
  }

  private array(schema: SchemaObject, depth: number, path: SchemaObject[], minimal: boolean): unknown[] {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    // One item by default so that `$.data.items[0].id` style extractions find something.
    const count = Math.min(Math.max(min, minimal ? 0 : 1), max);
    const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined;
    const out: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const itemSchema = tuple ? asSchema(tuple[i] ?? schema.additionalItems ?? {}) : asSchema(schema.items);
      let item = this.value(itemSchema, depth + 1, path);
      for (let attempt = 0; schema.uniqueItems === true && attempt < 5 && out.some((o) => same(o, item)); attempt++) {
        item = this.value(itemSchema, depth + 1, path);
      }
      if (schema.uniqueItems === true && out.some((o) => same(o, item))) break;
      out.push(item);
    }
    return out;
  }

  private string(schema: SchemaObject): string {
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
    let value: string | undefined;
    if (pattern) value = sampleRegex(pattern, this.random);
    if (value === undefined && format) value = formatValue(format, this.random);
    if (value === undefined) value = `string${this.random.int(1, 999)}`;
    if (pattern && format === undefined && !new RegExp(pattern, 'u').test(value)) return value;
    return fitLength(schema, value);
  }

  private stringFits(schema: SchemaObject, value: string): boolean {
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    if (!fitsFormat(format, value)) return false;
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
    if (typeof schema.pattern === 'string') {
      try {
        return new RegExp(schema.pattern, 'u').test(value);
      } catch {
        return true;
      }
    }
    return true;
  }

  private numberFits(schema: SchemaObject, value: number): boolean {
    const [low, high] = bounds(schema, Number.isInteger(value));
    return value >= low && value <= high && (jsonType(value) === 'integer' || !declaredTypes(schema).includes('integer'));
  }

  private number(schema: SchemaObject, integer: boolean): number {
    const [low, high] = bounds(schema, integer);
    const lo = Number.isFinite(low) ? low : Number.isFinite(high) ? high - 100 : 1;
    const hi = Number.isFinite(high) ? high : lo + 100;
    const multiple = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
    if (multiple) {
      const first = Math.ceil(lo / multiple);
      const last = Math.floor(hi / multiple);
      return (last >= first ? this.random.int(first, Math.min(last, first + 100)) : first) * multiple;
    }
    if (integer) return this.random.int(Math.ceil(lo), Math.max(Math.ceil(lo), Math.floor(hi)));
    return Math.round((lo + this.random.next() * (hi - lo)) * 100) / 100;
  }
}

/** Inclusive numeric bounds, from draft-04 boolean or draft-06+ numeric exclusive keywords. */
function bounds(schema: SchemaObject, integer: boolean): [number, number] {
  const step = integer ? 1 : 0.01;
  let low = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
  let high = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  if (schema.exclusiveMinimum === true) low += step;
  if (schema.exclusiveMaximum === true) high -= step;
  if (typeof schema.exclusiveMinimum === 'number') low = Math.max(low, schema.exclusiveMinimum + step);
  if (typeof schema.exclusiveMaximum === 'number') high = Math.min(high, schema.exclusiveMaximum - step);
  return [low, high];
}

function fitLength(schema: SchemaObject, value: string): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  let out = value;
  while (out.length < min) out += 'x';
  return out.length > max ? out.slice(0, max) : out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
