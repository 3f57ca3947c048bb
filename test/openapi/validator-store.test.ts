import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/mock/generate.js';
import { loadSpec } from '../../src/openapi/load.js';
import type { LoadedSpec, MediaSpec, Operation } from '../../src/openapi/model.js';
import { createSpecValidator, type SpecValidator } from '../../src/openapi/validate.js';
import { ValidatorStore } from '../../src/openapi/validator-store.js';
import { oas30, syncteraSpecFile, tempDir, writeFiles } from './helpers.js';

/** Every request and response schema of a spec, with the call that validates against it. */
function targets(spec: LoadedSpec): Array<{ media: MediaSpec; check: (v: SpecValidator, body: unknown) => unknown }> {
  const out: Array<{ media: MediaSpec; check: (v: SpecValidator, body: unknown) => unknown }> = [];
  for (const operation of spec.operations) {
    for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
      if (media.pointer !== undefined) out.push({ media, check: (v, body) => v.validateRequest(operation as Operation, type, body) });
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!/^\d{3}$/.test(status)) continue;
      for (const [type, media] of Object.entries(response.content)) {
        if (media.pointer !== undefined) out.push({ media, check: (v, body) => v.validateResponse(operation, Number(status), type, body) });
      }
    }
  }
  return out;
}

/** A valid-looking body and a few broken ones: wrong types, a missing property, an extra one. */
function bodies(media: MediaSpec, seed: number): unknown[] {
  const valid = generate(media.schema, { seed });
  const out: unknown[] = [valid, null, 'text', 42, []];
  if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
    const keys = Object.keys(valid);
    for (const key of keys.slice(0, 3)) {
      const { [key]: _dropped, ...without } = valid as Record<string, unknown>;
      out.push(without, { ...valid, [key]: typeof (valid as Record<string, unknown>)[key] === 'string' ? 7 : 'x' });
    }
    out.push({ ...valid, unexpected_property_: true });
  }
  if (Array.isArray(valid)) out.push([...valid, 'x', 1, { a: 1 }]);
  return out;
}

const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.js'));

