import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../src/doc/parse.js';
import { walkSchema } from '../../src/core/schema-walk.js';
import { shippedSchema, type JsonSchema } from '../../src/core/shipped-schema.js';
import { REPO_ROOT, SHARED } from '../support/cli.js';

function markdownFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => (statSync(join(dir, n)).isDirectory() ? markdownFiles(join(dir, n)) : n.endsWith('.md') ? [join(dir, n)] : []));
}

const stepsRoot = shippedSchema('steps.schema.json');
const stepSchema = (stepsRoot.definitions as Record<string, JsonSchema>).step;
const configRoot = shippedSchema('config.schema.json');
const checkAgainst = (root: JsonSchema, schema: JsonSchema, value: unknown) => walkSchema(root, schema, value);
const validStep = (value: unknown) => checkAgainst(stepsRoot, stepSchema, value).length === 0;

/** ajv is the reference implementation of JSON Schema: the walker must agree with it on the shipped schemas. */
const ajv = new Ajv({ strict: false });
ajv.addSchema(stepsRoot);
const ajvStep = ajv.getSchema('https://stepdoc.dev/schema/steps.schema.json#/definitions/step')!;
const ajvConfig = ajv.compile(configRoot);

describe('the shipped schemas through the schema walker', () => {
  it('accepts every step of the scenarios and the corpus, and flags the broken fixtures', () => {
    const stepsOf = (dir: string) => markdownFiles(dir).flatMap((f) => parseDoc(readFileSync(f, 'utf8'), f).steps);
    const valid = [...stepsOf(resolve(REPO_ROOT, 'scenarios')), ...stepsOf(resolve(SHARED, 'corpus/vcita/workflows'))];
    expect(valid.length).toBeGreaterThan(400);
    expect(valid.filter((s) => !validStep(s.raw)).map((s) => s.id)).toEqual([]);
    const invalid = stepsOf(resolve(REPO_ROOT, 'test/fixtures/lint')).filter((s) => !validStep(s.raw));
    expect(invalid.length).toBeGreaterThan(2);
    for (const step of invalid) expect(checkAgainst(stepsRoot, stepSchema, step.raw).length, step.id).toBeGreaterThan(0);
  });

  it('names an unknown key with the keys allowed where it stands', () => {
    const [finding] = checkAgainst(stepsRoot, stepSchema, { id: 'a', path: '/a', expect: { stauts: 200 } });
    expect(finding.path).toBe('expect.stauts');
    expect(finding.unknownKey?.key).toBe('stauts');
    expect(finding.unknownKey?.allowed).toContain('status');
  });

  it('reports a failed oneOf once, in words, and a wrong type with what was expected', () => {
    const findings = checkAgainst(stepsRoot, stepSchema, { id: 'a', path: '/a', expect: { status: { code: 200 } } });
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('expect.status');
    expect(findings[0].expected).toMatch(/whole number/);
    const [onFail] = checkAgainst(stepsRoot, stepSchema, { id: 'a', path: '/a', onFail: 'stop' });
    expect(onFail).toMatchObject({ path: 'onFail', expected: 'one of abort, skip, continue' });
  });

  it('checks config files: unknown keys with their siblings, wrong shapes', () => {
    const findings = checkAgainst(configRoot, configRoot, { concurency: 2, timeoutMs: 'soon' });
    expect(findings.find((f) => f.unknownKey)?.unknownKey?.allowed).toContain('concurrency');
    expect(findings.find((f) => f.path === 'timeoutMs')?.expected).toBeDefined();
  });

  it('allows x- keys everywhere and says how far a number is out of range', () => {
    expect(checkAgainst(stepsRoot, stepSchema, { id: 'a', path: '/a', 'x-owner': 'me', expect: { 'x-note': 1 }, retry: { 'x-why': 'slow' } })).toEqual([]);
    expect(checkAgainst(configRoot, configRoot, { 'x-team': 'a', concurrency: 5000 })).toEqual([
      { path: 'concurrency', expected: expect.stringContaining('a whole number from 1 to 1024') },
    ]);
  });

  it('gives a finding exactly when ajv finds the value invalid, on generated steps and configs', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.integer({ min: 1000, max: 5000 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    );
    const stepKeys = fc.constantFrom(...Object.keys(stepSchema.properties as object), 'expcet', 'bogus', 'x-note');
    const configKeys = fc.constantFrom(...Object.keys(configRoot.properties as object), 'timeout', 'x-mine');
    fc.assert(
      fc.property(fc.dictionary(stepKeys, value, { maxKeys: 4 }), fc.dictionary(configKeys, value, { maxKeys: 3 }), (step, config) => {
        expect(validStep(step)).toBe(ajvStep(step));
        expect(checkAgainst(configRoot, configRoot, config).length === 0).toBe(ajvConfig(config));
      }),
      { numRuns: 1000 },
    );
  });
});
