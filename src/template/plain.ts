/**
 * Templates that are only text and plain `{{ name }}` outputs — most of what docs write
 * (`{{ client_id }}`, `/clients/{{ client_id }}`, `card_{{ timestamp }}`) — split into parts once,
 * so rendering them is a lookup and a concatenation instead of a pass through liquidjs. Our own
 * `slice` filter with number arguments (`{{ timestamp | slice: -4 }}`) counts as plain too. Anything
 * else (other filters, dots, tags, whitespace control) always renders through liquidjs.
 */
export type PlainPart = string | { variable: string; slice?: [number, number?] };

const OUTPUT = /\{\{\s*([A-Za-z_]\w*)\s*(?:\|\s*slice\s*:\s*(-?\d{1,9})\s*(?:,\s*(-?\d{1,9})\s*)?)?\}\}/g;

/** Words liquidjs reads as literals or operators, not variables: `{{ nil }}` is left to liquidjs. */
const RESERVED = new Set(['true', 'false', 'nil', 'null', 'empty', 'blank', 'and', 'or', 'contains', 'not', 'in']);

/** The parts of a plain template, or undefined when liquidjs must render it. */
export function plainParts(source: string): PlainPart[] | undefined {
  if (source.includes('{%')) return undefined;
  const parts: PlainPart[] = [];
  let at = 0;
  for (const match of source.matchAll(OUTPUT)) {
    // `{{{ x }}}`: liquidjs starts the output at the first `{{` (and fails); not ours to render.
    if (RESERVED.has(match[1]) || source[match.index - 1] === '{') return undefined;
    if (match.index > at) parts.push(source.slice(at, match.index));
    const [, variable, start, length] = match;
    parts.push(start === undefined ? { variable } : { variable, slice: length === undefined ? [Number(start)] : [Number(start), Number(length)] });
    at = match.index + match[0].length;
  }
  if (at < source.length) parts.push(source.slice(at));
  // Text left holding `{{` means an output the pattern did not take: not plain.
  return parts.some((p) => typeof p === 'string' && p.includes('{{')) ? undefined : parts;
}

/** The variables a plain template reads, as liquidjs's analysis lists them (each once, in order). */
export function plainVariables(parts: PlainPart[]): string[][] {
  const names = new Set<string>();
  for (const part of parts) if (typeof part !== 'string') names.add(part.variable);
  return [...names].map((name) => [name]);
}

/** Values a plain output renders exactly as liquidjs would (String(value)); others go to liquidjs. */
export function isPlainValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
