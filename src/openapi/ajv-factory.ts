import type { Ajv } from 'ajv';
import type { SpecVersion } from './model.js';

type AjvClass = new (options: Record<string, unknown>) => Ajv;

/** The CommonJS default export, whichever way the ESM loader wrapped it. */
function classOf(mod: unknown): AjvClass {
  const outer = (mod as { default?: unknown }).default ?? mod;
  return ((outer as { default?: unknown }).default ?? outer) as AjvClass;
}

/**
 * A fresh ajv for one spec, loaded on demand (docs without swagger never load ajv):
 * draft-07 semantics for Swagger 2.0 / OAS 3.0 (their schemas are converted to it first),
 * 2020-12 for OAS 3.1. Lenient on purpose: real specs carry unknown keywords and formats.
 */
export async function createAjv(version: SpecVersion): Promise<Ajv> {
  const AjvCtor = version === '3.1' ? classOf(await import('ajv/dist/2020.js')) : classOf(await import('ajv'));
  return new AjvCtor({
    strict: false,
    allErrors: true,
    verbose: true,
    validateSchema: false,
    unicodeRegExp: false,
    logger: false,
    // ajv's optimiser passes (constant folding, unused names) cost about a third of each compile and
    // buy nothing measurable when the validator runs a few times per process (docs/performance.md).
    code: { optimize: false },
  });
}
