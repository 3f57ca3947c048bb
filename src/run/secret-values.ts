import type { ExtractSource } from '../core/model.js';
import { DEFAULT_REDACT_KEYS } from '../core/redact.js';
import { escapeRegExp } from '../core/regex.js';

/**
 * Values that become secrets as a run goes: those under a `redact.keys` name anywhere in a JSON or
 * form body (`password`, `access_token`, …), and variables captured with `secret: true`.
 */
export function secretsUnderKeys(body: unknown, keys: ReadonlySet<string>, out: string[] = []): string[] {
  if (Array.isArray(body)) for (const item of body) secretsUnderKeys(item, keys, out);
  else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (keys.has(key.toLowerCase())) leaves(value, out);
      else secretsUnderKeys(value, keys, out);
    }
  }
  return out;
}

/** `a=1&password=x` bodies (form requests, some token endpoints' answers). */
export function secretsInForm(text: string, keys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [key, value] of new URLSearchParams(text)) if (keys.has(key.toLowerCase())) out.push(value);
  return out;
}

export function capturedSecrets(spec: Record<string, ExtractSource>, values: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [name, source] of Object.entries(spec)) if (source.secret && name in values) leaves(values[name], out);
  return out;
}

/** Every string or number inside a value (a secret key may hold an object). */
function leaves(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'bigint') out.push(String(value));
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
}

const cache = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The configured key list as a lower-cased set, built once per run. */
export function redactKeySet(keys: readonly string[] | undefined): ReadonlySet<string> {
  keys ??= DEFAULT_REDACT_KEYS;
  let set = cache.get(keys);
  if (!set) cache.set(keys, (set = new Set(keys.map((k) => k.toLowerCase()))));
  return set;
}

const patterns = new WeakMap<ReadonlySet<string>, RegExp>();

/** Whether a body's text names one of the keys at all: most answers do not, and are not walked. */
export function mentionsKey(text: string, keys: ReadonlySet<string>): boolean {
  let pattern = patterns.get(keys);
  if (!pattern) patterns.set(keys, (pattern = new RegExp([...keys].map(escapeRegExp).join('|') || '(?!)', 'i')));
  return pattern.test(text);
}
