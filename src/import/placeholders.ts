/**
 * Guide placeholders → Liquid variables: `{EXTERNAL_CARD_ID}` → `{{ external_card_id }}` (also
 * percent-encoded in a URL, `%7BID%7D`), and shell references `$customer_id` / `${CUSTOMER_ID}` →
 * `{{ customer_id }}`. Names are collected so the import can list what to give as --var.
 */
export class Placeholders {
  readonly names = new Set<string>();

  text(value: string): string {
    return value
      .replace(/%7B([A-Za-z_][A-Za-z0-9_-]*)%7D/gi, '{$1}')
      .replace(/(?<!\{)\{([A-Za-z_][A-Za-z0-9_-]*)\}(?!\})/g, (_, name: string) => this.variable(name))
      .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a?: string, b?: string) => this.variable(a ?? b ?? ''));
  }

  /** Strings anywhere in a JSON value (keys stay as written). */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.value(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.value(v)]));
    return value;
  }

  private variable(name: string): string {
    const variable = variableName(name);
    this.names.add(variable);
    return `{{ ${variable} }}`;
  }
}

/** `EXTERNAL_CARD_ID` → `external_card_id`; `card-id` → `card_id`. */
export function variableName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]+/g, '_').toLowerCase();
}

/** A shell reference that makes up a whole word part: `$apikey`, `${API_KEY}` → its name. */
export function shellReference(value: string): string | undefined {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(value.trim());
  return m?.[1];
}
