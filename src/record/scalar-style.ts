import { parseDocument } from 'yaml';

/** How a value was written: the new value is written the same way. */
export type ScalarStyle = 'plain' | 'double' | 'single';

export type RecordValue = string | number;

/**
 * The YAML source text for a value in the given style. Plain is used only when the text reads back as
 * exactly the same value (e.g. `2026-01-26T21:28:12.398Z`, `verified`, `3`); otherwise double quotes,
 * which hold anything.
 */
export function renderScalar(value: RecordValue, style: ScalarStyle): string {
  const text = String(value);
  if (style === 'single' && !/[\n\r\t\\]/.test(text) && !text.includes('\uFEFF')) return `'${text.replace(/'/g, "''")}'`;
  if (style === 'plain' && readsBackAs(text, value)) return text;
  return JSON.stringify(text);
}

/** True when `text` as a plain scalar parses back to `value` (same type), with nothing else on the line. */
export function readsBackAs(text: string, value: RecordValue): boolean {
  if (text === '' || /[\r\n]/.test(text) || text !== text.trim()) return false;
  const doc = parseDocument(`k: ${text}\n`);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const parsed: unknown = doc.get('k');
  return parsed === value;
}
