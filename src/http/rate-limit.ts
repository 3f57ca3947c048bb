import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError } from '../core/errors.js';
import type { ApiTarget } from '../core/settings.js';

/**
 * A token bucket of capacity one: requests leave at least 1000/rate ms apart, so a server never
 * sees more than `rate` of them in any one second (a bigger burst would allow up to twice that).
 * Each taker reserves the next free slot, so waiting takers keep their order.
 */
export class TokenBucket {
  private nextFree = 0;
  private readonly intervalMs: number;

  constructor(
    requestsPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.intervalMs = 1000 / requestsPerSecond;
  }

  async take(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.nextFree);
    this.nextFree = at + this.intervalMs;
    if (at > now) await sleep(Math.ceil(at - now), undefined, { signal });
  }
}

/** At most `max` holders at once; the others wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.max) await this.wait(signal);
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }

  private wait(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(wake);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason);
      };
      if (signal?.aborted) return onAbort();
      this.waiting.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

interface ApiLimits {
  bucket?: TokenBucket;
  slots?: Semaphore;
}

/**
 * Live-API safety per API name (`rateLimit.requestsPerSecond`, `maxConcurrent` in config and flags).
 * Limits are created on first use, so names a doc asks for at run time work too.
 */
export class RateLimiter {
  private readonly byApi = new Map<string, ApiLimits>();

  constructor(private readonly apis: Record<string, ApiTarget>) {}

  /** Waits for a free slot and a token; the returned function releases the slot. */
  async acquire(api: string | undefined, signal?: AbortSignal): Promise<() => void> {
    const limits = this.limitsFor(api ?? 'default');
    if (!limits.bucket && !limits.slots) return () => {};
    let release: () => void = () => {};
    try {
      if (limits.slots) release = await limits.slots.acquire(signal);
      await limits.bucket?.take(signal);
      return release;
    } catch {
      release();
      throw new HttpError('request aborted (run interrupted)', 'aborted');
    }
  }

  private limitsFor(api: string): ApiLimits {
    let limits = this.byApi.get(api);
    if (!limits) {
      const target = this.apis[api] ?? {};
      limits = {
        bucket: positive(target.requestsPerSecond) ? new TokenBucket(target.requestsPerSecond) : undefined,
        slots: positive(target.maxConcurrent) ? new Semaphore(target.maxConcurrent) : undefined,
      };
      this.byApi.set(api, limits);
    }
    return limits;
  }
}

function positive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
