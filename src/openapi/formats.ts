import type { Ajv } from 'ajv';
import { createRequire } from 'node:module';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';

const load = createRequire(import.meta.url);

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
 * One warning per format the spec uses that no library checks (`US`, `integer64`, `string`…): such a
 * format accepts anything (`registerFormats`), because a made-up format must not make a response fail.
 */
export function unknownFormatWarnings(used: Iterable<string>, specName: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const format of used) {
    if (KNOWN.has(format)) continue;
    warnings.push(warningDiag('spec-unknown-format', `${specName}: format \`${format}\` is not a known format; values are not checked against it`));
  }
  return warnings;
}

/** Adds ajv-formats, then every other format the spec uses as one that accepts anything. */
export function registerFormats(ajv: Ajv, used: Iterable<string>): void {
  (load('ajv-formats') as { default: (ajv: Ajv) => Ajv }).default(ajv);
  for (const format of used) if (!KNOWN.has(format)) ajv.addFormat(format, true);
}
