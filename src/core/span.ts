/** A place in a source file. Lines and columns are 1-based, as editors show them. */
export interface SourceSpan {
  file: string;
  line: number;
  col: number;
  /** Length of the span on its first line, for the caret underline (defaults to 1). */
  length?: number;
}

/**
 * Where each line of `text` starts (the first at 0). indexOf, not a charCodeAt loop: this runs for
 * every doc and block, mostly before V8 has optimised it.
 */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Maps character offsets of a text to 1-based line/column, with one scan of the text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStartOffsets(text);
  }

  position(offset: number): { line: number; col: number } {
    const lo = lineIndexOf(this.starts, offset);
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The 0-based line whose start is the last one at or before `offset` (binary search over sorted starts). */
export function lineIndexOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function spanAt(file: string, index: LineIndex, offset: number, length = 1): SourceSpan {
  const { line, col } = index.position(offset);
  return { file, line, col, length };
}

export function formatSpan(span: SourceSpan): string {
  return `${span.file}:${span.line}:${span.col}`;
}
