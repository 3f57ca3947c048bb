import { maskCookieHeaders, type Redactor } from '../core/redact.js';
import type { RenderedRequest, ResponseSummary } from '../core/result.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';

/** Kept per step in results (the reports' own limit); larger bodies are cut so a long run's memory stays small. */
const KEPT_BODY_CHARS = 16 * 1024;

export function summariseResponse(response: HttpResponse, redactor: Redactor): ResponseSummary {
  const cut = response.bodyText.length > KEPT_BODY_CHARS;
  const bodyText = redactor.text(cut ? response.bodyText.slice(0, KEPT_BODY_CHARS) : response.bodyText);
  return {
    status: response.status,
    headers: redactor.value(maskCookieHeaders(response.headers, response.setCookies)),
    body: response.json !== undefined && !cut ? redactor.value(response.json) : bodyText,
    bodyText,
    size: response.size,
    truncated: response.truncated || cut,
    durationMs: Math.round(response.durationMs * 100) / 100,
  };
}

/** `jarCookie`: the Cookie header the doc's jar adds on sending, shown masked like the step's own. */
export function summariseRequest(request: HttpRequest, redactor: Redactor, jarCookie?: string): RenderedRequest {
  const headers = maskCookieHeaders(jarCookie ? withJarCookie(request.headers, jarCookie) : request.headers);
  const body = request.bodyKind === 'multipart' ? { fields: request.body, files: (request.files ?? []).map((f) => `${f.fieldName}: ${f.path}`) } : request.body;
  const summary: RenderedRequest = { method: request.method, url: request.url, headers, body, bodyKind: request.bodyKind };
  if (request.api) summary.api = { name: request.api, baseUrl: request.baseUrl };
  if (request.auth) summary.auth = request.auth;
  return redactor.value(summary);
}

function withJarCookie(headers: Record<string, string>, jarCookie: string): Record<string, string> {
  const own = Object.keys(headers).find((k) => k.toLowerCase() === 'cookie');
  return own ? { ...headers, [own]: `${headers[own]}; ${jarCookie}` } : { ...headers, cookie: jarCookie };
}
