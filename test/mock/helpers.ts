import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSpec } from '../../src/openapi/load.js';
import type { LoadedSpec } from '../../src/openapi/model.js';
import { startMock, type MockOptions, type RunningMock } from '../../src/mock/server.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sharedRoot = path.resolve(repoRoot, '../shared');

/** Loads an inline OpenAPI 3 document through the real loader (written to a temp file first). */
export async function inlineSpec(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<LoadedSpec> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepdoc-mock-'));
  const file = path.join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: 'inline', version: '1' }, paths, ...extra }));
  return loadSpec(file);
}

/** Starts a mock for the test and registers nothing global: call `close()` in afterEach/finally. */
export async function mockOf(specs: MockOptions['specs'], options: Partial<MockOptions> = {}): Promise<RunningMock> {
  return startMock({ specs, ...options });
}

/** An answer of the mock; `T` is the body shape a test expects (the assertions check it). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  contentType: string | null;
}

/** A JSON request with fetch (undici) to the mock, on 127.0.0.1 only. */
export async function call<T = unknown>(
  mock: RunningMock,
  method: string,
  urlPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await fetch(`${mock.url}${urlPath}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T, contentType: response.headers.get('content-type') };
}
