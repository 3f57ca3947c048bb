import { setOwn } from './own-property.js';
import { escapeRegExp } from './regex.js';

/** Cookie values this long are treated as session ids: secret everywhere, not only in Cookie headers. */
export const SESSION_COOKIE_LENGTH = 8;

/** Body keys whose values are always secret (config `redact.keys` adds to these). */
export const DEFAULT_REDACT_KEYS: readonly string[] = ['access_token', 'refresh_token', 'id_token', 'client_secret', 'password'];

/** Values shorter than this are not searched for: `***` in place of every `id` or `1` would wreck every output. */
export const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of a secret with `***`, and the forms stepdoc itself derives from one: its
 * URL encodings (query strings, form bodies), its base64, its JSON-escaped form, and `Basic` credentials
 * whose decoded `user:password` holds a secret. One per run, shared by the runner and every reporter,
 * so no output path can forget it; values found during the run (fetched tokens, captured secrets) are
 * added as they appear.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern?: RegExp;

  constructor(secrets: Iterable<string>) {
    this.add(secrets);
  }

  /** Adds values (and their derived forms) to redact from now on. Non-strings and short values are ignored. */
  add(secrets: Iterable<unknown>): void {
    let changed = false;
    for (const secret of secrets) {
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) continue;
      this.secrets.add(secret);
      changed = true;
    }
    if (changed) this.compile();
  }

  /**
   * A cookie value a server set: one of SESSION_COOKIE_LENGTH characters or more (a session id) is a
   * secret everywhere from now on; shorter ones (`en-US`, `dark`) are masked in Cookie headers only.
   */
  readonly cookieValue = (value: string): void => {
    if (value.length >= SESSION_COOKIE_LENGTH) this.add([value]);
  };

  text(value: string): string {
    if (!this.pattern) return value;
    const out = value.replace(this.pattern, '***');
    return out.includes('asic') || out.includes('ASIC') ? this.basic(out) : out;
  }

  /**
   * The value with every string (keys included) redacted. Copy on write: parts without a secret are
   * returned as they are (callers never mutate results), so a run without secrets in its bodies
   * allocates nothing here.
   */
  value<T>(value: T): T {
    if (!this.pattern) return value;
    return this.walk(value) as T;
  }

  private compile(): void {
    const forms = new Set<string>();
    for (const secret of this.secrets) for (const form of derivedForms(secret)) if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
    const list = [...forms].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(list.map(escapeRegExp).join('|'), 'g');
  }

  /** `Basic <base64>` whose decoded `user:password` holds a secret (e.g. `{{ user | append: ':' | append: pw | base64_encode }}`). */
  private basic(text: string): string {
    return text.replace(BASIC, (whole, scheme: string, encoded: string) => {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      return decoded.replace(this.pattern!, '***') !== decoded ? `${scheme} ***` : whole;
    });
  }

  // Loops, not Object.entries/map/fromEntries: this walks every request and response of a run.
  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const r = this.walk(value[i]);
        if (r !== value[i]) (out ??= value.slice())[i] = r;
      }
      return out ?? value;
    }
    const source = value as Record<string, unknown>;
    const keys = Object.keys(source);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const k = this.text(key);
      const v = this.walk(source[key]);
      if (!out && (k !== key || v !== source[key])) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j], source[keys[j]]);
      }
      if (out) setOwn(out, k, v);
    }
    return out ?? value;
  }
}

const BASIC = /\b(Basic)\s+([A-Za-z0-9+/]{4,}={0,2})/gi;

/** The secret as stepdoc may write it: raw, URL-encoded (path/query and form style), base64, JSON-escaped. */
export function derivedForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/**
 * Cookie values shown like credentials: `Cookie: sid=***; theme=***`, `Set-Cookie: sid=***; Path=/; HttpOnly`.
 * Names and attributes stay (they say what was sent); values never do, however short.
 */
export function maskCookieHeader(value: string): string {
  return value
    .split(';')
    .map((pair) => pair.replace(/^(\s*[^=;]+=).*$/s, '$1***'))
    .join(';');
}

export function maskSetCookie(value: string): string {
  return value.replace(/^(\s*[^=;]+=)[^;]*/s, '$1***');
}

/** Response/request headers with Cookie and Set-Cookie values masked; the same object when there are none. */
export function maskCookieHeaders(headers: Record<string, string>, setCookies?: readonly string[]): Record<string, string> {
  const names = Object.keys(headers).filter((k) => k.toLowerCase() === 'cookie' || k.toLowerCase() === 'set-cookie');
  if (names.length === 0) return headers;
  const out = { ...headers };
  for (const name of names) {
    out[name] =
      name.toLowerCase() === 'cookie'
        ? maskCookieHeader(headers[name])
        : setCookies?.length
          ? setCookies.map(maskSetCookie).join(', ')
          : maskSetCookie(headers[name]);
  }
  return out;
}
