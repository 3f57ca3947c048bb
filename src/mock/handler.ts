import type { LoadedSpec, Operation } from '../openapi/model.js';
import { addressedId, applyAction, type Patch } from './actions.js';
import { applyEffects } from './effects.js';
import { EXTENSION, readExtension, type MockExtension, type Outcome } from './extension.js';
import { getPath } from './json-path.js';
import { holds, type PredicateScope } from './predicate.js';
import { notFoundProblem, validationProblem, PROBLEM_MEDIA_TYPE, type RequestViolation } from './problem.js';
import { createRandom, hashSeed, randomUuid, type Random } from './random.js';
import type { MockRequest } from './request.js';
import { findResource, planResource, type ResourcePlan } from './resource.js';
import { buildReply, defaultStatus, parsePrefer, problemReply, responseFor, type Reply, type ResponseCheck } from './respond.js';
import { Router, type Route, type RouteMatch } from './router.js';
import type { SpecEntry } from './spec-entry.js';
import { MockState, stateView } from './state.js';
import { renderString, renderValue, type TemplateContext } from './template.js';
import { validateRequest, type BodyCheck } from './validate-request.js';
import { splitApi } from './api-prefix.js';

export interface HandlerOptions {
  /** Loaded specs, or lazy entries loaded on their first request; in the order they answer. */
  specs: Array<LoadedSpec | SpecEntry>;
  /** Body validation for an operation of a spec (the OpenAPI layer's validators). */
  check: (spec: LoadedSpec, ...args: Parameters<BodyCheck>) => ReturnType<BodyCheck>;
  /** Does a generated body match its response schema? Generation retries other branches until it does. */
  checkResponse?: (spec: LoadedSpec, operation: Operation, status: number, body: unknown, shapeOnly?: boolean) => boolean;
  strictState?: boolean;
  seed?: number;
  /** Called before a spec's first use: prepares what `check`/`checkResponse` need for it (validators load lazily). */
  ready?: (spec: LoadedSpec) => Promise<void>;
  /**
   * The spec a request's `x-stepdoc-spec` hint names (run --mock sends the doc's `swagger:` value):
   * that spec answers the doc's operations first, whatever else is served.
   */
  specForHint?: (hint: string) => LoadedSpec | undefined;
  /** Why no served spec matches (e.g. "declared in swagger/x.json, which the mock does not serve"). */
  explainMissing?: (method: string, path: string) => string | undefined;
}

/** The request header that names the requesting doc's own spec (never shown in reports). */
export const SPEC_HINT_HEADER = 'x-stepdoc-spec';
/** The error statuses the requesting step expects (run --mock): answered only when the operation declares one. */
export const EXPECT_HINT_HEADER = 'x-stepdoc-expect';

/**
 * A step that expects an error (an invalid coupon → 422) tests a business rule the mock cannot know. When the
 * operation declares that status (exactly, not `default`), the mock answers the declared response; otherwise
 * it answers as usual and the doc fails: the spec does not declare what the doc expects.
 */
function declaredExpectation(operation: Operation, header: string | undefined): number | undefined {
  if (!header) return undefined;
  return header
    .split(',')
    .map(Number)
    .find((code) => code >= 400 && Object.hasOwn(operation.responses, String(code)));
}

/** A match whose spec is loaded. */
type Resolved = RouteMatch & { route: Route & { operation: Operation; spec: LoadedSpec } };

interface Prepared {
  extension: MockExtension;
  plan: ResourcePlan;
  accept?: ResponseCheck;
}

/** The mock's brain, free of HTTP: a parsed request in, a reply out. One instance = one state. */
export class MockHandler {
  readonly router: Router;
  readonly state = new MockState();
  private readonly prepared = new Map<Operation, Prepared>();
  private readonly random: Random;
  private readonly seed: number;

  constructor(private readonly options: HandlerOptions) {
    this.router = new Router(options.specs);
    this.seed = options.seed ?? 1;
    this.random = createRandom(hashSeed(this.seed, 'ids'));
    // Extensions are read up front so a malformed block fails at start, not on the first request.
    for (const route of this.router.routes) if (route.operation && route.spec) this.prepare(route.operation, route.spec);
  }

  async handle(request: MockRequest): Promise<Reply> {
    const { api, path } = splitApi(request.path);
    request.path = path;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const hint = request.headers[SPEC_HINT_HEADER];
    const preferred = hint ? this.options.specForHint?.(safeDecode(hint)) : undefined;
    const found = this.router.match(method, path, preferred?.file);
    const match = found && (await this.router.resolve(found.route)) ? (found as Resolved) : undefined;
    const prepared = match && this.prepare(match.route.operation, match.route.spec);
    if (match) await this.options.ready?.(match.route.spec);
    if (match && prepared?.extension.apis && !prepared.extension.apis.includes(api)) {
      // Served elsewhere (the fallback API only): the operation's own 404 when it declares one.
      if (responseFor(match.route.operation, 404)) return buildReply(match.route.operation, 404, this.seed, undefined, prepared.accept);
      const problem = notFoundProblem(request.method, path, this.router.closest(method, path));
      problem.detail = `${request.method} ${path} is not served on the \`${api}\` API (${prepared.extension.apis.join(', ')} only)`;
      return problemReply(problem);
    }
    if (!match || !prepared) {
      const why = this.options.explainMissing?.(method, path) ?? `no served spec declares ${method} ${path}`;
      return problemReply(notFoundProblem(request.method, path, this.router.closest(method, path), why));
    }
    request.params = match.params;
    const operation = match.route.operation;
    const violations = validateRequest(operation, request, (...args) => this.options.check(match.route.spec, ...args));
    if (violations.length > 0) return this.invalid(request, violations, prepared);
    const prefer = parsePrefer(request.headers.prefer);
    if (prefer.code !== undefined) return buildReply(operation, prefer.code, this.seed, prefer.example, prepared.accept);
    // Only where the spec models no business rule of its own (x-stepdoc-mock rules, unique, limit decide otherwise).
    const modelled = prepared.extension.rules.length + prepared.extension.unique.length + prepared.extension.limits.length > 0;
    const expected = modelled ? undefined : declaredExpectation(operation, request.headers[EXPECT_HINT_HEADER]);
    if (expected !== undefined) return buildReply(operation, expected, this.seed, undefined, prepared.accept);
    return this.answer(operation, request, prepared, prefer.example);
  }

