/** One fix made to a guide's JSON example, at an offset of the JSON text. */
export interface JsonRepair {
  offset: number;
  what: string;
}

export type JsonOutcome = { ok: true; value: unknown; repairs: JsonRepair[] } | { ok: false; offset: number; message: string };

const MAX_REPAIRS = 10;

/**
 * JSON.parse, plus the three slips API guides make in hand-written examples: a missing comma between
 * two members on separate lines, a stray `:` where a comma belongs, and a trailing comma before `}` or
 * `]`. Each repair is reported; anything else is refused with the parser's message and offset.
 */
export function parseGuideJson(text: string): JsonOutcome {
  const repairs: JsonRepair[] = [];
  const inserted: number[] = [];
  let current = text;
  let first: { offset: number; message: string } | undefined;
  for (;;) {
    try {
      return { ok: true, value: JSON.parse(current), repairs };
    } catch (error) {
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message);
      const offset = at ? Number(at[1]) : undefined;
      first ??= { offset: originalOffset(offset ?? 0, inserted), message: message.replace(/\s*in JSON at position \d+.*$/, '') };
      const fix = offset === undefined || repairs.length >= MAX_REPAIRS ? undefined : repairAt(current, offset);
      // Refused: the first error of the text as written is the one to show, not one a repair led to.
      if (!fix) return { ok: false, ...first };
      repairs.push({ offset: originalOffset(fix.offset, inserted), what: fix.what });
      if (fix.text.length > current.length) inserted.push(originalOffset(fix.offset, inserted));
      current = fix.text;
    }
  }
}

function repairAt(text: string, offset: number): { text: string; offset: number; what: string } | undefined {
  const prev = previousNonSpace(text, offset);
  if (prev === undefined) return undefined;
  const here = text[offset];
  const inObject = containerAt(text, offset) === '{';
  if ((here === '}' || here === ']') && text[prev] === ',') {
    return { text: text.slice(0, prev) + ' ' + text.slice(prev + 1), offset: prev, what: `removed a trailing comma before \`${here}\`` };
  }
  if (here === ':' && inObject && endsValue(text[prev])) {
    return { text: text.slice(0, offset) + ',' + text.slice(offset + 1), offset, what: 'replaced a stray `:` after a value with `,`' };
  }
  if (here === '"' && inObject && endsValue(text[prev]) && text.slice(prev, offset).includes('\n') && /^"(?:[^"\\]|\\.)*"\s*:/.test(text.slice(offset))) {
    return {
      text: text.slice(0, prev + 1) + ',' + text.slice(prev + 1),
      offset: prev + 1,
      what: 'added a missing `,` at the end of the line',
    };
  }
  return undefined;
}

/** The innermost `{` or `[` open at an offset (strings skipped), or undefined at the top level. */
function containerAt(text: string, offset: number): string | undefined {
  const open: string[] = [];
  for (let i = 0; i < offset; i++) {
    const char = text[i];
    if (char === '"') {
      for (i++; i < offset && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (char === '{' || char === '[') open.push(char);
    else if (char === '}' || char === ']') open.pop();
  }
  return open.at(-1);
}

function endsValue(char: string): boolean {
  return /["}\]\deEl]/.test(char);
}

function previousNonSpace(text: string, offset: number): number | undefined {
  for (let i = offset - 1; i >= 0; i--) if (!/\s/.test(text[i])) return i;
  return undefined;
}

/** Repairs keep the text's length except an added comma: map an offset back to the text as written. */
function originalOffset(offset: number, inserted: readonly number[]): number {
  let shift = 0;
  for (const at of [...inserted].sort((a, b) => a - b)) if (at + shift < offset) shift++;
  return offset - shift;
}
