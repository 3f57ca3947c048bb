import type * as Liquidjs from 'liquidjs';
// The package's `main` is its CommonJS build: importing it from ESM makes Node scan 180 KB with
// cjs-module-lexer first (≈60 ms of every start-up). Its ESM build is the same code and loads in
// ≈15 ms. Types stay the package's own. Every value import of liquidjs in src/template goes through
// here, so classes (Output, Context) come from one build and `instanceof` holds.
// @ts-expect-error: the ESM build has no declaration file of its own; typed by the cast below.
import * as esm from 'liquidjs/dist/liquid.node.mjs';

const lib = esm as typeof Liquidjs;

export const Liquid: typeof Liquidjs.Liquid = lib.Liquid;
export type Liquid = Liquidjs.Liquid;
export const Context: typeof Liquidjs.Context = lib.Context;
export type Context = Liquidjs.Context;
export const Output: typeof Liquidjs.Output = lib.Output;
export type Output = Liquidjs.Output;
export const toValueSync: typeof Liquidjs.toValueSync = lib.toValueSync;
