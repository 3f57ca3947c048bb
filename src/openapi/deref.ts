import { getAtPointer } from './json-pointer.js';
import { isObject, type JsonObject } from './util.js';

/**
 * Replaces internal `$ref`s (`#/…`) with the objects they point to, for the normalised model that
 * tools such as the mock read. Each target is copied once and shared, so recursive schemas become
 * cyclic object graphs instead of endless copies. (Validation does not use this: ajv follows the
 * refs of the bundled document itself, so each component is compiled once.)
 */
export class Dereferencer {
  private readonly resolved = new Map<string, unknown>();

  constructor(private readonly document: unknown) {}

  deref(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((item) => this.deref(item));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
      const target = this.target(node.$ref);
      const siblings = Object.keys(node).filter((k) => k !== '$ref');
      // OAS 3.1 allows `description` & co next to `$ref`; keep them without losing the shared target.
      return siblings.length === 0 || !isObject(target) ? target : { ...target, ...this.copy(node, siblings) };
    }
    return this.copy(node, Object.keys(node));
  }

  private target(ref: string): unknown {
    if (this.resolved.has(ref)) return this.resolved.get(ref);
    const raw = getAtPointer(this.document, ref);
    if (!isObject(raw) && !Array.isArray(raw)) {
      this.resolved.set(ref, raw ?? {});
      return raw ?? {};
    }
    if (isObject(raw) && typeof raw.$ref === 'string' && Object.keys(raw).length === 1) {
      // A ref to a ref: placeholder first, so a loop of pure refs ends as an empty schema.
      this.resolved.set(ref, {});
      const value = this.deref(raw);
      this.resolved.set(ref, value);
      return value;
    }
    // Register the (still empty) copy before filling it, so cycles point back at it.
    const copy: JsonObject | unknown[] = Array.isArray(raw) ? [] : {};
    this.resolved.set(ref, copy);
    if (Array.isArray(raw)) (copy as unknown[]).push(...raw.map((item) => this.deref(item)));
    else Object.assign(copy, this.copy(raw, Object.keys(raw)));
    return copy;
  }

  private copy(node: JsonObject, keys: string[]): JsonObject {
    const out: JsonObject = {};
    for (const key of keys) {
      const value = node[key];
      // Examples and extensions are literal data: a `$ref` key inside them is not a reference.
      out[key] = key === 'example' || key === 'examples' || key.startsWith('x-') ? value : this.deref(value);
    }
    return out;
  }
}
