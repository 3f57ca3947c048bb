import type { Ajv } from 'ajv';
import { createRequire } from 'node:module';
import type { SpecVersion } from './model.js';

type AjvClass = new (options: Record<string, unknown>) => Ajv;

/** Loaded synchronously: a validator is compiled inside a (synchronous) validation, on first use. */
const load = createRequire(import.meta.url);

/** The CommonJS default export, whichever way it is wrapped. */
function classOf(mod: unknown): AjvClass {
  const outer = (mod as { default?: unknown }).default ?? mod;
  return ((outer as { default?: unknown }).default ?? outer) as AjvClass;
}

/**
 * The options every validator is compiled with. Part of the validator cache's key (validator-store.ts):
 * code generated with other options is another entry. Lenient on purpose: real specs carry unknown
 * keywords and formats.
 */
export const AJV_OPTIONS = {
  strict: false,
  allErrors: true,
  verbose: true,
  validateSchema: false,
  unicodeRegExp: false,
  logger: false,
  // ajv's optimiser passes (constant folding, unused names) cost about a third of each compile and
  // buy nothing measurable when the validator runs a few times per process (docs/performance.md).
  // `source` keeps the generated code, for the validator cache.
  code: { optimize: false, source: true },
} as const;

/**
 * A fresh ajv for one spec, loaded on demand (docs without swagger, and specs whose validators are all
 * cached, never load ajv): draft-07 semantics for Swagger 2.0 / OAS 3.0 (their schemas are converted to
 * it first), 2020-12 for OAS 3.1.
 */
export function createAjv(version: SpecVersion): Ajv {
  const AjvCtor = classOf(load(version === '3.1' ? 'ajv/dist/2020' : 'ajv'));
  return new AjvCtor({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code } });
}

/** ajv's standalone code of a compiled validator (a CommonJS module body). */
export function standaloneCode(ajv: Ajv, validate: unknown): string {
  const generate = classOf(load('ajv/dist/standalone')) as unknown as (ajv: Ajv, validate: unknown) => string;
  return generate(ajv, validate);
}

/** The versions the generated code depends on (it requires ajv's runtime and ajv-formats' formats). */
export function ajvVersions(): string {
  const version = (name: string) => (load(`${name}/package.json`) as { version: string }).version;
  return `ajv@${version('ajv')} ajv-formats@${version('ajv-formats')}`;
}

/** Evaluates standalone code as ajv would have compiled it; its `require`s resolve from stepdoc's own ajv. */
export function evaluateStandalone(code: string): unknown {
  const module = { exports: {} as unknown };
  new Function('require', 'module', 'exports', code)(load, module, module.exports);
  return module.exports;
}
