import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../src/doc/parse.js';
import { CHECKED_KEYWORDS, checkAgainst, compileValidator, shippedSchema, type JsonSchema } from '../../src/lint/schema-check.js';
import { REPO_ROOT, SHARED } from '../support/cli.js';

const ANNOTATIONS = ['$schema', '$id', 'title', 'description', 'examples', 'definitions', 'default'];

/** Every keyword used anywhere in a schema (property names under `properties` are not keywords). */
function keywords(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => keywords(s, into));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      into.add(key);
      if (key === 'properties' || key === 'definitions') Object.values(value as object).forEach((s) => keywords(s, into));
      else if (key !== 'enum' && key !== 'examples' && key !== 'required') keywords(value, into);
    }
  }
  return into;
}

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
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(stepsRoot);
const ajvStep = ajv.compile({ $ref: `${stepsRoot.$id as string}#/definitions/step` });
const ajvConfig = ajv.compile(configRoot);
const validStep = compileValidator(stepsRoot, stepSchema);
const validConfig = compileValidator(configRoot, configRoot);

describe('the shipped-schema validator', () => {
  it('understands every keyword the shipped schemas use', () => {
    for (const name of ['steps.schema.json', 'config.schema.json']) {
      const unknown = [...keywords(shippedSchema(name))].filter((k) => !CHECKED_KEYWORDS.includes(k) && !ANNOTATIONS.includes(k));
      expect(unknown, name).toEqual([]);
    }
  });

  it('agrees with ajv on every step of the corpus, the scenarios and the fixtures', () => {
    const files = [
      ...markdownFiles(resolve(SHARED, 'corpus/vcita/workflows')),
      ...markdownFiles(resolve(REPO_ROOT, 'scenarios')),
      ...markdownFiles(resolve(REPO_ROOT, 'test/fixtures/lint')),
    ];
    let steps = 0;
    let invalid = 0;
    for (const file of files) {
      for (const step of parseDoc(readFileSync(file, 'utf8'), file).steps) {
        steps++;
        const mine = checkAgainst(stepsRoot, stepSchema, step.raw).length === 0;
        if (!mine) invalid++;
        expect(mine, `${file} step ${step.id}`).toBe(ajvStep(step.raw));
        expect(validStep(step.raw)).toBe(mine);
      }
    }
    expect(steps).toBeGreaterThan(400);
    expect(invalid).toBeGreaterThan(2);
  });

  it('agrees with ajv on generated steps and configs', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }));
    const stepKeys = fc.constantFrom(...Object.keys(stepSchema.properties as object), 'expcet', 'bogus');
    const configKeys = fc.constantFrom(...Object.keys(configRoot.properties as object), 'timeout');
    fc.assert(
      fc.property(fc.dictionary(stepKeys, value, { maxKeys: 4 }), fc.dictionary(configKeys, value, { maxKeys: 3 }), (step, config) => {
        expect(checkAgainst(stepsRoot, stepSchema, step).length === 0).toBe(ajvStep(step));
        expect(checkAgainst(configRoot, configRoot, config).length === 0).toBe(ajvConfig(config));
        expect(validStep(step)).toBe(ajvStep(step));
        expect(validConfig(config)).toBe(ajvConfig(config));
      }),
      { numRuns: 2000 },
    );
  });
});
