import type { Ajv } from 'ajv';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';

/** Formats ajv-formats checks, plus OpenAPI's own that it already accepts. */
const KNOWN = new Set([
  'date',
  'time',
  'date-time',
  'iso-time',
  'iso-date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);

/**
 * Adds ajv-formats, then registers every other format the spec uses (`US`, `integer64`, `string`…) as
 * one that accepts anything, with one warning per format: real specs use made-up formats, and a
 * made-up format must not make a response fail.
 */
export async function registerFormats(ajv: Ajv, used: Iterable<string>, specName: string): Promise<Diagnostic[]> {
  const addFormats = (await import('ajv-formats')).default as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  const warnings: Diagnostic[] = [];
  for (const format of used) {
    if (KNOWN.has(format)) continue;
    ajv.addFormat(format, true);
    warnings.push(warningDiag('spec-unknown-format', `${specName}: format \`${format}\` is not a known format; values are not checked against it`));
  }
  return warnings;
}
