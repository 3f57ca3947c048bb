/** RFC 6901 JSON pointers: the addresses ajv reports and `$ref` fragments use. */

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${escapePointerToken(String(t))}`).join('');
}

/** The tokens of a pointer, or of a `$ref` fragment such as `#/components/schemas/a%20b`. */
export function pointerTokens(pointer: string): string[] {
  let text = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (pointer.startsWith('#')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // A malformed escape: keep the text as written.
    }
  }
  if (text === '' || text === '/') return text === '/' ? [''] : [];
  return text.replace(/^\//, '').split('/').map(unescapePointerToken);
}

const MISSING = Symbol('missing');

/** The value at a pointer, or `undefined` when some step of it does not exist. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  const value = walk(root, pointerTokens(pointer));
  return value === MISSING ? undefined : value;
}

export function hasPointer(root: unknown, pointer: string): boolean {
  return walk(root, pointerTokens(pointer)) !== MISSING;
}

function walk(root: unknown, tokens: string[]): unknown {
  let node: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      const index = Number(token);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) return MISSING;
      node = node[index];
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return MISSING;
    }
  }
  return node;
}
