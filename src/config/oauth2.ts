import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { DEFAULT_REDACT_KEYS } from '../core/redact.js';
import type { OAuth2Settings } from '../core/settings.js';
import { unknownKeys } from './policy.js';
import { isRecord } from './read.js';

const OAUTH2_KEYS = ['tokenUrl', 'clientId', 'clientSecret', 'scope', 'audience', 'auth'];
const REQUIRED = ['tokenUrl', 'clientId', 'clientSecret'] as const;

/**
 * `tokens.NAME.oauth2: { tokenUrl, clientId, clientSecret, scope?, audience?, auth: basic|body }`.
 * Every problem is a config error (exit 2 before the first request), never a failure at the first step.
 */
export function readOAuth2(value: unknown, name: string, diagnostics: Diagnostic[]): OAuth2Settings | undefined {
  const at = `tokens.${name}.oauth2`;
  if (!isRecord(value)) {
    diagnostics.push(errorDiag('config-type', `\`${at}\` must be a mapping: { tokenUrl, clientId, clientSecret, scope, audience, auth }`));
    return undefined;
  }
  unknownKeys(value, OAUTH2_KEYS, at, diagnostics);
  const before = diagnostics.length;
  for (const key of REQUIRED) {
    if (typeof value[key] !== 'string' || value[key] === '') diagnostics.push(errorDiag('config-type', `\`${at}.${key}\` is required (a string)`));
  }
  for (const key of ['scope', 'audience']) {
    if (value[key] !== undefined && typeof value[key] !== 'string') diagnostics.push(errorDiag('config-type', `\`${at}.${key}\` must be a string`));
  }
  if (value.auth !== undefined && value.auth !== 'basic' && value.auth !== 'body') {
    diagnostics.push(errorDiag('config-type', `\`${at}.auth\` must be basic or body, got ${JSON.stringify(value.auth)}`));
  }
  if (typeof value.tokenUrl === 'string' && !/^https?:\/\/[^/]/i.test(value.tokenUrl)) {
    diagnostics.push(errorDiag('config-type', `\`${at}.tokenUrl\` must be an http(s) URL, got ${JSON.stringify(value.tokenUrl)}`));
  }
  if (diagnostics.length > before) return undefined;
  return {
    tokenUrl: value.tokenUrl as string,
    clientId: value.clientId as string,
    clientSecret: value.clientSecret as string,
    scope: value.scope as string | undefined,
    audience: value.audience as string | undefined,
    auth: (value.auth as OAuth2Settings['auth'] | undefined) ?? 'basic',
    authExplicit: value.auth !== undefined,
  };
}

/** `redact: { keys: [...] }`: added to the defaults (a list that drops `password` by mistake must not unmask it). */
export function readRedact(value: unknown, diagnostics: Diagnostic[]): string[] {
  if (value === undefined) return [...DEFAULT_REDACT_KEYS];
  if (!isRecord(value)) {
    diagnostics.push(errorDiag('config-type', '`redact` must be a mapping: { keys: [names] }'));
    return [...DEFAULT_REDACT_KEYS];
  }
  unknownKeys(value, ['keys'], 'redact', diagnostics);
  const keys = value.keys;
  if (keys !== undefined && (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string' && k !== ''))) {
    diagnostics.push(errorDiag('config-type', '`redact.keys` must be a list of body key names, e.g. [api_key, session_token]'));
    return [...DEFAULT_REDACT_KEYS];
  }
  return [...new Set([...DEFAULT_REDACT_KEYS, ...((keys as string[] | undefined) ?? [])])];
}
