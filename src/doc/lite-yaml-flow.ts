import type { LiteMap, LiteNode, LitePair, LiteScalar, LiteSeq } from './lite-node.js';

/** The one-line parts of the fast YAML reader (lite-yaml.ts): flow collections, quoted and plain scalars. */

/** Thrown inside the reader when the text leaves the subset; never escapes `parseLiteYaml`. */
export class Unsupported extends Error {}

export const unsupported = (): never => {
  throw new Unsupported();
};

const SPACE = 32;

/** One-line `[…]` / `{…}` with plain, quoted or nested flow values. */
export class FlowReader {
  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly line: number,
  ) {}

  /** Nesting so far: deeper text is left to the yaml library, and this reader's stack stays small. */
  private depth = 0;

  read(offset: number): LiteNode {
    const c = this.text[offset];
    if (c === '[' || c === '{') {
      if (this.depth >= 64) unsupported();
      this.depth++;
      try {
        return c === '[' ? this.seq(offset) : this.map(offset);
      } finally {
        this.depth--;
      }
    }
    if (c === '"' || c === "'") {
      const q = readQuoted(this.text, offset, this.end);
      return { kind: 'scalar', line: this.line, start: offset, end: q.end, value: q.value };
    }
    return this.plain(offset);
  }

  private seq(offset: number): LiteSeq {
    const items: LiteNode[] = [];
    let i = skipSpaces(this.text, offset + 1, this.end);
    while (this.text[i] !== ']') {
      const item = this.read(i);
      items.push(item);
      i = this.separator(item.end, ']');
    }
    return { kind: 'seq', line: this.line, start: offset, end: i + 1, items };
  }

  private map(offset: number): LiteMap {
    const pairs: LitePair[] = [];
    const seen = new Set<string>();
    let i = skipSpaces(this.text, offset + 1, this.end);
    while (this.text[i] !== '}') {
      const key = this.text[i] === '"' || this.text[i] === "'" ? this.read(i) : this.plain(i);
      if (key.kind !== 'scalar') return unsupported();
      const name = typeof key.value === 'string' ? key.value : typeof key.value === 'number' && Number.isInteger(key.value) ? String(key.value) : unsupported();
      if (seen.has(name) || name === '__proto__') unsupported();
      seen.add(name);
      let colon = skipSpaces(this.text, key.end, this.end);
      if (this.text[colon] !== ':' || this.text.charCodeAt(colon + 1) !== SPACE) unsupported();
      colon = skipSpaces(this.text, colon + 1, this.end);
      const value = this.read(colon);
      pairs.push({ key: name, keyStart: key.start, keyEnd: key.end, keyLine: this.line, value });
      i = this.separator(value.end, '}');
    }
    return { kind: 'map', line: this.line, start: offset, end: i + 1, pairs };
  }

  /** After an item: `,` (then maybe the close) or the close itself; returns where the next item or the close is. */
  private separator(from: number, close: string): number {
    let i = skipSpaces(this.text, from, this.end);
    if (this.text[i] === ',') {
      i = skipSpaces(this.text, i + 1, this.end);
      if (this.text[i] === ',') unsupported();
      return i;
    }
    if (this.text[i] !== close) unsupported();
    return i;
  }

  private plain(offset: number): LiteScalar {
    if (startsIndicator(this.text, offset, this.end) || offset >= this.end) unsupported();
    let i = offset;
    for (; i < this.end; i++) {
      const c = this.text[i];
      if (c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
      if (c === ':' && (this.text.charCodeAt(i + 1) === SPACE || ',]}'.includes(this.text[i + 1] ?? ''))) break;
      if (c === '#' && this.text.charCodeAt(i - 1) === SPACE) unsupported();
    }
    let last = i;
    while (last > offset && this.text.charCodeAt(last - 1) === SPACE) last--;
    if (last === offset) unsupported();
    return { kind: 'scalar', line: this.line, start: offset, end: last, value: resolvePlain(this.text.slice(offset, last)) };
  }
}

export function skipSpaces(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Characters that cannot start a plain scalar (or start something this reader leaves to the yaml library). */
export function startsIndicator(text: string, offset: number, end: number): boolean {
  const c = text[offset];
  if ('-?:'.includes(c)) return offset + 1 === end || text.charCodeAt(offset + 1) === SPACE;
  return ',[]{}#&*!|>\'"%@`'.includes(c);
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', ' ': ' ' };

/** A quoted scalar closed on the same line; `end` is after the closing quote. */
export function readQuoted(text: string, offset: number, end: number): { value: string; end: number } {
  const quote = text[offset];
  // Fast path: no escapes before the closing quote (nearly every quoted value in a doc).
  const close = text.indexOf(quote, offset + 1);
  if (close !== -1 && close < end && text[close + 1] !== quote && (quote === "'" || !hasBackslash(text, offset + 1, close))) {
    return { value: text.slice(offset + 1, close), end: close + 1 };
  }
  let value = '';
  let i = offset + 1;
  while (i < end) {
    const c = text[i];
    if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (c === '\\' && quote === '"') {
      const e = text[i + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (e === undefined || !(e in ESCAPES)) unsupported();
      value += ESCAPES[e];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return unsupported();
}

function hasBackslash(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\\', from);
  return at !== -1 && at < to;
}

const MAY_RESOLVE = new Set('0123456789+-.~nNtTfF');

/** A plain scalar's value under the YAML 1.2 core schema, exactly as the yaml library resolves it. */
export function resolvePlain(s: string): unknown {
  // Fast exit: only these characters can begin a null, a boolean or a number.
  if (s !== '' && !MAY_RESOLVE.has(s[0])) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
