/**
 * A single pass over the Markdown body that finds ATX headings and fenced code blocks, following
 * CommonMark: ``` or ~~~ fences of 3+ characters indented up to 3 spaces, closed by a fence of the
 * same character at least as long; headings inside fences are not headings. Nothing else of Markdown
 * matters to stepdoc.
 */
export interface Heading {
  kind: 'heading';
  level: number;
  text: string;
  offset: number;
}

export interface Fence {
  kind: 'fence';
  /** First word of the info string, lower-cased (`yaml`, `json`, ``). */
  lang: string;
  /** Offset of the opening fence line. */
  offset: number;
  /** Offset where the content starts (the line after the opening fence). */
  contentOffset: number;
  content: string;
  /** Doc offset where each content line starts (after the fence indentation CommonMark removes). */
  lineOffsets: number[];
  closed: boolean;
}

export type Block = Heading | Fence;

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

export function scanMarkdown(text: string, startOffset = 0): Block[] {
  const blocks: Block[] = [];
  let offset = startOffset;
  let open: { fence: Fence; char: string; size: number; indent: number; lines: string[] } | undefined;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline + 1;
    const line = lineText(text, offset, end);
    const marker = firstNonSpace(line);
    if (open) {
      if (marker === open.char && isClosingFence(line, open.char, open.size)) {
        open.fence.content = open.lines.join('\n') + (open.lines.length ? '\n' : '');
        open.fence.closed = true;
        blocks.push(open.fence);
        open = undefined;
      } else {
        const stripped = stripIndent(line, open.indent);
        open.fence.lineOffsets.push(offset + (line.length - stripped.length));
        open.lines.push(stripped);
      }
    } else {
      // Only lines starting (after up to 3 spaces) with ` ~ or # can open a fence or be a heading.
      const fence = marker === '`' || marker === '~' ? FENCE_OPEN.exec(line) : null;
      if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
        const lang = fence[3].trim().split(/\s+/)[0]?.toLowerCase() ?? '';
        open = {
          fence: { kind: 'fence', lang, offset, contentOffset: end, content: '', lineOffsets: [], closed: false },
          indent: fence[1].length,
          char: fence[2][0],
          size: fence[2].length,
          lines: [],
        };
      } else if (marker === '#') {
        const heading = HEADING.exec(line);
        if (heading) blocks.push({ kind: 'heading', level: heading[1].length, text: (heading[2] ?? '').trim(), offset });
      }
    }
    offset = end;
  }
  if (open) {
    // CommonMark: an unclosed fence runs to the end of the document.
    open.fence.content = open.lines.join('\n') + (open.lines.length ? '\n' : '');
    blocks.push(open.fence);
  }
  return blocks;
}

function isClosingFence(line: string, char: string, size: number): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1][0] === char && match[1].length >= size;
}

function stripIndent(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line[i] === ' ') i++;
  return line.slice(i);
}

/** The line without its `\n` / `\r\n`. */
function lineText(text: string, offset: number, end: number): string {
  let stop = end;
  if (stop > offset && text.charCodeAt(stop - 1) === 10) {
    stop--;
    if (stop > offset && text.charCodeAt(stop - 1) === 13) stop--;
  }
  return text.slice(offset, stop);
}

function firstNonSpace(line: string): string | undefined {
  let i = 0;
  while (i < 4 && line.charCodeAt(i) === 32) i++;
  return line[i];
}
