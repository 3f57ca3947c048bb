import { parse, type ParseEntry } from 'shell-quote';
import { LineIndex } from '../core/span.js';

/** One curl command of a guide: its shell words and where it starts in the source. */
export interface CurlCommand {
  words: string[];
  /** Offset of the command's first character in the source (for diagnostics). */
  offset: number;
  /** Things of the shell line that are not part of the request (a `| jq .`, a redirect). */
  ignored: string[];
}

/** A line starting a command: `curl …`, also behind a prompt (`$ curl …`). */
const COMMAND_START = /^[ \t]*(?:\$[ \t]+)?curl(?=[ \t]|\\?\r?$)/gm;

/**
 * The curl commands of a text, as shell words. Each chunk from one `curl` line to the next goes
 * through shell-quote on its own, so a comment or a stray quote in one command never swallows the
 * next. Line continuations are joined first (shell-quote keeps them as empty words); `$name`
 * references stay as written (`$baseurl`), for the importer to turn into variables.
 */
export function splitCommands(source: string): CurlCommand[] {
  const text = source.replace(/^[ \t]*#.*$/gm, (line) => ' '.repeat(line.length));
  const starts = [...text.matchAll(COMMAND_START)].map((m) => m.index ?? 0);
  return starts.map((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length).replace(/\\\r?\n/g, ' \n');
    return { ...wordsOf(chunk.replace(/^[ \t]*\$[ \t]+/, '')), offset: start };
  });
}

function wordsOf(chunk: string): { words: string[]; ignored: string[] } {
  const words: string[] = [];
  const ignored: string[] = [];
  let rest = false;
  for (const entry of parse(chunk, (name) => `$${name}`)) {
    if (rest) {
      ignored.push(show(entry));
      continue;
    }
    if (typeof entry === 'string') words.push(entry);
    else if ('pattern' in entry) words.push(entry.pattern);
    else if ('op' in entry) {
      rest = true;
      ignored.push(show(entry));
    }
  }
  return { words, ignored: ignored.filter((w) => w !== '') };
}

function show(entry: ParseEntry): string {
  if (typeof entry === 'string') return entry;
  if ('comment' in entry) return '';
  if ('pattern' in entry) return entry.pattern;
  return entry.op;
}

/** 1-based line of an offset, for notes and diagnostics. */
export function lineOf(source: string, offset: number): number {
  return new LineIndex(source).position(offset).line;
}
