import type { Document, Node } from 'yaml';
import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { LineIndex, SourceSpan } from '../core/span.js';
import { liteToJS, parseLiteYaml, type LiteNode, type LitePair } from './lite-yaml.js';
import { yamlLib } from './yaml-lib.js';
import { EmbeddedYaml, OffsetMap } from './yaml-source.js';

/** A converted yaml-library node keeps its origin, so values come from the library (aliases, merges). */
type Sourced = LiteNode & { source?: Node };

/**
 * YAML embedded in a doc, read once: by the fast reader when the text is plain (nearly always), else
 * by the yaml library, whose tree is converted to the same shape. Callers see one tree either way.
 */
export class YamlBlock {
  readonly diagnostics: Diagnostic[];
  readonly ok: boolean;
  /** The root node; null for an empty text or one that did not parse. */
  readonly root: LiteNode | null;
  private readonly offsets: OffsetMap;
  private readonly document?: Document.Parsed;

  constructor(text: string, lineDocOffsets: number[], file: string, index: LineIndex) {
    const lite = parseLiteYaml(text);
    if (lite !== undefined) {
      this.offsets = new OffsetMap(text, lineDocOffsets, file, index);
      this.diagnostics = [];
      this.ok = true;
      this.root = lite;
      return;
    }
    const yaml = new EmbeddedYaml(text, lineDocOffsets, file, index);
    this.offsets = yaml.offsets;
    this.diagnostics = yaml.diagnostics;
    this.ok = yaml.ok;
    this.document = yaml.document;
    this.root = yaml.ok && yaml.document.contents ? convert(yaml.document.contents as Node) : null;
  }

  /**
   * The plain value of a node (the whole document for the root), as the yaml library's toJS gives it.
   * The library throws on alias bombs (`&a [*b, *b, …]` nested): that becomes a diagnostic in
   * `diagnostics` and the value undefined, never an exception.
   */
  toJS(node: LiteNode, diagnostics: Diagnostic[] = this.diagnostics): unknown {
    if (!this.document) return liteToJS(node);
    try {
      if (node === this.root) return this.document.toJS({ maxAliasCount: 100 });
      const source = (node as Sourced).source;
      return source ? source.toJS(this.document, { maxAliasCount: 100 }) : undefined;
    } catch (error) {
      const span = node.start >= 0 ? this.nodeSpan(node) : this.span(0);
      diagnostics.push(errorDiag('yaml-aliases', `invalid YAML: ${(error as Error).message}`, span, { expected: 'fewer expansions of YAML aliases (*name)' }));
      return undefined;
    }
  }

  span(localOffset: number, length = 1): SourceSpan {
    return this.offsets.span(localOffset, length);
  }

  nodeSpan(node: LiteNode): SourceSpan {
    return this.offsets.rangeSpan(node.start, node.end, node.line);
  }

  /** The span of every key and every scalar under a node, by dotted path (`body.details.last_4`). */
  collectSpans(node: LiteNode, prefix = '', keySpans: Record<string, SourceSpan> = {}, valueSpans: Record<string, SourceSpan> = {}) {
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        const path = prefix ? `${prefix}.${pair.key}` : pair.key;
        if (pair.keyStart >= 0) keySpans[path] = this.offsets.rangeSpan(pair.keyStart, pair.keyEnd, pair.keyLine);
        this.collectSpans(pair.value, path, keySpans, valueSpans);
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, i) => {
        this.collectSpans(item, prefix ? `${prefix}.${i}` : String(i), keySpans, valueSpans);
      });
    } else if (node.kind === 'scalar') {
      valueSpans[prefix] = this.nodeSpan(node);
    }
    return { keySpans, valueSpans };
  }
}

/** The yaml library's node → the same tree shape the fast reader builds (ranges kept, values by reference). */
function convert(node: Node | null | undefined): Sourced {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  const range = node?.range;
  const base = { line: -1, start: range?.[0] ?? -1, end: range?.[1] ?? -1, source: node ?? undefined };
  if (isMap(node)) {
    const pairs: LitePair[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const keyRange = key?.range;
      pairs.push({
        key: isScalar(key) ? String(key.value) : String(key),
        keyStart: keyRange ? keyRange[0] : -1,
        keyEnd: keyRange ? keyRange[1] : -1,
        keyLine: -1,
        value: convert(pair.value as Node | null),
      });
    }
    return { kind: 'map', ...base, pairs };
  }
  if (isSeq(node)) return { kind: 'seq', ...base, items: node.items.map((item) => convert(item as Node)) };
  if (isScalar(node)) return { kind: 'scalar', ...base, value: node.value };
  return { kind: 'other', ...base };
}
