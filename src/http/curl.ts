import type { RenderedRequest } from '../core/result.js';

/**
 * Copy as curl: the command that sends a reported request again. Secrets are shell references,
 * never values: the token as `$STEPDOC_TOKEN_<PROFILE>`, the default and fallback API bases as
 * `$STEPDOC_BASE_URL` / `$STEPDOC_FALLBACK_URL` (the variables `stepdoc run` reads). Works on the
 * redacted request, so a secret inside a body or header is `***` here as everywhere else.
 * `stepdoc import curl` of the command gives back the step.
 */
export function curlCommand(request: RenderedRequest): string {
  const words = [`curl${request.method === 'GET' ? '' : ` -X ${request.method}`} ${urlWord(request)}`];
  const auth = request.auth;
  for (const [name, value] of Object.entries(request.headers)) {
    if (auth && name.toLowerCase() === auth.header.toLowerCase()) continue;
    // An empty value is `Name;` for curl (`Name:` would remove the header).
    words.push(`-H ${quote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  if (auth) {
    const ref = `$${tokenVariable(auth.profile)}`;
    words.push(`-H "${escapeDouble(`${auth.header}: ${auth.scheme ? `${auth.scheme} ` : ''}`)}${ref}"`);
  }
  words.push(...bodyWords(request));
  return words.join(' \\\n  ');
}

/** `STEPDOC_TOKEN_STAFF` for profile `staff` (the variable `stepdoc run` reads a token from). */
export function tokenVariable(profile: string): string {
  return `STEPDOC_TOKEN_${profile.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
}

const BASE_VARIABLES: Record<string, string> = { default: 'STEPDOC_BASE_URL', fallback: 'STEPDOC_FALLBACK_URL' };

function urlWord(request: RenderedRequest): string {
  const base = request.api?.baseUrl?.replace(/\/+$/, '');
  const variable = request.api ? BASE_VARIABLES[request.api.name] : undefined;
  if (base && variable && request.url.startsWith(base)) return `"$${variable}${escapeDouble(request.url.slice(base.length))}"`;
  return quote(request.url);
}

function bodyWords(request: RenderedRequest): string[] {
  const body = request.body;
  if (body === undefined || request.bodyKind === 'none' || request.bodyKind === undefined) return [];
  if (request.bodyKind === 'json') {
    const typed = Object.keys(request.headers).some((h) => h.toLowerCase() === 'content-type');
    return [...(typed ? [] : [`-H ${quote('Content-Type: application/json')}`]), `--data-raw ${quote(JSON.stringify(body))}`];
  }
  if (request.bodyKind === 'form') return fields(body).map(([k, v]) => `--data-urlencode ${quote(`${k}=${v}`)}`);
  const { fields: parts, files } = (body ?? {}) as { fields?: unknown; files?: string[] };
  const out = fields(parts).map(([k, v]) => `-F ${quote(`${k}=${v}`)}`);
  for (const file of files ?? []) {
    const at = file.indexOf(': ');
    out.push(`-F ${quote(`${file.slice(0, at)}=@${file.slice(at + 2)}`)}`);
  }
  return out;
}

function fields(value: unknown): Array<[string, string]> {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((item): [string, string] => [k, typeof item === 'object' ? JSON.stringify(item) : String(item)]),
  );
}

/** A shell word: bare when safe, else single-quoted (`'` written as `'\''`). */
function quote(text: string): string {
  return /^[A-Za-z0-9_\-.,:/@%+=]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function escapeDouble(text: string): string {
  return text.replace(/(["\\$`])/g, '\\$1');
}
