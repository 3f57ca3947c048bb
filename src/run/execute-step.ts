import { setTimeout as sleep } from 'node:timers/promises';
import { StepdocError } from '../core/errors.js';
import { DRY_RUN_REASON, type CheckResult, type StepAttempt, type StepResult } from '../core/result.js';
import type { RequestNode } from '../graph/graph.js';
import { sendWithRetry } from '../http/retry.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { createScope } from '../template/render.js';
import { extractVariables } from '../checks/extract.js';
import type { DocRunContext, StepOwner } from './context.js';
import { evaluateExpect, expectedStatus, failed } from './evaluate.js';
import { renderRequest } from './render-request.js';
import { summariseRequest, summariseResponse } from './response-summary.js';
import { authorize, cookieJarFor, sendAuthorized, type Authorized } from './authorize.js';
import { capturedSecrets, mentionsKey, redactKeySet, secretsInForm, secretsUnderKeys } from './secret-values.js';
import { emptyStepResult } from './skipped-step.js';

/** Runs one request step: render, validate, send (polling with `retry.until`), check, extract. */
export async function executeRequestStep(node: RequestNode, owner: StepOwner, ctx: DocRunContext): Promise<StepResult> {
  const { step, compiled } = node;
  const result = startResult(node, owner);
  const started = performance.now();
  const done = (status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult => {
    Object.assign(result, { status, durationMs: Math.round((performance.now() - started) * 100) / 100 }, extra);
    return result;
  };
  let request: HttpRequest;
  let authorized: Authorized;
  const redactKeys = redactKeySet(ctx.settings.redactKeys);
  try {
    if (step.sleepMs) await sleep(step.sleepMs, undefined, { signal: ctx.signal });
    request = renderRequest(step, compiled, owner.doc, createScope(ctx.variables), ctx.settings);
    const expected = ctx.settings.mock ? expectedStatus(step, owner.doc) : undefined;
    if (expected?.length && expected.every((s) => s >= 400)) request.expectHint = expected;
    ctx.redactor.add(secretsUnderKeys(request.body, redactKeys));
    authorized = await authorize(request, ctx);
    request = authorized.request;
  } catch (error) {
    return done('failed', { error: errorOf(error, ctx) });
  }
  const jar = ctx.settings.dryRun ? undefined : cookieJarFor(owner.doc, ctx);
  result.request = summariseRequest(request, ctx.redactor, await jar?.header(request.url));
  if (ctx.settings.dryRun) {
    for (const name of Object.keys(step.extract)) ctx.variables[name] = `<${name}>`;
    return done('dry-run', { skipReason: DRY_RUN_REASON });
  }
  const refusal = deleteRefusal(request.method, ctx.settings);
  if (refusal) return done('not-sent', { skipReason: refusal, notSentBy: DELETE_GUARD });
  const validator = owner.validation?.forStep(step.method, request.operationPath ?? new URL(request.url).pathname);
  if (validator && step.expect.schema !== false && request.bodyKind === 'json') {
    result.checks.push(...requestChecks(validator.request(request.body, 'application/json'), expectedStatus(step, owner.doc)));
    if (failed(result.checks)) return done('failed');
  }
  const outcome = await sendUntil(node, owner, ctx, authorized, result.attempts);
  if ('error' in outcome) return done('failed', { error: outcome.error });
  const { response, checks } = outcome;
  // Secrets of this answer (redact.keys values, captured `secret: true` values) are known before it is summarised.
  const { values, failures } = extractVariables(step.extract, {
    status: response.status,
    headers: response.headers,
    json: response.json,
    jsonError: response.jsonError,
  });
  ctx.redactor.add([...bodySecrets(response, redactKeys), ...capturedSecrets(step.extract, values)]);
  result.response = summariseResponse(response, ctx.redactor);
  if (validator && step.expect.schema !== false)
    checks.push(...validator.response(response.status, response.headers['content-type'], response.json !== undefined ? response.json : response.bodyText));
  result.checks.push(...checks);
  Object.assign(ctx.variables, values);
  result.extracted = Object.keys(values);
  if (!failed(result.checks)) result.checks.push(...failures);
  return done(failed(result.checks) ? 'failed' : 'passed');
}

/**
 * A request that breaks the spec is caught before it is sent, unless the step expects an error
 * status: then it sends the invalid body on purpose, and the violation is only a warning.
 */
function requestChecks(checks: CheckResult[], expected: number[] | undefined): CheckResult[] {
  if (!expected?.every((s) => s >= 400)) return checks;
  return checks.map((c) =>
    c.passed ? c : { ...c, severity: 'warning', message: `${c.message ?? ''} (sent anyway: the step expects ${expected.join(' or ')})` },
  );
}

type SendOutcome = { response: HttpResponse; checks: CheckResult[] } | { error: { code: string; message: string } };

/**
 * One attempt, or several with `retry`: repeat until `until` (or the step's expect) passes. Each
 * attempt goes through sendWithRetry, which repeats 429/502/503/resets with backoff (live-API safety).
 */
async function sendUntil(node: RequestNode, owner: StepOwner, ctx: DocRunContext, authorized: Authorized, attempts: StepAttempt[]): Promise<SendOutcome> {
  const { request } = authorized;
  const { step, compiled } = node;
  const max = step.retry?.attempts ?? 1;
  const status = expectedStatus(step, owner.doc);
  const accepted = [...(status ?? []), ...(step.retry?.until?.status ?? [])];
  const sendOptions = { followRedirects: !accepted.some(isRedirect), accepts401: accepted.includes(401) };
  const send = () =>
    sendWithRetry(() => sendAuthorized(authorized, ctx, owner.doc, sendOptions), {
      policy: ctx.settings.retry,
      method: request.method,
      unsafe: owner.doc.frontmatter.raw.retryUnsafe === true,
      accepts: (s) => accepted.includes(s),
      signal: ctx.signal,
      onAttempt: (a) => attempts.push(a),
    });
  let last: SendOutcome = { error: { code: 'not-sent', message: 'not sent' } };
  for (let attempt = 1; attempt <= max; attempt++) {
    try {
      const response = await send();
      const scope = createScope(ctx.variables);
      const checks = evaluateExpect(step.expect, status, response, compiled.expectBody, scope);
      const until = step.retry?.until;
      const done = until ? !failed(evaluateExpect(until, until.status, response, compiled.untilBody, scope)) : !failed(checks);
      last = { response, checks };
      if (done) return last;
    } catch (error) {
      last = { error: errorOf(error, ctx) };
      if (ctx.signal.aborted) return last;
    }
    if (attempt < max) await sleep(step.retry?.delayMs ?? 0, undefined, { signal: ctx.signal }).catch(() => {});
    if (ctx.signal.aborted) break;
  }
  if ('response' in last && step.retry?.until && max > 1) {
    last.checks.push({
      kind: 'status',
      name: 'retry.until',
      passed: false,
      expected: 'the `until` checks to pass',
      actual: `still failing after ${max} attempts`,
      message: `gave up after ${max} attempts`,
    });
  }
  return last;
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/**
 * DELETE against a live API needs `--allow-delete` (or config `allowDelete: true`): a doc run
 * by mistake against production must not delete real data. The mock is always fair game.
 */
export const DELETE_GUARD = 'DELETE guard';

function deleteRefusal(method: string, settings: DocRunContext['settings']): string | undefined {
  if (method !== 'DELETE' || settings.allowDelete || settings.mock) return undefined;
  return 'DELETE not sent to a live API: pass --allow-delete (or set allowDelete: true in stepdoc.config.yaml)';
}

function startResult(node: RequestNode, owner: StepOwner): StepResult {
  return emptyStepResult(node.step, owner, 'passed');
}

export function errorOf(error: unknown, ctx: DocRunContext): { code: string; message: string } {
  if (error instanceof StepdocError) {
    const where = error.span ? ` (${error.span.file}:${error.span.line}:${error.span.col})` : '';
    return { code: error.code, message: ctx.redactor.text(error.message + where) };
  }
  if ((error as Error)?.name === 'AbortError') return { code: 'aborted', message: 'interrupted' };
  throw error;
}

/** Values under `redact.keys` in a JSON or form answer; a body naming none of the keys is not walked. */
function bodySecrets(response: HttpResponse, keys: ReadonlySet<string>): string[] {
  if (!mentionsKey(response.bodyText, keys)) return [];
  if (response.json !== undefined) return secretsUnderKeys(response.json, keys);
  return /x-www-form-urlencoded/i.test(response.headers['content-type'] ?? '') ? secretsInForm(response.bodyText, keys) : [];
}
