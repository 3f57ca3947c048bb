/** Small shape tests shared by the OpenAPI files. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `application/JSON; charset=utf-8` → `application/json`. */
export function bareMediaType(mediaType: string | undefined): string | undefined {
  if (mediaType === undefined) return undefined;
  const bare = mediaType.split(';')[0].trim().toLowerCase();
  return bare === '' ? undefined : bare;
}

/** `application/json`, `application/problem+json`, `text/json`… */
export function isJsonMediaType(mediaType: string): boolean {
  const bare = bareMediaType(mediaType) ?? '';
  return bare === 'application/json' || bare.endsWith('+json') || bare.endsWith('/json');
}
