import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { BodyPredicate, ExpectSpec, ExtractSource, HeaderPredicate, RetrySpec } from '../core/model.js';
import type { SourceSpan } from '../core/span.js';
import { didYouMean } from '../core/suggest.js';
import { jsonPathProblem } from './jsonpath-syntax.js';
import { EXPECT_KEYS, PREDICATE_KEYS, PREDICATE_TYPES as TYPES } from './step-schema.js';
import { asBoolean, asInteger, asNumber, isPlainObject } from './values.js';

/** Spans of a step's keys and values by dotted path, and where diagnostics go. */
export interface StepContext {
  keySpans: Record<string, SourceSpan>;
  valueSpans: Record<string, SourceSpan>;
  fallback: SourceSpan;
  diagnostics: Diagnostic[];
}

export function spanOf(ctx: StepContext, path: string): SourceSpan {
  return ctx.valueSpans[path] ?? ctx.keySpans[path] ?? ctx.fallback;
}

export { PREDICATE_KEYS };

export function readExpect(value: unknown, ctx: StepContext, at: string): ExpectSpec {
  const spec: ExpectSpec = { body: [], headers: [] };
  if (value === undefined || value === null) return spec;
  if (!isPlainObject(value)) {
    ctx.diagnostics.push(errorDiag('expect-type', '`expect` must be a mapping', spanOf(ctx, at), { expected: EXPECT_KEYS.join(', ') }));
    return spec;
  }
  // Unknown keys are reported by the schema check of the whole step (step-schema.ts).
  if (value.status !== undefined) spec.status = readStatus(value.status, ctx, `${at}.status`);
  if (value.body !== undefined) spec.body = readBodyPredicates(value.body, ctx, `${at}.body`);
  if (value.headers !== undefined) spec.headers = readHeaderPredicates(value.headers, ctx, `${at}.headers`);
  if (value.maxMs !== undefined) {
    spec.maxMs = asNumber(value.maxMs);
    if (spec.maxMs === undefined || spec.maxMs <= 0)
      ctx.diagnostics.push(errorDiag('expect-max-ms', '`maxMs` must be a positive number of milliseconds', spanOf(ctx, `${at}.maxMs`)));
  }
  if (value.schema !== undefined) spec.schema = asBoolean(value.schema);
  return spec;
}

function readStatus(value: unknown, ctx: StepContext, at: string): number[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const out: number[] = [];
  list.forEach((item, i) => {
    const code = asInteger(item);
    if (code === undefined || code < 100 || code > 599) {
      const path = Array.isArray(value) ? `${at}.${i}` : at;
      ctx.diagnostics.push(
        errorDiag('invalid-status', `\`${String(item)}\` is not an HTTP status code`, spanOf(ctx, path), {
          expected: 'a number from 100 to 599, or a list of them',
        }),
      );
    } else out.push(code);
  });
  return out.length ? out : undefined;
}

function readBodyPredicates(value: unknown, ctx: StepContext, at: string): BodyPredicate[] {
  if (!isPlainObject(value)) {
    ctx.diagnostics.push(
      errorDiag('expect-body-type', '`expect.body` must map JSONPaths to predicates', spanOf(ctx, at), { expected: '"$.path": value or { exists: true }' }),
    );
    return [];
  }
  return Object.entries(value).map(([path, predicate]) => {
    const span = ctx.keySpans[`${at}.${path}`] ?? spanOf(ctx, at);
    checkJsonPath(path, span, ctx);
    return { path, span, ...readPredicate(predicate, ctx, `${at}.${path}`) };
  });
}

/** `{ exists: true }` is a predicate; any other value (object included) means `equals`. */
function readPredicate(value: unknown, ctx: StepContext, at: string): Omit<BodyPredicate, 'path'> {
  if (!isPlainObject(value) || !Object.keys(value).some((k) => PREDICATE_KEYS.includes(k))) return { equals: value };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!PREDICATE_KEYS.includes(key)) {
      ctx.diagnostics.push(
        errorDiag('unknown-predicate', `unknown predicate \`${key}\``, ctx.keySpans[`${at}.${key}`] ?? spanOf(ctx, at), {
          help: didYouMean(key, PREDICATE_KEYS),
          expected: PREDICATE_KEYS.join(', '),
        }),
      );
    } else out[key] = v;
  }
  if (out.type !== undefined && !TYPES.includes(String(out.type))) {
    ctx.diagnostics.push(
      errorDiag('unknown-type', `unknown type \`${String(out.type)}\``, spanOf(ctx, `${at}.type`), {
        help: didYouMean(String(out.type), TYPES),
        expected: TYPES.join(', '),
      }),
    );
  }
  if (out.matches !== undefined) checkRegex(String(out.matches), ctx, `${at}.matches`);
  if (out.exists !== undefined) out.exists = asBoolean(out.exists) ?? true;
  return out as Omit<BodyPredicate, 'path'>;
}

