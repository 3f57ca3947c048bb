import { randomUuid, type Random } from './random.js';

/** A fixed base instant, so dates are deterministic too (2024-01-15T10:00:00Z). */
const BASE_MS = Date.UTC(2024, 0, 15, 10, 0, 0);

const FORMAT_PATTERNS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i,
  date: /^\d{4}-\d\d-\d\d$/,
  time: /^\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i,
  url: /^[a-z][a-z0-9+.-]*:\S*$/i,
  ipv4: /^(\d{1,3}\.){3}\d{1,3}$/,
  hostname: /^[a-z0-9.-]+$/i,
};

/** Is a known-format string well formed? Unknown formats accept anything (the spec's own word). */
export function fitsFormat(format: string | undefined, value: string): boolean {
  const pattern = format === undefined ? undefined : FORMAT_PATTERNS[format];
  return pattern === undefined || pattern.test(value);
}

/** A string of the given format, or undefined for formats the mock does not know. */
export function formatValue(format: string, random: Random): string | undefined {
  const instant = new Date(BASE_MS + random.int(0, 365 * 24) * 3_600_000).toISOString();
  switch (format) {
    case 'date-time':
      return instant.replace('.000Z', 'Z');
    case 'date':
      return instant.slice(0, 10);
    case 'time':
      return instant.slice(11, 19) + 'Z';
    case 'uuid':
      return randomUuid(random);
    case 'email':
      return `user${random.int(1, 9999)}@example.com`;
    case 'uri':
    case 'url':
    case 'uri-reference':
      return `https://example.com/r/${random.int(1, 9999)}`;
    case 'hostname':
      return `host${random.int(1, 99)}.example.com`;
    case 'ipv4':
      return `192.0.2.${random.int(1, 254)}`;
    case 'ipv6':
      return `2001:db8::${random.int(1, 0xfff).toString(16)}`;
    case 'byte':
      return Buffer.from(`mock-${random.int(1, 9999)}`).toString('base64');
    default:
      return undefined;
  }
}
