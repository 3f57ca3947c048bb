import type { Document, Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { lineIndexOf, lineStartOffsets, type LineIndex, type SourceSpan } from '../core/span.js';

/**
 * Maps offsets of YAML text embedded in a doc (frontmatter, a fenced block) back to the doc's lines.
 * `lineDocOffsets[i]` is where line i of `text` starts in the doc. Fence content lost its
 * indentation and `\r`s, so its lines do not sit at a constant distance from the doc's.
 */
export class OffsetMap {
  /** Offset of each line start in the embedded text. */
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    private readonly lineDocOffsets: number[],
    private readonly file: string,
    private readonly index: LineIndex,
  ) {
    this.lineStarts = lineStartOffsets(text);
  }

  /** Doc line and column of each embedded line's start, computed on first use. */
  private readonly lineBases: Array<{ line: number; col: number } | undefined> = [];

  /** Span in the doc of an offset in the embedded text. */
  span(localOffset: number, length = 1): SourceSpan {
    const lo = this.lineOf(localOffset);
    const base = this.lineBase(lo);
    return { file: this.file, line: base.line, col: base.col + (localOffset - this.lineStarts[lo]), length };
  }

  /** A node's span: from its start to its end, cut at the end of its first line. */
  rangeSpan(start: number, end: number, line = -1): SourceSpan {
    const lo = line >= 0 ? line : this.lineOf(start);
    const lineEnd = lo + 1 < this.lineStarts.length ? this.lineStarts[lo + 1] - 1 : this.text.length;
    const base = this.lineBase(lo);
    return { file: this.file, line: base.line, col: base.col + (start - this.lineStarts[lo]), length: Math.max(1, Math.min(end, lineEnd) - start) };
  }

  private lineOf(localOffset: number): number {
    return lineIndexOf(this.lineStarts, localOffset);
  }

  private lineBase(lo: number): { line: number; col: number } {
    let base = this.lineBases[lo];
    if (!base) {
      // Past the last mapped line (an offset at the very end of the text): the last line's start.
      base = this.index.position(this.lineDocOffsets[Math.min(lo, this.lineDocOffsets.length - 1)] ?? 0);
      this.lineBases[lo] = base;
    }
    return base;
  }
}

/**
 * YAML text embedded in a doc at some offset, parsed by the yaml library. Positions the library
 * reports are relative to the embedded text; this maps them back to the doc's lines.
 */
export class EmbeddedYaml {
  readonly document: Document.Parsed;
  readonly diagnostics: Diagnostic[] = [];
  readonly offsets: OffsetMap;

  constructor(text: string, lineDocOffsets: number[], file: string, index: LineIndex) {
    this.offsets = new OffsetMap(text, lineDocOffsets, file, index);
    this.document = yamlLib().parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: false });
    // Only the first error: the ones after it are mostly the parser losing its footing.
    const error = this.document.errors[0];
    if (error?.code === 'TAB_AS_INDENT') {
      // The most common YAML mistake in hand-written docs; say exactly what to do.
      this.diagnostics.push(errorDiag('yaml-tab', 'a tab is used for indentation', this.span(error.pos[0]), { help: 'indent YAML with spaces only' }));
    } else if (error) {
      const message = `invalid YAML: ${firstLine(error.message)}`;
      const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
      const at = quote ? openingQuote(text, quote, error.pos[0]) : error.pos[0];
      this.diagnostics.push(errorDiag('yaml-syntax', message, this.span(at), { expected: 'valid YAML' }));
    }
    for (const warning of this.document.warnings) {
      this.diagnostics.push({ code: 'yaml-warning', severity: 'warning', message: firstLine(warning.message), span: this.span(warning.pos[0]) });
    }
  }

  get ok(): boolean {
    return this.document.errors.length === 0;
  }

  toJS(): unknown {
    return this.document.toJS({ maxAliasCount: 100 });
  }

  /** Span in the doc of an offset in the embedded text. */
  span(localOffset: number, length = 1): SourceSpan {
    return this.offsets.span(localOffset, length);
  }

  nodeSpan(node: Node | null | undefined): SourceSpan | undefined {
    if (!node?.range) return undefined;
    return this.offsets.rangeSpan(node.range[0], node.range[1]);
  }
}

/** Collects the span of every key and every scalar under a mapping node, by dotted path. */
export function collectSpans(
  node: Node | null | undefined,
  yaml: EmbeddedYaml,
  prefix = '',
  keySpans: Record<string, SourceSpan> = {},
  valueSpans: Record<string, SourceSpan> = {},
): { keySpans: Record<string, SourceSpan>; valueSpans: Record<string, SourceSpan> } {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix ? `${prefix}.${key}` : key;
      const keySpan = yaml.nodeSpan(pair.key as Node);
      if (keySpan) keySpans[path] = keySpan;
      collectSpans(pair.value as Node, yaml, path, keySpans, valueSpans);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      collectSpans(item as Node, yaml, prefix ? `${prefix}.${i}` : String(i), keySpans, valueSpans);
    });
  } else if (isScalar(node)) {
    const span = yaml.nodeSpan(node);
    if (span) valueSpans[prefix] = span;
  }
  return { keySpans, valueSpans };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A quoted scalar that never closes runs to the end of the text; point at where it opens instead. */
function openingQuote(text: string, quote: string, errorOffset: number): number {
  let i = Math.min(errorOffset, text.length) - 1;
  while (i >= 0 && (text[i] !== quote || (quote === '"' && text[i - 1] === '\\'))) i--;
  return i >= 0 ? i : errorOffset;
}
