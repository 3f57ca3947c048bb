/** One stored resource and how often it was read (transitions count reads). */
export interface StoredResource {
  record: Record<string, unknown>;
  reads: number;
}

export type Lookup = { found: StoredResource } | { deleted: true } | undefined;

/**
 * The mock's memory, one per mock instance: resources by collection and id, the keys `unique` rules
 * have seen, and the counters of `limit` rules. Nothing is shared between instances.
 */
export class MockState {
  private readonly collections = new Map<string, Map<string, StoredResource>>();
  private readonly deleted = new Map<string, Set<string>>();
  private readonly seenKeys = new Set<string>();
  private readonly counters = new Map<string, number>();
  private sequence = 0;

  /** A counter for ids: the n-th id this instance hands out. */
  nextSequence(): number {
    return ++this.sequence;
  }

  put(collection: string, id: string, record: Record<string, unknown>): StoredResource {
    const stored = { record: structuredClone(record), reads: 0 };
    this.items(collection).set(id, stored);
    this.deleted.get(collection)?.delete(id);
    return stored;
  }

  get(collection: string, id: string): Lookup {
    const found = this.collections.get(collection)?.get(id);
    if (found) return { found };
    return this.deleted.get(collection)?.has(id) ? { deleted: true } : undefined;
  }

  remove(collection: string, id: string): boolean {
    const removed = this.collections.get(collection)?.delete(id) ?? false;
    if (removed) {
      const gone = this.deleted.get(collection) ?? new Set<string>();
      gone.add(id);
      this.deleted.set(collection, gone);
    }
    return removed;
  }

  entries(collection: string): Array<[string, StoredResource]> {
    return [...(this.collections.get(collection)?.entries() ?? [])];
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  list(collection: string): StoredResource[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  hasSeen(key: string): boolean {
    return this.seenKeys.has(key);
  }

  remember(key: string): void {
    this.seenKeys.add(key);
  }

  count(key: string): number {
    return this.counters.get(key) ?? 0;
  }

  increment(key: string): void {
    this.counters.set(key, this.count(key) + 1);
  }

  private items(collection: string): Map<string, StoredResource> {
    let items = this.collections.get(collection);
    if (!items) {
      items = new Map();
      this.collections.set(collection, items);
    }
    return items;
  }
}

/** A read-only view for templates: `{ 'external_cards': { [id]: record } }`. */
export function stateView(state: MockState): Record<string, Record<string, unknown>> {
  const view: Record<string, Record<string, unknown>> = {};
  for (const collection of state.collectionNames()) {
    const items: Record<string, unknown> = {};
    for (const [id, stored] of state.entries(collection)) items[id] = stored.record;
    view[collection.replace(/^\//, '')] = items;
  }
  return view;
}
