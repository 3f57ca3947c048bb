import { setOwn } from './own-property.js';

/**
 * Replaces every occurrence of a secret with `***`. Built once per run; used by the runner on
 * everything it hands out and by every reporter, so no output path can forget it.
 */
export class Redactor {
  private readonly pattern?: RegExp;

  constructor(secrets: Iterable<string>) {
    const list = [...new Set([...secrets].filter((s) => typeof s === 'string' && s.length >= 3))];
    list.sort((a, b) => b.length - a.length);
    if (list.length > 0) this.pattern = new RegExp(list.map(escapeRegExp).join('|'), 'g');
  }

  text(value: string): string {
    return this.pattern ? value.replace(this.pattern, '***') : value;
  }

  /**
   * The value with every string (keys included) redacted. Copy on write: parts without a secret are
   * returned as they are (callers never mutate results), so a run without secrets in its bodies
   * allocates nothing here.
   */
  value<T>(value: T): T {
    if (!this.pattern) return value;
    return this.walk(value) as T;
  }

  // Loops, not Object.entries/map/fromEntries: this walks every request and response of a run.
  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const r = this.walk(value[i]);
        if (r !== value[i]) (out ??= value.slice())[i] = r;
      }
      return out ?? value;
    }
    const source = value as Record<string, unknown>;
    const keys = Object.keys(source);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const k = this.text(key);
      const v = this.walk(source[key]);
      if (!out && (k !== key || v !== source[key])) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j], source[keys[j]]);
      }
      if (out) setOwn(out, k, v);
    }
    return out ?? value;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
