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

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      value.forEach((v, i) => {
        const r = this.walk(v);
        if (r !== v) (out ??= value.slice())[i] = r;
      });
      return out ?? value;
    }
    if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      const redacted = entries.map(([k, v]) => [this.text(k), this.walk(v)] as const);
      const changed = redacted.some(([k, v], i) => k !== entries[i][0] || v !== entries[i][1]);
      return changed ? Object.fromEntries(redacted) : value;
    }
    return value;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
