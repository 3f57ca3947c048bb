import { RecordEditError } from './errors.js';

/** Where a doc's frontmatter sits in its text, as offsets into the original string. */
export interface FrontmatterLocation {
  /** A byte-order mark is kept where it is: before the opening `---`. */
  hasBom: boolean;
  /** Offset of the first character after the opening `---` line. */
  contentStart: number;
  /** Offset of the closing `---` line (the end of the YAML text). */
  contentEnd: number;
  /** The line ending the opening line uses; inserted lines use the same. */
  eol: '\n' | '\r\n';
}

const OPENER = /^---[ \t]*(\r?\n)/;
const CLOSER = /^(?:---|\.\.\.)[ \t]*\r?$/;

/**
 * Finds the frontmatter the way the doc reader does: an optional BOM, `---` as the very first line,
 * and the next line that is `---` (or `...`, the YAML document end). Returns undefined when the doc has no frontmatter.
 */
export function locateFrontmatter(text: string, file?: string): FrontmatterLocation | undefined {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const offset = hasBom ? 1 : 0;
  const opener = OPENER.exec(text.slice(offset, offset + 64));
  if (!opener) return undefined;
  const eol = opener[1] === '\r\n' ? '\r\n' : '\n';
  const contentStart = offset + opener[0].length;
  let lineStart = contentStart;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (CLOSER.test(text.slice(lineStart, lineEnd))) return { hasBom, contentStart, contentEnd: lineStart, eol };
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  throw new RecordEditError('the frontmatter has no closing `---` line; the doc is left as it is', file);
}

/** The line ending a doc mostly uses, for docs that get a frontmatter created. */
export function detectEol(text: string): '\n' | '\r\n' {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
