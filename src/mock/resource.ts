import type { Operation } from '../openapi/model.js';
import type { Action, MockExtension } from './extension.js';
import { randomUuid, type Random } from './random.js';
import { splitPath } from './router.js';
import { isObject } from './schema-util.js';

/** How an operation touches the mock's state. */
export interface ResourcePlan {
  action: Action;
  /** Collection key, e.g. `/external_cards/transfers` (path templates with parameters as `{}`). */
  collection: string;
  /** The path parameter that names the resource (`transfer_id`), for read/update/delete. */
  idParam?: string;
  /** The id field inside the resource (`id` unless the spec says otherwise). */
  idField?: string;
}

/**
 * REST conventions, overridable by `x-stepdoc-mock`: POST on a collection creates; GET/PUT/PATCH/DELETE on
 * `…/{id}` read, update and delete; GET on a collection lists; anything else leaves state alone.
 */
export function planResource(operation: Operation, extension: MockExtension): ResourcePlan {
  const parts = splitPath(operation.path);
  const last = parts[parts.length - 1] ?? '';
  const lastParam = /^\{([^}]+)\}$/.exec(last)?.[1];
  const method = operation.method.toUpperCase();
  const inferred: Action = lastParam
    ? (({ GET: 'read', PUT: 'update', PATCH: 'update', POST: 'update', DELETE: 'delete' } as Record<string, Action>)[method] ?? 'none')
    : method === 'POST'
      ? 'create'
      : method === 'GET'
        ? 'list'
        : 'none';
  const collectionParts = lastParam ? parts.slice(0, -1) : parts;
  const collection = extension.collection ?? '/' + collectionParts.map((p) => (p.includes('{') ? '{}' : p)).join('/');
  return {
    action: extension.action ?? inferred,
    collection: normaliseCollection(collection),
    idParam: extension.idParam ?? lastParam,
    idField: extension.idField,
  };
}

export function normaliseCollection(name: string): string {
  return '/' + splitPath(name).join('/');
}

/**
 * The resource object inside a response body: the first object (breadth first, not inside arrays) that has
 * the id field, so `{ data: { card: { id } } }` gives `card`. Falls back to the body itself.
 */
export function findResource(body: unknown, idField?: string): { resource: Record<string, unknown>; idField: string; hasId: boolean } | undefined {
  if (!isObject(body)) return undefined;
  const candidates = idField ? [idField] : ['id', 'uid'];
  for (const field of candidates) {
    const queue: Array<{ value: Record<string, unknown>; depth: number }> = [{ value: body, depth: 0 }];
    while (queue.length > 0) {
      const { value, depth } = queue.shift()!;
      if (field in value) return { resource: value, idField: field, hasId: true };
      if (depth >= 4) continue;
      for (const child of Object.values(value)) if (isObject(child)) queue.push({ value: child, depth: depth + 1 });
    }
  }
  return { resource: body, idField: idField ?? 'id', hasId: false };
}

/** The first array of objects in a list response (breadth first), where stored resources are listed. */
export function findList(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (!isObject(body)) return undefined;
  const queue: Array<{ value: Record<string, unknown>; depth: number }> = [{ value: body, depth: 0 }];
  while (queue.length > 0) {
    const { value, depth } = queue.shift()!;
    for (const child of Object.values(value)) {
      if (Array.isArray(child) && (child.length === 0 || isObject(child[0]))) return child;
      if (isObject(child) && depth < 4) queue.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A new id shaped like the example's: a number stays a number, a UUID stays a UUID, other strings get a short code. */
export function newId(example: unknown, sequence: number, random: Random): string | number {
  if (typeof example === 'number') return 1000 + sequence;
  if (typeof example === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(example)) return randomUuid(random);
  if (typeof example === 'string' && /^[a-z0-9]{16}$/.test(example)) {
    return Array.from({ length: 16 }, () => random.pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
  }
  return randomUuid(random);
}
