import type { LoadedSpec, Operation } from '../openapi/model.js';
import { applyAction } from './actions.js';
import { readExtension, type MockExtension, type Outcome } from './extension.js';
import { getPath } from './json-path.js';
import { holds, type PredicateScope } from './predicate.js';
import { notFoundProblem, validationProblem, PROBLEM_MEDIA_TYPE } from './problem.js';
import { createRandom, hashSeed, randomUuid, type Random } from './random.js';
import type { MockRequest } from './request.js';
import { planResource, type ResourcePlan } from './resource.js';
import { buildReply, defaultStatus, parsePrefer, problemReply, responseFor, type Reply } from './respond.js';
import { Router } from './router.js';
import { MockState } from './state.js';
import { renderString, renderValue, type TemplateContext } from './template.js';
import { validateRequest, type BodyCheck } from './validate-request.js';

export interface HandlerOptions {
  specs: LoadedSpec[];
  /** Body validation for an operation of a spec (the OpenAPI layer's validators). */
  check: (spec: LoadedSpec, ...args: Parameters<BodyCheck>) => ReturnType<BodyCheck>;
  strictState?: boolean;
  seed?: number;
}

interface Prepared {
  extension: MockExtension;
  plan: ResourcePlan;
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
    for (const route of this.router.routes) this.prepare(route.operation);
  }

  handle(request: MockRequest): Reply {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const match = this.router.match(method, request.path);
    if (!match) return problemReply(notFoundProblem(request.method, request.path, this.router.closest(method, request.path)));
    request.params = match.params;
    const operation = match.route.operation;
    const violations = validateRequest(operation, request, (...args) => this.options.check(match.route.spec, ...args));
    if (violations.length > 0) return problemReply(validationProblem(request.path, violations));
    const prefer = parsePrefer(request.headers.prefer);
    if (prefer.code !== undefined) return buildReply(operation, prefer.code, this.seed, prefer.example);
    return this.answer(operation, request, prefer.example);
  }

  private answer(operation: Operation, request: MockRequest, exampleName?: string): Reply {
    const { extension, plan } = this.prepare(operation);
    const template = this.templateContext(request, plan);
    const scope: PredicateScope = { request, state: this.state, template };
    const merges: Array<Record<string, unknown>> = [];
    for (const rule of extension.rules) {
      if (!holds(rule.when, scope)) continue;
      if (rule.status !== undefined) return this.outcome(operation, rule, template);
      if (rule.merge) merges.push(renderValue(rule.merge, template) as Record<string, unknown>);
    }
    const pending: Array<() => void> = [];
    for (const [index, unique] of extension.unique.entries()) {
      const values = unique.fields.map((f) => getPath(request.body, f));
      if (values.some((v) => v === undefined)) continue;
      const key = `unique ${plan.collection} ${operation.method} ${index} ${JSON.stringify(values)}`;
      if (this.state.hasSeen(key)) return this.outcome(operation, unique, template);
      pending.push(() => this.state.remember(key));
    }
    for (const [index, limit] of extension.limits.entries()) {
      if (limit.when && !holds(limit.when, scope)) continue;
      const key = `limit ${operation.method} ${operation.path} ${index} ${String(renderString(limit.key, template))}`;
      if (this.state.count(key) >= limit.max) return this.outcome(operation, limit, template);
      pending.push(() => this.state.increment(key));
    }
    const status = defaultStatus(operation).status;
    const reply = buildReply(operation, status, this.seed, exampleName);
    const result = applyAction(reply, {
      request, plan, extension, state: this.state, random: this.random,
      strictState: this.options.strictState ?? false, template, merges,
    });
    if (result.status < 300) pending.forEach((commit) => commit());
    return result;
  }

  /** A rule's answer: its templated body, or the declared response for its status. */
  private outcome(operation: Operation, outcome: Outcome, template: TemplateContext): Reply {
    const status = outcome.status ?? 422;
    if (outcome.body === undefined) return buildReply(operation, status, this.seed);
    const declared = responseFor(operation, status);
    const mediaType = declared ? Object.keys(declared.content)[0] : undefined;
    const body = renderValue(outcome.body, template);
    const isProblem = typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
    return { status, body, mediaType: mediaType ?? (isProblem ? PROBLEM_MEDIA_TYPE : 'application/json'), source: 'rule' };
  }

  private templateContext(request: MockRequest, plan: ResourcePlan): TemplateContext {
    const id = plan.idParam !== undefined ? request.params[plan.idParam] : undefined;
    const lookup = id === undefined ? undefined : this.state.get(plan.collection, id);
    return {
      request: { method: request.method, path: request.path, body: request.body, query: request.query, params: request.params, headers: request.headers },
      stored: lookup && 'found' in lookup ? lookup.found.record : undefined,
      id: randomUuid(this.random),
      now: new Date().toISOString(),
    };
  }

  private prepare(operation: Operation): Prepared {
    let prepared = this.prepared.get(operation);
    if (!prepared) {
      const extension = readExtension(operation);
      prepared = { extension, plan: planResource(operation, extension) };
      this.prepared.set(operation, prepared);
    }
    return prepared;
  }
}