describe('compiled validators cached on disk (standalone code)', () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    spec = await loadSpec(syncteraSpecFile);
  });

  it('on the Synctera spec, a cached validator gives the same outcome as a fresh compile, body for body', async () => {
    const cacheDir = tempDir('stepdoc-vcache-');
    const fresh = await createSpecValidator(spec);
    const cold = await createSpecValidator(spec, { cacheDir });
    const all = targets(spec);
    expect(all.length).toBeGreaterThan(100);
    const outcomes = (v: SpecValidator) => all.flatMap((t, i) => bodies(t.media, i).map((body) => t.check(v, body)));
    const expected = outcomes(fresh);
    expect(outcomes(cold)).toEqual(expected);
    const written = files(cacheDir).length;
    expect(written).toBeGreaterThan(50);
    const warm = await createSpecValidator(spec, { cacheDir });
    const before = files(cacheDir).map((f) => statSync(path.join(f.parentPath, f.name)).mtimeMs);
    expect(outcomes(warm)).toEqual(expected);
    // Loaded, not compiled and written again.
    expect(files(cacheDir).map((f) => statSync(path.join(f.parentPath, f.name)).mtimeMs)).toEqual(before);
    expect(expected.some((o) => (o as { violations: unknown[] }).violations.length > 0)).toBe(true);
    expect(warm.warnings).toEqual(fresh.warnings);
  });

  it('a damaged entry is ignored: compiled again, rewritten, same outcome', async () => {
    const cacheDir = tempDir('stepdoc-vcache-');
    const dir = writeFiles({ 'spec.json': oas30({ type: 'object', required: ['id'], properties: { id: { type: 'integer' } } }) });
    const file = path.join(dir, 'spec.json');
    const first = await createSpecValidator(await loadSpec(file), { cacheDir });
    const op = (v: SpecValidator) => v.spec.operations[0];
    const outcome = first.validateRequest(op(first), 'application/json', { id: 'a' });
    expect(outcome.violations).toEqual([expect.objectContaining({ pointer: '/id', rule: 'type' })]);
    const [entry] = files(cacheDir);
    const entryFile = path.join(entry.parentPath, entry.name);
    // Same header, code changed to accept anything: the hash no longer matches.
    const text = readFileSync(entryFile, 'utf8');
    writeFileSync(entryFile, text.replace(/\n[\s\S]*$/, '\nmodule.exports = () => true;'));
    const second = await createSpecValidator(await loadSpec(file), { cacheDir });
    expect(second.validateRequest(op(second), 'application/json', { id: 'a' })).toEqual(outcome);
    expect(readFileSync(entryFile, 'utf8')).toBe(text);
  });

  it('a changed spec never meets the old entries', async () => {
    const cacheDir = tempDir('stepdoc-vcache-');
    const dir = writeFiles({ 'spec.json': oas30({ type: 'object', properties: { id: { type: 'integer' } } }) });
    const file = path.join(dir, 'spec.json');
    const integer = await createSpecValidator(await loadSpec(file), { cacheDir });
    expect(integer.validateRequest(integer.spec.operations[0], 'application/json', { id: 'a' }).violations).toHaveLength(1);
    writeFiles({ 'spec.json': oas30({ type: 'object', properties: { id: { type: 'string' } } }) }, dir);
    const string = await createSpecValidator(await loadSpec(file), { cacheDir });
    expect(string.validateRequest(string.spec.operations[0], 'application/json', { id: 'a' }).violations).toEqual([]);
    expect(string.validateRequest(string.spec.operations[0], 'application/json', { id: 1 }).violations).toHaveLength(1);
  });

  it('a schema that does not compile gives the same warning from the cache', async () => {
    const cacheDir = tempDir('stepdoc-vcache-');
    const file = path.join(writeFiles({ 'spec.json': oas30({ type: 'object', properties: { a: { enum: [] } } }) }), 'spec.json');
    const run = async () => {
      const v = await createSpecValidator(await loadSpec(file), { cacheDir });
      const outcome = v.validateRequest(v.spec.operations[0], 'application/json', {});
      return { outcome, warnings: v.warnings.map((w) => w.message) };
    };
    const cold = await run();
    expect(cold.outcome).toMatchObject({ validated: false, reason: expect.stringContaining('cannot be compiled: enum must have non-empty array') });
    expect(cold.warnings).toEqual([expect.stringContaining('cannot be compiled (enum must have non-empty array)')]);
    expect(files(cacheDir)).toHaveLength(1);
    expect(await run()).toEqual(cold);
  });

  it('an unusable cache directory costs a compile, never the validation', async () => {
    const blocker = path.join(tempDir('stepdoc-vcache-'), 'not-a-dir');
    writeFileSync(blocker, 'x');
    const file = path.join(writeFiles({ 'spec.json': oas30({ type: 'object', properties: { id: { type: 'integer' } } }) }), 'spec.json');
    const v = await createSpecValidator(await loadSpec(file), { cacheDir: blocker });
    expect(v.validateRequest(v.spec.operations[0], 'application/json', { id: 'a' }).violations).toHaveLength(1);
  });

  it('entries of documents unused for 30 days are removed when another document is written; used ones are kept', () => {
    const cacheDir = tempDir('stepdoc-vcache-');
    const store = new ValidatorStore(cacheDir);
    const used = store.forDocument('{"a":1}', 'f');
    const unused = store.forDocument('{"b":2}', 'f');
    used.write('/p', 'module.exports = () => true;');
    unused.write('/p', 'module.exports = () => true;');
    const [root] = readdirSync(cacheDir);
    const dirs = () => readdirSync(path.join(cacheDir, root)).sort();
    expect(dirs()).toHaveLength(2);
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    for (const dir of dirs()) utimesSync(path.join(cacheDir, root, dir), old, old);
    // Reading marks a document as used (once per process).
    expect(used.read('/p')).toBe('module.exports = () => true;');
    const before = dirs();
    store.forDocument('{"c":3}', 'f').write('/p', 'module.exports = () => false;');
    const after = dirs();
    expect(after).toHaveLength(2);
    expect(after.filter((d) => before.includes(d))).toHaveLength(1);
    expect(store.forDocument('{"a":1}', 'f').read('/p')).toBe('module.exports = () => true;');
    expect(store.forDocument('{"b":2}', 'f').read('/p')).toBeUndefined();
  });
});
