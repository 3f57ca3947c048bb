import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { DEFAULT_REDACT_KEYS } from '../core/redact.js';
import type { OAuth2Settings } from '../core/settings.js';
import { isRecord } from './read.js';

/**
 * `tokens.NAME.oauth2: { tokenUrl, clientId, clientSecret, scope?, audience?, auth: basic|body }`.
 * Its shape (keys, required, types) is checked by schema/config.schema.json before this runs; what is
 * left is what only the filled-in values can tell: a `${ENV}` token URL that is not an http(s) URL.
 */
export function readOAuth2(value: unknown, name: string, diagnostics: Diagnostic[]): OAuth2Settings | undefined {
  if (!isRecord(value)) return undefined;
  const at = `tokens.${name}.oauth2`;
  if (typeof value.tokenUrl !== 'string' || !/^https?:\/\/[^/]/i.test(value.tokenUrl)) {
    diagnostics.push(errorDiag('config-type', `\`${at}.tokenUrl\` must be an http(s) URL, got ${JSON.stringify(value.tokenUrl)}`));
    return undefined;
  }
  return {
    tokenUrl: value.tokenUrl,
    clientId: String(value.clientId ?? ''),
    clientSecret: String(value.clientSecret ?? ''),
    scope: value.scope as string | undefined,
    audience: value.audience as string | undefined,
    auth: (value.auth as OAuth2Settings['auth'] | undefined) ?? 'basic',
    authExplicit: value.auth !== undefined,
  };
}

/** `redact: { keys: [...] }` (shape checked by the schema): added to the defaults, so a list that leaves out `password` cannot unmask it. */
export function readRedact(value: unknown): string[] {
  const keys = isRecord(value) && Array.isArray(value.keys) ? value.keys.map(String) : [];
  return [...new Set([...DEFAULT_REDACT_KEYS, ...keys])];
}
