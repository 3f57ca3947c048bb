import type { LiteMap, LiteNode, LitePair, LiteSeq } from './lite-node.js';
import { FlowReader, readQuoted, resolvePlain, skipSpaces, startsIndicator, unsupported, Unsupported } from './lite-yaml-flow.js';

/**
 * A fast reader for the plain YAML that docs are made of: block mappings and sequences, plain and
 * quoted one-line scalars, one-line flow collections, comments. It is about 10× faster than the yaml
 * library, which matters when linting thousands of docs. Anything beyond that subset — anchors,
 * tags, block scalars, multi-line scalars, tabs, CRs, empty values, duplicate keys, errors — makes
 * it give up (`undefined`) and the caller uses the yaml library, so results never differ: values
 * follow the YAML 1.2 core schema and ranges follow the yaml library's, which tests compare on
 * every doc of the corpus.
 */
let enabled = true;

/** Tests turn the fast reader off to compare its results with the yaml library's on the same docs. */
export function setLiteYamlEnabled(value: boolean): void {
  enabled = value;
}

/** The text's root node, `null` for an empty text, `undefined` when the text needs the full YAML parser. */
export function parseLiteYaml(text: string): LiteNode | null | undefined {
  if (!enabled || text.includes('\t') || text.includes('\r')) return undefined;
  try {
    return new Reader(text).root();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

const SPACE = 32;
const HASH = 35;

class Reader {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Column of the first non-space character, or -1 for blank and comment-only lines. */
  private readonly indents: number[] = [];

  constructor(private readonly text: string) {
    let start = 0;
    while (start <= text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      const blank = i === end || text.charCodeAt(i) === HASH;
      const first = text.charCodeAt(start);
      // Document markers and directives (`---`, `...`, `%YAML`) belong to the yaml library.
      if (
        !blank &&
        i === start &&
        (first === 45 || first === 46 || first === 37) &&
        /^(?:---|\.\.\.)(?: |$)|^%/.test(text.slice(start, Math.min(end, start + 4)))
      )
        unsupported();
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(blank ? -1 : i - start);
      if (nl === -1) break;
      start = nl + 1;
    }
  }

  root(): LiteNode | null {
    const first = this.nextContent(0);
    if (first === undefined) return null;
    const { node, next } = this.block(first, this.starts[first] + this.indents[first]);
    if (next !== undefined) unsupported();
    return node;
  }

  private nextContent(line: number): number | undefined {
    for (let i = line; i < this.indents.length; i++) if (this.indents[i] >= 0) return i;
    return undefined;
  }

  private col(line: number, offset: number): number {
    return offset - this.starts[line];
  }

  private isSeqItem(offset: number, end: number): boolean {
    return this.text.charCodeAt(offset) === 45 /* - */ && (offset + 1 === end || this.text.charCodeAt(offset + 1) === SPACE);
  }

  /** A block node starting at `offset` on `line` (mid-line after `- `); `next` is the first line after it. */
  private block(line: number, offset: number): { node: LiteNode; next: number | undefined } {
    const end = this.ends[line];
    if (this.isSeqItem(offset, end)) return this.seq(line, offset);
    if (this.entry(offset, end)) return this.map(line, offset);
    const node = this.inline(line, offset, end);
    return { node, next: this.after(line, this.col(line, offset) - 1) };
  }

  /** The next content line after a one-line value; deeper lines would continue the value (unsupported). */
  private after(line: number, indent: number): number | undefined {
    const next = this.nextContent(line + 1);
    if (next !== undefined && this.indents[next] > indent) unsupported();
    return next;
  }

  private seq(first: number, offset: number): { node: LiteSeq; next: number | undefined } {
    const col = this.col(first, offset);
    const items: LiteNode[] = [];
    let line: number | undefined = first;
    let at = offset;
    while (line !== undefined) {
      const end = this.ends[line];
      let content = at + 1;
      while (content < end && this.text.charCodeAt(content) === SPACE) content++;
      let result: { node: LiteNode; next: number | undefined };
      if (content === end || this.text.charCodeAt(content) === HASH) {
        const nested = this.nextContent(line + 1);
        if (nested === undefined || this.indents[nested] <= col) unsupported();
        result = this.block(nested!, this.starts[nested!] + this.indents[nested!]);
      } else {
        result = this.block(line, content);
        if (result.node.kind === 'scalar' || this.isFlow(result.node, content)) result.next = this.after(line, col);
      }
      items.push(result.node);
      line = result.next;
      if (line === undefined || this.indents[line] < col) break;
      if (this.indents[line] > col) unsupported();
      at = this.starts[line] + col;
      if (!this.isSeqItem(at, this.ends[line])) break;
    }
    return { node: { kind: 'seq', line: first, start: offset, end: this.ends[first], items }, next: line };
  }

  private isFlow(node: LiteNode, offset: number): boolean {
    return node.kind !== 'scalar' && node.start === offset && (this.text[offset] === '[' || this.text[offset] === '{');
  }

  private map(first: number, offset: number): { node: LiteMap; next: number | undefined } {
    const col = this.col(first, offset);
    const pairs: LitePair[] = [];
    const seen = new Set<string>();
    let line: number | undefined = first;
    let at = offset;
    while (line !== undefined) {
      const end = this.ends[line];
      const key = this.entry(at, end) ?? unsupported();
      if (seen.has(key.key) || key.key === '__proto__') unsupported();
      seen.add(key.key);
      let value: LiteNode;
      let next: number | undefined;
      if (key.valueStart === end || this.text.charCodeAt(key.valueStart) === HASH) {
        const nested = this.nextContent(line + 1);
        if (nested === undefined) return unsupported();
        const nestedOffset = this.starts[nested] + this.indents[nested];
        const sameIndentSeq = this.indents[nested] === col && this.isSeqItem(nestedOffset, this.ends[nested]);
        if (this.indents[nested] <= col && !sameIndentSeq) unsupported();
        ({ node: value, next } = this.block(nested, nestedOffset));
      } else {
        value = this.inline(line, key.valueStart, end);
        next = this.after(line, col);
      }
      pairs.push({ key: key.key, keyStart: key.keyStart, keyEnd: key.keyEnd, keyLine: line, value });
      line = next;
      if (line === undefined || this.indents[line] < col) break;
      if (this.indents[line] > col) unsupported();
      at = this.starts[line] + col;
      if (this.isSeqItem(at, this.ends[line])) unsupported();
    }
    return { node: { kind: 'map', line: first, start: offset, end: this.ends[first], pairs }, next: line };
  }

  /** `key: …` at `offset`: the key and where its value starts; undefined when the line is not an entry. */
  private entry(offset: number, end: number): { key: string; keyStart: number; keyEnd: number; valueStart: number } | undefined {
    const text = this.text;
    const c = text[offset];
    let keyEnd: number;
    let key: string;
    if (c === '"' || c === "'") {
      const quoted = this.quoted(offset, end);
      keyEnd = quoted.end;
      key = quoted.value;
      let colon = keyEnd;
      while (colon < end && text.charCodeAt(colon) === SPACE) colon++;
      if (text[colon] !== ':' || !(colon + 1 === end || text.charCodeAt(colon + 1) === SPACE)) return undefined;
      return { key, keyStart: offset, keyEnd, valueStart: skipSpaces(text, colon + 1, end) };
    }
    if (startsIndicator(text, offset, end)) return undefined;
    let colon = offset;
    for (; colon < end; colon++) {
      const ch = text.charCodeAt(colon);
      if (ch === 58 /* : */ && (colon + 1 === end || text.charCodeAt(colon + 1) === SPACE)) break;
      if (ch === HASH && text.charCodeAt(colon - 1) === SPACE) return undefined;
    }
    if (colon === end) return undefined;
    keyEnd = colon;
    while (keyEnd > offset && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
    const resolved = resolvePlain(text.slice(offset, keyEnd));
    if (typeof resolved === 'string') key = resolved;
    else if (typeof resolved === 'number' && Number.isInteger(resolved)) key = String(resolved);
    else return unsupported();
    return { key, keyStart: offset, keyEnd, valueStart: skipSpaces(text, colon + 1, end) };
  }

  /** A one-line value: quoted, flow, or plain; the rest of the line may only be a comment. */
  private inline(line: number, offset: number, end: number): LiteNode {
    const text = this.text;
    const c = text[offset];
    let node: LiteNode;
    if (c === '"' || c === "'") {
      const quoted = this.quoted(offset, end);
      node = { kind: 'scalar', line, start: offset, end: quoted.end, value: quoted.value };
    } else if (c === '[' || c === '{') {
      node = new FlowReader(text, end, line).read(offset);
    } else {
      if (startsIndicator(text, offset, end)) unsupported();
      let stop = offset;
      while (stop < end && !(text.charCodeAt(stop) === HASH && text.charCodeAt(stop - 1) === SPACE)) stop++;
      let last = stop;
      while (last > offset && text.charCodeAt(last - 1) === SPACE) last--;
      const raw = text.slice(offset, last);
      if (raw.endsWith(':') || raw.includes(': ')) unsupported();
      return { kind: 'scalar', line, start: offset, end: last, value: resolvePlain(raw) };
    }
    const rest = skipSpaces(text, node.end, end);
    if (rest !== end && !(text.charCodeAt(rest) === HASH && rest > node.end)) unsupported();
    return node;
  }

  private quoted(offset: number, end: number): { value: string; end: number } {
    return readQuoted(this.text, offset, end);
  }
}

export { liteToJS } from './lite-node.js';
export type { LiteMap, LiteNode, LiteOther, LitePair, LiteScalar, LiteSeq } from './lite-node.js';
