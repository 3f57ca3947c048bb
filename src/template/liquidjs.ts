import { createRequire } from 'node:module';
import type * as Liquidjs from 'liquidjs';

/**
 * liquidjs, loaded on first use. Most doc templates are plain (`{{ client_id }}`, see plain.ts) and
 * never need it, so a run of such docs does not load it at all (≈15 ms of start-up). `require` of
 * the CommonJS build is synchronous and, unlike `import` of it, needs no cjs-module-lexer scan.
 * Every value use of liquidjs in src/template goes through here, so classes (Output, Context)
 * come from one build and `instanceof` holds.
 */
let lib: typeof Liquidjs | undefined;

export function liquidjs(): typeof Liquidjs {
  return (lib ??= createRequire(import.meta.url)('liquidjs') as typeof Liquidjs);
}

export type { Context, Liquid, Output, Template } from 'liquidjs';
