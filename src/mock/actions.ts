import type { MockExtension } from './extension.js';
import { overlay } from './echo.js';
import { getPath, parsePath, setPath } from './json-path.js';
import { unknownResourceProblem } from './problem.js';
import type { Random } from './random.js';
import type { MockRequest } from './request.js';
import { findList, findResource, newId, type ResourcePlan } from './resource.js';
import { problemReply, type Reply } from './respond.js';
import { isObject } from './schema-util.js';
import type { MockState, StoredResource } from './state.js';
import { renderValue, type TemplateContext } from './template.js';

export interface Patch {
  merge?: Record<string, unknown>;
  unset?: string[];
}

export interface ActionScope {
  request: MockRequest;
  plan: ResourcePlan;
  extension: MockExtension;
  state: MockState;
  random: Random;
  strictState: boolean;
  template: TemplateContext;
  /** Patches from matching `merge`/`unset` rules, applied to the resource (and so to what is stored). */
  merges: Patch[];
}

/** Applies the operation's state action to the declared reply; a Problem when strict state finds nothing. */
export function applyAction(reply: Reply, scope: ActionScope): Reply {
  switch (scope.plan.action) {
    case 'create':
      return create(reply, scope);
    case 'read':
      return readOrChange(reply, scope, 'read');
    case 'update':
      return readOrChange(reply, scope, 'update');
    case 'delete':
      return readOrChange(reply, scope, 'delete');
    case 'list':
      return list(reply, scope);
    case 'none':
      return scope.request.method === 'GET' ? withMerges(reply, scope) : echoed(reply, scope);
  }
}

function create(reply: Reply, scope: ActionScope): Reply {
  const body = isObject(reply.body) ? reply.body : isObject(scope.request.body) ? {} : undefined;
  const located = findResource(body, scope.plan.idField);
  if (!located) return reply;
  const { resource, idField } = located;
  if (isObject(scope.request.body)) overlay(resource, scope.request.body, { addMissing: body !== reply.body, exclude: new Set([idField]) });
  applyMerges(resource, scope);
  const id = newId(resource[idField], scope.state.nextSequence(), scope.random);
  // An answer without any id field gets none added (it would not match its schema); it is still stored.
  if (located.hasId || body !== reply.body || scope.plan.idField !== undefined) resource[idField] = id;
  scope.state.put(scope.plan.collection, String(id), resource);
  return { ...reply, body: reply.body === undefined ? undefined : body };
}

/** The id a request addresses: its id path parameter, or the collection's single resource (settings-like paths). */
export function addressedId(request: MockRequest, plan: ResourcePlan): string {
  return plan.idParam !== undefined ? (request.params[plan.idParam] ?? SINGLETON) : SINGLETON;
}

export const SINGLETON = '@';

function readOrChange(reply: Reply, scope: ActionScope, action: 'read' | 'update' | 'delete'): Reply {
  const { request, plan, state } = scope;
  const id = addressedId(request, plan);
  const singleton = id === SINGLETON;
  const lookup = state.get(plan.collection, id);
  if (lookup && 'deleted' in lookup) return problemReply(unknownResourceProblem(request.path, plan.collection, id));
  if (!lookup) {
    if (scope.strictState && !singleton) return problemReply(unknownResourceProblem(request.path, plan.collection, id));
    const lenient = action === 'read' ? withMerges(reply, scope, singleton) : echoed(reply, scope, singleton);
    if (singleton && action === 'update') storeSingleton(lenient, scope);
    return singleton ? lenient : withRequestedId(lenient, id, plan.idField);
  }
  const stored = lookup.found;
  if (action === 'delete') {
    state.remove(plan.collection, id);
    return reply;
  }
  if (action === 'update' && isObject(request.body)) overlay(stored.record, request.body, { addMissing: false, exclude: idSet(plan) });
  if (action === 'read') transition(stored, scope);
  applyMerges(stored.record, scope);
  // A singleton is stored as the whole answer; other resources as the object that holds their id.
  const located = singleton ? (isObject(reply.body) ? { resource: reply.body } : undefined) : findResource(reply.body, plan.idField);
  if (!located) return { ...reply, body: structuredClone(stored.record) };
  overlay(located.resource, stored.record, { addMissing: true });
  return reply;
}

/** The first update of a settings-like resource stores the whole request (echoed into the answer's resource). */
function storeSingleton(reply: Reply, scope: ActionScope): void {
  if (isObject(reply.body)) scope.state.put(scope.plan.collection, SINGLETON, reply.body);
}

/** Transitions count reads: `after: 1` means the first read already shows the new value. */
function transition(stored: StoredResource, scope: ActionScope): void {
  stored.reads++;
  for (const t of scope.extension.transitions) {
    if (stored.reads < t.after) continue;
    const current = getPath(stored.record, t.path);
    if (t.from.length === 0 || t.from.some((f) => JSON.stringify(f) === JSON.stringify(current))) {
      setPath(stored.record, t.path, renderValue(t.to, { ...scope.template, stored: stored.record }));
    }
  }
}

function list(reply: Reply, scope: ActionScope): Reply {
  const stored = scope.state.list(scope.plan.collection);
  const items = stored.length > 0 ? findList(reply.body) : undefined;
  if (!items) return reply;
  const template = items[0];
  const listed = stored.map((s) => {
    if (!isObject(template)) return structuredClone(s.record);
    const item = structuredClone(template);
    overlay(item, s.record, { addMissing: true });
    return item;
  });
  items.splice(0, items.length, ...listed);
  return reply;
}

/** Request fields echoed into the reply's resource (lenient answers, actions without state). */
function echoed(reply: Reply, scope: ActionScope, whole = false): Reply {
  const resource = resourceOf(reply, scope, whole);
  if (resource && isObject(scope.request.body)) overlay(resource, scope.request.body, { addMissing: false, exclude: idSet(scope.plan) });
  return withMerges(reply, scope, whole);
}

function withMerges(reply: Reply, scope: ActionScope, whole = false): Reply {
  const resource = resourceOf(reply, scope, whole);
  if (resource) applyMerges(resource, scope);
  return reply;
}

/** The object that holds the resource; `whole` (singletons) means the body itself. */
function resourceOf(reply: Reply, scope: ActionScope, whole: boolean): Record<string, unknown> | undefined {
  if (whole) return isObject(reply.body) ? reply.body : undefined;
  return findResource(reply.body, scope.plan.idField)?.resource;
}

function withRequestedId(reply: Reply, id: string, idField?: string): Reply {
  const located = findResource(reply.body, idField);
  if (!located) return reply;
  const current = located.resource[located.idField];
  if (typeof current === 'string') located.resource[located.idField] = id;
  else if (typeof current === 'number' && /^\d+$/.test(id)) located.resource[located.idField] = Number(id);
  return reply;
}

function applyMerges(target: Record<string, unknown>, scope: ActionScope): void {
  for (const patch of scope.merges) {
    if (patch.merge) deepMerge(target, patch.merge);
    for (const path of patch.unset ?? []) unsetPath(target, path);
  }
}

function unsetPath(target: Record<string, unknown>, path: string): void {
  const keys = parsePath(path);
  const parent = getPath(target, keys.slice(0, -1));
  const last = keys[keys.length - 1];
  if (isObject(parent) && typeof last === 'string') delete parent[last];
}

function deepMerge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const existing = target[key];
    if (value === undefined) continue; // a template that found nothing leaves the field as it was
    if (isObject(existing) && isObject(value)) deepMerge(existing, value);
    else target[key] = structuredClone(value);
  }
}

function idSet(plan: ResourcePlan): Set<string> {
  return new Set([plan.idField ?? 'id']);
}
