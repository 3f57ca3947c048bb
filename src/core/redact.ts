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

  /** A deep copy with every string (keys included) redacted. */
  value<T>(value: T): T {
    if (!this.pattern) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.walk(v);
      return out;
    }
    return value;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
