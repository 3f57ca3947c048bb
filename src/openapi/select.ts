import type { MediaSpec, ResponseSpec } from './model.js';
import { bareMediaType, isJsonMediaType } from './util.js';

/** The response for a status: exact code, then `2XX` style, then `default`. */
export function selectResponse(responses: Record<string, ResponseSpec>, status: number): { key: string; response: ResponseSpec } | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  for (const wanted of [code, range, 'default']) {
    const key = Object.keys(responses).find((k) => k.toUpperCase() === wanted.toUpperCase());
    if (key !== undefined) return { key, response: responses[key] };
  }
  return undefined;
}

/**
 * The media entry for a content type: exact, then any JSON-like entry for a JSON-like type
 * (`application/problem+json` finds `application/json` and the other way round), then wildcards.
 */
export function selectMedia(content: Record<string, MediaSpec>, mediaType: string | undefined): { key: string; media: MediaSpec } | undefined {
  const keys = Object.keys(content);
  if (keys.length === 0) return undefined;
  const wanted = bareMediaType(mediaType) ?? 'application/json';
  const exact = keys.find((k) => bareMediaType(k) === wanted);
  if (exact !== undefined) return { key: exact, media: content[exact] };
  if (isJsonMediaType(wanted)) {
    const json = keys.find((k) => bareMediaType(k) === 'application/json') ?? keys.find(isJsonMediaType);
    if (json !== undefined) return { key: json, media: content[json] };
  }
  const [major] = wanted.split('/');
  const wildcard = keys.find((k) => bareMediaType(k) === `${major}/*`) ?? keys.find((k) => bareMediaType(k) === '*/*');
  if (wildcard !== undefined) return { key: wildcard, media: content[wildcard] };
  return mediaType === undefined && keys.length === 1 ? { key: keys[0], media: content[keys[0]] } : undefined;
}
