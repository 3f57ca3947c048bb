/**
 * `run --mock` points every named API at the same mock: `default` at its root, any other at
 * `/_api/<name>`, so an operation declared for the fallback API only (`apis: [fallback]`) can
 * still answer 404 on the main one, as the real deployment does.
 */
export const API_PREFIX = '/_api/';

export function apiBaseUrl(mockUrl: string, api: string): string {
  return api === 'default' ? mockUrl : `${mockUrl}${API_PREFIX}${encodeURIComponent(api)}`;
}

export function splitApi(path: string): { api: string; path: string } {
  if (!path.startsWith(API_PREFIX)) return { api: 'default', path };
  const rest = path.slice(API_PREFIX.length);
  const slash = rest.indexOf('/');
  const name = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
  return { api: name, path: slash === -1 ? '/' : rest.slice(slash) };
}
