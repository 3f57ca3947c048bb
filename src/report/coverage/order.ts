import type { OperationCoverage } from './model.js';

/** The order people read an API in; methods not listed come after, A–Z. */
const METHOD_ORDER = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE'];

function methodRank(method: string): number {
  const i = METHOD_ORDER.indexOf(method.toUpperCase());
  return i === -1 ? METHOD_ORDER.length : i;
}

/** By path (plain code-point order, so the output is the same on every machine), then method. */
export function compareOperations(a: Pick<OperationCoverage, 'method' | 'path'>, b: Pick<OperationCoverage, 'method' | 'path'>): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return methodRank(a.method) - methodRank(b.method) || (a.method < b.method ? -1 : a.method > b.method ? 1 : 0);
}

/** Code-point order for paths: the same on every machine and locale. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
