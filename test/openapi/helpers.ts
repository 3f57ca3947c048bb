import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../src/openapi/load.js';
import { findOperation } from '../../src/openapi/lookup.js';
import type { LoadedSpec, Operation } from '../../src/openapi/model.js';
import { createSpecValidator, type SpecValidator } from '../../src/openapi/validate.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const syncteraSpecFile = path.join(sharedDir, 'specs/synctera/synctera_openapi.json');

export function tempDir(prefix = 'stepdoc-openapi-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes files (objects as pretty JSON, strings as they are) under a fresh temp folder. */
export function writeFiles(files: Record<string, unknown>, dir = tempDir()): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

export interface Loaded {
  spec: LoadedSpec;
  validator: SpecValidator;
  op(method: string, path: string): Operation;
}

export async function loadFile(file: string): Promise<Loaded> {
  const spec = await loadSpec(file);
  const validator = await createSpecValidator(spec);
  return {
    spec,
    validator,
    op(method, p) {
      const found = findOperation(spec, method, p);
      if (!found) throw new Error(`no operation ${method} ${p}`);
      return found;
    },
  };
}

/** Loads a spec given inline as an object. */
export async function loadInline(document: Record<string, unknown>): Promise<Loaded> {
  const dir = writeFiles({ 'spec.json': document });
  return loadFile(path.join(dir, 'spec.json'));
}

/** A minimal OAS 3.0 spec with one POST operation whose request and 200 response use `schema`. */
export function oas30(schema: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/things': {
        post: {
          requestBody: { content: { 'application/json': { schema } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
        },
      },
    },
    ...extra,
  };
}
