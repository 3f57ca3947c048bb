import { isObject, jsonType } from './schema-util.js';

export interface OverlayOptions {
  /** Copy source keys the target lacks (stored records onto a read response); off for request echo. */
  addMissing: boolean;
  /** Keys never copied, e.g. the id field a create generates. */
  exclude?: ReadonlySet<string>;
}

/**
 * Copies source values into a target response, in place. First by place (same key path), then, for target
 * fields still untouched, by name when the source has exactly one field of that name — so a request's
 * `details.last_4` fills a response's `card.last_4`. A value only replaces one of the same JSON type, so
 * the response keeps matching its schema.
 */
export function overlay(target: Record<string, unknown>, source: Record<string, unknown>, options: OverlayOptions): void {
  const written: Written = new WeakMap();
  byPlace(target, source, options, written);
  const leaves = leavesByName(source, options.exclude);
  byName(target, leaves, options.exclude, written, 0);
}

function byPlace(target: Record<string, unknown>, source: Record<string, unknown>, options: OverlayOptions, written: Written): void {
  for (const [key, incoming] of Object.entries(source)) {
    if (options.exclude?.has(key) || incoming === undefined) continue;
    const existing = target[key];
    if (isObject(existing) && isObject(incoming)) {
      byPlace(existing, incoming, options, written);
      continue;
    }
    if (key in target ? compatible(existing, incoming) : options.addMissing) {
      target[key] = structuredClone(incoming);
      markWritten(written, target, key);
    }
  }
}

/** Source scalars (and arrays) by field name; a name that occurs twice is ambiguous and left out. */
function leavesByName(source: Record<string, unknown>, exclude?: ReadonlySet<string>): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const ambiguous = new Set<string>();
  const walk = (value: Record<string, unknown>, depth: number) => {
    for (const [key, item] of Object.entries(value)) {
      if (isObject(item)) {
        if (depth < 6) walk(item, depth + 1);
        continue;
      }
      if (exclude?.has(key) || item === undefined) continue;
      if (found.has(key)) ambiguous.add(key);
      found.set(key, item);
    }
  };
  walk(source, 0);
  for (const key of ambiguous) found.delete(key);
  return found;
}

function byName(
  target: Record<string, unknown>,
  leaves: Map<string, unknown>,
  exclude: ReadonlySet<string> | undefined,
  written: Written,
  depth: number,
): void {
  for (const [key, existing] of Object.entries(target)) {
    if (isObject(existing)) {
      if (depth < 6) byName(existing, leaves, exclude, written, depth + 1);
      continue;
    }
    if (exclude?.has(key) || wasWritten(written, target, key) || !leaves.has(key)) continue;
    const incoming = leaves.get(key);
    if (compatible(existing, incoming)) target[key] = structuredClone(incoming);
  }
}

export function compatible(existing: unknown, incoming: unknown): boolean {
  if (existing === undefined || existing === null) return true;
  const a = jsonType(existing);
  const b = jsonType(incoming);
  if (a === b) return true;
  return a === 'number' && b === 'integer';
}

type Written = WeakMap<object, Set<string>>;

function markWritten(written: Written, target: object, key: string): void {
  const keys = written.get(target) ?? new Set<string>();
  keys.add(key);
  written.set(target, keys);
}

function wasWritten(written: Written, target: object, key: string): boolean {
  return written.get(target)?.has(key) ?? false;
}