  private answer(operation: Operation, request: MockRequest, { extension, plan, accept }: Prepared, exampleName?: string): Reply {
    const template = this.templateContext(request, plan);
    const scope: PredicateScope = { request, state: this.state, template };
    const merges: Patch[] = [];
    for (const rule of extension.rules) {
      if (!holds(rule.when, scope)) continue;
      if (rule.status !== undefined) return this.outcome(operation, rule, template, accept);
      merges.push({ merge: rule.merge && (renderValue(rule.merge, template) as Record<string, unknown>), unset: rule.unset });
    }
    const commits: Array<() => void> = [];
    for (const [index, unique] of extension.unique.entries()) {
      const values = unique.fields.map((f) => getPath(request.body, f));
      if (values.some((v) => v === undefined)) continue;
      const key = `unique ${plan.collection} ${operation.method} ${index} ${JSON.stringify(values)}`;
      if (this.state.hasSeen(key)) return this.outcome(operation, unique, template, accept);
      commits.push(() => this.state.remember(key));
    }
    for (const [index, limit] of extension.limits.entries()) {
      if (!holds(limit.when, scope)) continue;
      const key = `limit ${operation.method} ${operation.path} ${index} ${String(renderString(limit.key, template))}`;
      if (this.state.count(key) >= limit.max) return this.outcome(operation, limit, template, accept);
      commits.push(() => this.state.increment(key));
    }
    const reply = buildReply(operation, defaultStatus(operation).status, this.seed, exampleName, accept);
    const strictState = this.options.strictState ?? false;
    const result = applyAction(reply, { request, plan, extension, state: this.state, random: this.random, strictState, template, merges });
    if (result.status >= 300) return result;
    commits.forEach((commit) => {
      commit();
    });
    if (extension.effects.length > 0) {
      template.response = findResource(result.body, plan.idField)?.resource ?? result.body;
      template.state = stateView(this.state);
      applyEffects(extension.effects, scope);
    }
    return result;
  }

  /** A rule's answer: its templated body, or the declared response for its status. */
  private outcome(operation: Operation, outcome: Outcome, template: TemplateContext, accept?: ResponseCheck): Reply {
    const status = outcome.status ?? 422;
    if (outcome.body === undefined) return buildReply(operation, status, this.seed, undefined, accept);
    const declared = responseFor(operation, status);
    const body = renderValue(outcome.body, template);
    const isProblem = typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
    const mediaType = isProblem ? PROBLEM_MEDIA_TYPE : (declared && Object.keys(declared.content)[0]) || 'application/json';
    return { status, body, mediaType, source: 'rule' };
  }

  /** RFC 9457 by default; a spec can shape it like its API does (`validation` in x-stepdoc-mock). */
  private invalid(request: MockRequest, violations: RequestViolation[], { extension, plan }: Prepared): Reply {
    const override = extension.validation;
    if (!override) return problemReply(validationProblem(request.path, violations));
    const template = this.templateContext(request, plan) as TemplateContext & { violations: unknown };
    template.violations = violations.map((v) => ({ ...v, field: v.pointer.replace(/^\//, '').replace(/\//g, '.') }));
    return this.outcome({ responses: {} } as unknown as Operation, override, template);
  }

  private templateContext(request: MockRequest, plan: ResourcePlan): TemplateContext {
    const lookup = this.state.get(plan.collection, addressedId(request, plan));
    return {
      request: { method: request.method, path: request.path, body: request.body, query: request.query, params: request.params, headers: request.headers },
      stored: lookup && 'found' in lookup ? lookup.found.record : undefined,
      state: stateView(this.state),
      id: randomUuid(this.random),
      now: new Date().toISOString(),
    };
  }

  private prepare(operation: Operation, spec: LoadedSpec): Prepared {
    let prepared = this.prepared.get(operation);
    if (!prepared) {
      const extension = readExtension(operation, spec.document[EXTENSION]);
      const check = this.options.checkResponse;
      const accept: ResponseCheck | undefined = check && ((op, status, body, shapeOnly) => check(spec, op, status, body, shapeOnly));
      prepared = { extension, plan: planResource(operation, extension), accept };
      this.prepared.set(operation, prepared);
    }
    return prepared;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
