import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadSpecCached, clearSpecCache } from '../../src/openapi/cache.js';
import { createSpecValidator } from '../../src/openapi/validate.js';
import { sharedDir } from './helpers.js';

/** Every JSON file under the real corpora: messy specs must load with warnings, never throw. */
function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (entry.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

const roots = ['corpus/vcita/swagger', 'corpus/vcita/mcp_swagger', 'specs/synctera'].map((r) => path.join(sharedDir, r));
const files = roots.flatMap(jsonFiles);

describe('corpus sweep', () => {
  afterAll(() => clearSpecCache());

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(80);
  });

  it.each(files.map((f) => [path.relative(sharedDir, f), f]))('%s loads and compiles', async (_name, file) => {
    const load = await loadSpecCached(file);
    expect(load.diagnostics).toEqual([]);
    const spec = load.spec!;
    const hasPaths = Object.keys((spec.document.paths as object | undefined) ?? {}).length > 0;
    if (hasPaths) expect(spec.operations.length).toBeGreaterThan(0);
    const validator = await createSpecValidator(spec);
    const compiled = validator.compileAll();
    // No schema may be left uncompilable: messy content is converted or tolerated, with warnings.
    expect(validator.warnings.filter((w) => w.code === 'spec-schema-invalid')).toEqual([]);
    for (const warning of [...spec.warnings, ...validator.warnings]) expect(warning.severity).toBe('warning');
    if (hasPaths && spec.operations.some((o) => o.requestBody || Object.values(o.responses).some((r) => Object.values(r.content).some((m) => m.pointer)))) {
      expect(compiled).toBeGreaterThan(0);
    }
  });

  it('counts operations and warnings over the whole corpus', async () => {
    let operations = 0;
    const codes = new Map<string, number>();
    for (const file of files) {
      const { spec } = await loadSpecCached(file);
      operations += spec!.operations.length;
      const validator = await createSpecValidator(spec!);
      for (const w of [...spec!.warnings, ...validator.warnings]) codes.set(w.code, (codes.get(w.code) ?? 0) + 1);
    }
    expect(operations).toBeGreaterThan(1000);
    // The real specs' known messes, each reported: remote refs (vcita entities), made-up formats (Synctera `US`…).
    expect(codes.get('spec-remote-ref')).toBeGreaterThan(30);
    expect(codes.get('spec-unknown-format')).toBeGreaterThanOrEqual(3);
    expect(codes.get('spec-unknown-version')).toBeGreaterThanOrEqual(2);
  });
});
