import { request } from 'undici';

/**
 * A tiny JSON client for tests of the sandbox itself (independent of stepdoc). `B` is the shape of the
 * answers' bodies the tests read (the assertions check it; nothing validates it here).
 */
export interface ApiClient<B = unknown> {
  call(method: string, path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: B; contentType: string }>;
}

export function apiClient<B = unknown>(baseUrl: string, defaultToken = 'test-token'): ApiClient<B> {
  return {
    async call(method, path, body, token = defaultToken) {
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await request(`${baseUrl}${path}`, {
        method: method as 'GET',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.body.text();
      return {
        status: response.statusCode,
        body: (text === '' ? undefined : JSON.parse(text)) as B,
        contentType: String(response.headers['content-type'] ?? ''),
      };
    },
  };
}
