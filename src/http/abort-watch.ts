/**
 * Cancels in-flight exchanges when their run's signal aborts, with one listener per signal for
 * all of them (a run has two: its own and the teardown grace) instead of one added and removed
 * per request.
 */
export class AbortWatch<T extends { cancel(reason: Error): void }> {
  private readonly watched = new Map<AbortSignal, Set<T>>();

  add(signal: AbortSignal, item: T): void {
    let items = this.watched.get(signal);
    if (!items) {
      const set = (items = new Set());
      this.watched.set(signal, set);
      signal.addEventListener(
        'abort',
        () => {
          const reason = signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
          for (const item of set) item.cancel(reason);
        },
        { once: true },
      );
    }
    items.add(item);
  }

  delete(signal: AbortSignal, item: T): void {
    this.watched.get(signal)?.delete(item);
  }
}