function readHeaderPredicates(value: unknown, ctx: StepContext, at: string): HeaderPredicate[] {
  if (!isPlainObject(value)) {
    ctx.diagnostics.push(errorDiag('expect-headers-type', '`expect.headers` must map header names to values', spanOf(ctx, at)));
    return [];
  }
  return Object.entries(value).map(([name, predicate]) => {
    const span = ctx.keySpans[`${at}.${name}`];
    if (isPlainObject(predicate)) {
      if (predicate.matches !== undefined) checkRegex(String(predicate.matches), ctx, `${at}.${name}.matches`);
      return {
        name,
        span,
        equals: predicate.equals === undefined ? undefined : String(predicate.equals),
        matches: predicate.matches === undefined ? undefined : String(predicate.matches),
        contains: predicate.contains === undefined ? undefined : String(predicate.contains),
        exists: asBoolean(predicate.exists),
      };
    }
    return { name, span, equals: String(predicate) };
  });
}

function checkJsonPath(path: string, span: SourceSpan, ctx: StepContext): void {
  const problem = jsonPathProblem(path);
  if (!problem) return;
  ctx.diagnostics.push(
    errorDiag('jsonpath-syntax', `\`${path}\` is not a valid JSONPath: ${problem.message}`, span, { expected: 'a path like `$.data.items[0].id`' }),
  );
}

function checkRegex(source: string, ctx: StepContext, at: string): void {
  try {
    new RegExp(source);
  } catch (error) {
    ctx.diagnostics.push(errorDiag('invalid-regex', `invalid regular expression: ${(error as Error).message}`, spanOf(ctx, at)));
  }
}

/** `"$.a.b"` body path; `status`; `header:Name` or `headers.Name`; or the object forms. */
export function readExtract(value: unknown, ctx: StepContext, at: string): Record<string, ExtractSource> {
  const out: Record<string, ExtractSource> = {};
  if (value === undefined || value === null) return out;
  if (!isPlainObject(value)) {
    ctx.diagnostics.push(errorDiag('extract-type', '`extract` must map variable names to JSONPaths', spanOf(ctx, at), { expected: 'name: "$.data.id"' }));
    return out;
  }
  for (const [name, source] of Object.entries(value)) {
    const parsed = readExtractSource(source);
    if (parsed?.from === 'body') checkJsonPath(parsed.path, spanOf(ctx, `${at}.${name}`), ctx);
    if (parsed) out[name] = parsed;
    else {
      ctx.diagnostics.push(
        errorDiag('extract-source', `cannot read where \`${name}\` is extracted from`, spanOf(ctx, `${at}.${name}`), {
          expected: 'a JSONPath like "$.data.id", "status", "header:Location", or { header: Name }',
        }),
      );
    }
  }
  return out;
}

function readExtractSource(source: unknown): ExtractSource | undefined {
  if (typeof source === 'string') {
    const s = source.trim();
    if (s.startsWith('$')) return { from: 'body', path: s };
    if (s === 'status' || s === '@status') return { from: 'status' };
    const header = /^(?:header:|headers\.)(.+)$/i.exec(s);
    if (header) return { from: 'header', name: header[1].trim() };
    return undefined;
  }
  if (isPlainObject(source)) {
    const secret = source.secret === true ? { secret: true } : {};
    if (typeof source.header === 'string') return { from: 'header', name: source.header, ...secret };
    if (source.status !== undefined) return { from: 'status', ...secret };
    const path = source.jsonpath ?? source.path ?? source.body;
    if (typeof path === 'string' && path.startsWith('$')) return { from: 'body', path, ...(source.all === true ? { all: true } : {}), ...secret };
  }
  return undefined;
}

export function readRetry(value: unknown, ctx: StepContext, at: string): RetrySpec | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    ctx.diagnostics.push(errorDiag('retry-type', '`retry` must be a mapping', spanOf(ctx, at), { expected: '{ attempts, delayMs, until }' }));
    return undefined;
  }
  const attempts = asInteger(value.attempts) ?? 3;
  const delayMs = asNumber(value.delayMs ?? value.delay) ?? 500;
  if (attempts < 1 || attempts > 1000)
    ctx.diagnostics.push(errorDiag('retry-attempts', '`retry.attempts` must be between 1 and 1000', spanOf(ctx, `${at}.attempts`)));
  if (delayMs < 0) ctx.diagnostics.push(errorDiag('retry-delay', '`retry.delayMs` must not be negative', spanOf(ctx, `${at}.delayMs`)));
  const until = value.until === undefined ? undefined : readExpect(value.until, ctx, `${at}.until`);
  return { attempts, delayMs, until };
}
