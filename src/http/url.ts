import { HttpError } from '../core/errors.js';

/**
 * Joins an API base URL and a step path the way people mean it: `https://x/api` + `/v1/a` →
 * `https://x/api/v1/a` (the base's path is kept, unlike `new URL(path, base)`).
 */
export function buildUrl(base: string | undefined, pathOrUrl: string, params?: unknown): string {
  let url: URL;
  try {
    if (/^https?:\/\//i.test(pathOrUrl)) url = new URL(pathOrUrl);
    else {
      if (!base) throw new HttpError('no base URL configured for this API (set --base-url or apis in stepdoc.config.yaml)', 'no-base-url');
      const joined = base.replace(/\/+$/, '') + '/' + pathOrUrl.replace(/^\/+/, '');
      url = new URL(joined);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(`invalid URL \`${pathOrUrl}\` (base ${base ?? 'none'})`, 'invalid-url');
  }
  appendParams(url, params);
  return url.toString();
}

function appendParams(url: URL, params: unknown): void {
  if (!params || typeof params !== 'object') return;
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, scalar(v));
    else url.searchParams.append(key, scalar(value));
  }
}

function scalar(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
