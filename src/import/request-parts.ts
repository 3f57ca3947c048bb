import { type Placeholders, shellReference } from './placeholders.js';

/** Where a step's URL goes: a path on a named API base, or an absolute URL of another origin. */
export interface Target {
  path?: string;
  url?: string;
  api?: string;
  params?: Record<string, string | string[]>;
}

/** Bases of the commands seen so far: the first absolute origin becomes the default API. */
export interface Bases {
  origin?: string;
}

/**
 * `$baseurl/v0/x` → path on the default API (`$STEPDOC_FALLBACK_URL` → the fallback API);
 * `https://api.example.com/v0/x` → path when it is the first origin seen, else an absolute `url:`.
 * A query string becomes `params`.
 */
export function targetOf(raw: string, bases: Bases, placeholders: Placeholders, notes: string[]): Target {
  const [withoutQuery, query] = splitOnce(raw, '?');
  const params = query === undefined ? undefined : queryParams(query, placeholders, true);
  const base = /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)(.*)$/.exec(withoutQuery);
  if (base) {
    const name = shellReference(base[1]) ?? '';
    const api = name === 'STEPDOC_FALLBACK_URL' ? 'fallback' : undefined;
    if (!api && name !== 'STEPDOC_BASE_URL') notes.push(`\`$${name}\` is the API base: give it with --base-url URL (or apis.default in stepdoc.config.yaml)`);
    return { path: pathOf(base[2], placeholders), api, params };
  }
  const absolute = /^(?:(https?):\/\/)?([^/]+)(.*)$/i.exec(withoutQuery);
  const origin = `${(absolute?.[1] ?? 'http').toLowerCase()}://${absolute?.[2] ?? ''}`;
  if (bases.origin === undefined) {
    bases.origin = origin;
    notes.push(`${origin} is the API base: give it with --base-url ${origin} (or apis.default in stepdoc.config.yaml)`);
  }
  if (origin === bases.origin) return { path: pathOf(absolute?.[3] ?? '', placeholders), params };
  return { url: placeholders.text(`${origin}${absolute?.[3] ?? ''}`), params };
}

function pathOf(rest: string, placeholders: Placeholders): string {
  const path = placeholders.text(rest);
  return path.startsWith('/') ? path : `/${path}`;
}

/** `a=1&b=x%20y` → { a: '1', b: 'x y' }; a repeated name becomes a list. */
export function queryParams(query: string, placeholders: Placeholders, encoded: boolean): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const part of query.split('&')) {
    if (!part) continue;
    const [name, value = ''] = splitOnce(part, '=');
    const key = encoded ? decode(name) : name;
    const text = placeholders.text(encoded ? decode(value) : value);
    const seen = out[key];
    out[key] = seen === undefined ? text : [...(Array.isArray(seen) ? seen : [seen]), text];
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** `Bearer $apikey` → profile `apikey`; `$STEPDOC_TOKEN_STAFF` → `staff`; a literal credential → `api`. */
export function tokenProfile(value: string, notes: string[]): string {
  const [scheme, credential = ''] = splitOnce(value.trim(), ' ');
  const ref = shellReference(credential.trim() || scheme);
  const profile = ref ? ref.replace(/^STEPDOC_TOKEN_/, '').toLowerCase() : 'api';
  if (!ref) notes.push('the literal credential of an Authorization header was not copied into the doc: give it with --token api=…');
  if (credential && !/^bearer$/i.test(scheme))
    notes.push(`token profile \`${profile}\` uses the scheme ${scheme}: configure tokens.${profile}: { value: …, scheme: ${scheme} }`);
  return profile;
}
