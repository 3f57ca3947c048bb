import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';

type AjvClass = new (options: Record<string, unknown>) => Ajv;

/** The schemas shipped in the package (schema/), found from this file in src/lint or dist/lint. */
export function schemaPath(name: string): string {
  return fileURLToPath(new URL(`../../schema/${name}`, import.meta.url));
}

let ajv: Promise<Ajv> | undefined;
const compiled = new Map<string, Promise<ValidateFunction>>();

/** One ajv per process, loaded on first use: linting docs without steps never loads it. */
function sharedAjv(): Promise<Ajv> {
  ajv ??= import('ajv').then((mod) => {
    const outer = (mod as { default?: unknown }).default ?? mod;
    const AjvCtor = ((outer as { default?: unknown }).default ?? outer) as AjvClass;
    return new AjvCtor({ allErrors: true, verbose: true, strict: false, logger: false });
  });
  return ajv;
}

/**
 * A validator for a definition of a shipped schema (`steps.schema.json#/definitions/step`), compiled
 * once per process: the same files editors use drive lint, so there is one source of truth.
 */
export function schemaValidator(file: string, fragment = ''): Promise<ValidateFunction> {
  const key = `${file}#${fragment}`;
  let pending = compiled.get(key);
  if (!pending) {
    pending = sharedAjv().then((instance) => {
      const schema = JSON.parse(readFileSync(schemaPath(file), 'utf8')) as { $id: string };
      if (!instance.getSchema(schema.$id)) instance.addSchema(schema);
      return instance.compile({ $ref: `${schema.$id}#${fragment}` });
    });
    compiled.set(key, pending);
  }
  return pending;
}
