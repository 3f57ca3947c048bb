/**
 * A syntax check for the JSONPaths docs write in `extract` and `expect.body` (the dialect of
 * jsonpath-plus). jsonpath-plus itself accepts almost any string and then finds nothing, so a typo
 * like `$.data..id.` or `$.items[0` would only show up as a failed run. Returns the problem, or
 * undefined when the path reads well. Deliberately lenient inside filters `[?(…)]` and scripts `[(…)]`.
 */
export function jsonPathProblem(path: string): { message: string; offset: number } | undefined {
  if (!path.startsWith('$')) return { message: 'a JSONPath starts with `$`', offset: 0 };
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const dots = path.startsWith('..', i) ? 2 : 1;
      if (path.startsWith('...', i)) return { message: 'three dots in a row', offset: i };
      const next = path[i + dots];
      if (next === undefined) return { message: 'the path ends with a dot', offset: i };
      if (next === '.' || next === ' ') return { message: 'empty member name', offset: i };
      if (next === '[') {
        if (dots === 1) return { message: '`.[` — write `[` directly after the name', offset: i };
        i += dots;
        continue;
      }
      i = memberEnd(path, i + dots);
    } else if (c === '[') {
      const end = bracketEnd(path, i);
      if (end === -1) return { message: 'unclosed `[`', offset: i };
      if (end === i + 1) return { message: 'empty brackets `[]`', offset: i };
      i = end + 1;
    } else if (c === '^' || c === '~') {
      i++;
    } else {
      return { message: `unexpected \`${c}\` (member names follow a dot: \`$.${path.slice(i)}\`)`, offset: i };
    }
  }
  return undefined;
}

/** A member name runs until the next `.`, `[`, `^` or `~` (and, after `~`/`^`, nothing else). */
function memberEnd(path: string, start: number): number {
  let i = start;
  while (i < path.length && !'.[^~'.includes(path[i])) i++;
  return i;
}

/** Index of the `]` closing the bracket at `open`, skipping quotes and nested brackets/parens; -1 if none. */
function bracketEnd(path: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0) return c === ']' ? i : -1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}
