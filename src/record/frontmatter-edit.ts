import { isMap, isScalar, parseDocument, Scalar, type Document, type Pair, type YAMLMap } from 'yaml';
import { RecordEditError } from './errors.js';
import { detectEol, locateFrontmatter, type FrontmatterLocation } from './frontmatter-locate.js';
import { renderScalar, type RecordValue, type ScalarStyle } from './scalar-style.js';

/** One top-level scalar key to set (or add at the end of the frontmatter). */
export interface ScalarEdit {
  key: string;
  value: RecordValue;
}

interface ParsedFrontmatter {
  location: FrontmatterLocation;
  doc: Document.Parsed;
  map?: YAMLMap;
}

/** The frontmatter's top-level values as plain data ({} when the doc has none). */
export function readFrontmatterValues(text: string, file?: string): Record<string, unknown> {
  const parsed = parseFrontmatter(text, file);
  if (!parsed?.map) return {};
  const values = parsed.doc.toJS() as Record<string, unknown> | null;
  return values ?? {};
}

/**
 * Sets top-level scalar keys by splicing new value text into the original string at the exact source range
 * of each old value: everything else (comments, order, quoting of other keys, line endings, BOM, the body)
 * stays byte for byte. Missing keys are appended before the closing `---`. The result is re-read and
 * checked before it is returned; anything surprising throws instead of producing a damaged doc.
 */
export function applyScalarEdits(text: string, edits: readonly ScalarEdit[], file?: string): string {
  if (edits.length === 0) return text;
  const parsed = parseFrontmatter(text, file);
  const next = parsed ? spliceEdits(text, parsed, edits, file) : prependFrontmatter(text, edits);
  const before = parsed?.map ? ((parsed.doc.toJS() as Record<string, unknown> | null) ?? {}) : {};
  verifyEdits(next, before, edits, file);
  return next;
}

function parseFrontmatter(text: string, file?: string): ParsedFrontmatter | undefined {
  const location = locateFrontmatter(text, file);
  if (!location) return undefined;
  const doc = parseDocument(text.slice(location.contentStart, location.contentEnd));
  if (doc.errors.length > 0) {
    throw new RecordEditError(`the frontmatter is not valid YAML (${doc.errors[0].message.split('\n')[0]}); the doc is left as it is`, file);
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { location, doc };
  if (!isMap(doc.contents)) throw new RecordEditError('the frontmatter is not a mapping of keys; the doc is left as it is', file);
  return { location, doc, map: doc.contents };
}

interface Splice {
  at: number;
  end: number;
  text: string;
}

function spliceEdits(text: string, parsed: ParsedFrontmatter, edits: readonly ScalarEdit[], file?: string): string {
  const base = parsed.location.contentStart;
  const content = text.slice(base, parsed.location.contentEnd);
  const splices: Splice[] = [];
  const appended: string[] = [];
  for (const edit of edits) {
    const pair = findPair(parsed.map, edit.key);
    if (!pair) {
      const style = insertedStyle(parsed.map, edit.key);
      appended.push(`${keyIndent(content, parsed.map)}${edit.key}: ${renderScalar(edit.value, style)}${parsed.location.eol}`);
      continue;
    }
    const splice = valueSplice(content, pair, edit, file);
    splices.push({ ...splice, at: splice.at + base, end: splice.end + base });
  }
  if (appended.length > 0) {
    const at = parsed.location.contentEnd;
    splices.push({ at, end: at, text: appended.join('') });
  }
  splices.sort((a, b) => b.at - a.at);
  let out = text;
  for (const s of splices) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return out;
}

function findPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  return map?.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === key);
}

/** The range to replace for an existing key, in offsets of the frontmatter text. */
function valueSplice(content: string, pair: Pair, edit: ScalarEdit, file?: string): Splice {
  const node = pair.value;
  if (node === null || node === undefined || (isScalar(node) && node.range && node.range[0] === node.range[1])) {
    // `key:` with no value: write right after the colon, so a trailing comment stays a comment.
    const keyEnd = isScalar(pair.key) && pair.key.range ? pair.key.range[1] : -1;
    const colon = content.indexOf(':', keyEnd);
    if (keyEnd < 0 || colon < 0) throw new RecordEditError(`cannot find the value of \`${edit.key}\``, file);
    return { at: colon + 1, end: colon + 1, text: ` ${renderScalar(edit.value, 'plain')}` };
  }
  if (!isScalar(node) || !node.range) {
    throw new RecordEditError(`\`${edit.key}\` is not a single value; the doc is left as it is`, file);
  }
  const style = styleOf(node);
  if (!style) throw new RecordEditError(`\`${edit.key}\` is a block scalar; the doc is left as it is`, file);
  return { at: node.range[0], end: node.range[1], text: renderScalar(edit.value, style) };
}

function styleOf(node: Scalar): ScalarStyle | undefined {
  if (node.type === Scalar.QUOTE_DOUBLE) return 'double';
  if (node.type === Scalar.QUOTE_SINGLE) return 'single';
  if (node.type === Scalar.PLAIN) return 'plain';
  return undefined;
}

/** A new timestamp key is quoted like its sibling (`savedAt` ↔ `verifiedAt`), so the block reads alike. */
function insertedStyle(map: YAMLMap | undefined, key: string): ScalarStyle {
  const sibling = key === 'verifiedAt' ? 'savedAt' : key === 'savedAt' ? 'verifiedAt' : undefined;
  const node = sibling ? findPair(map, sibling)?.value : undefined;
  return (isScalar(node) && styleOf(node)) || 'plain';
}

/** Top-level keys may all be indented; new keys line up with the first one. */
function keyIndent(content: string, map: YAMLMap | undefined): string {
  const first = map?.items[0]?.key;
  if (!isScalar(first) || !first.range) return '';
  const lineStart = content.lastIndexOf('\n', first.range[0] - 1) + 1;
  const indent = content.slice(lineStart, first.range[0]);
  return /^[ ]*$/.test(indent) ? indent : '';
}

/** A doc without frontmatter gets one, in its own line-ending style, after the BOM if any. */
function prependFrontmatter(text: string, edits: readonly ScalarEdit[]): string {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const eol = detectEol(text);
  const lines = edits.map((e) => `${e.key}: ${renderScalar(e.value, 'plain')}${eol}`).join('');
  return `${hasBom ? '\uFEFF' : ''}---${eol}${lines}---${eol}${text.slice(hasBom ? 1 : 0)}`;
}

/** Re-reads the edited text: edited keys must read back as written and every other key as before. */
function verifyEdits(next: string, before: Record<string, unknown>, edits: readonly ScalarEdit[], file?: string): void {
  const after = readFrontmatterValues(next, file);
  for (const edit of edits) {
    const got = after[edit.key];
    const same = got === edit.value || (typeof edit.value === 'number' && got === String(edit.value));
    if (!same) throw new RecordEditError(`writing \`${edit.key}\` would not read back as ${String(edit.value)}; the doc is left as it is`, file);
  }
  const edited = new Set(edits.map((e) => e.key));
  const rest = (values: Record<string, unknown>) => JSON.stringify(Object.entries(values).filter(([k]) => !edited.has(k)));
  if (rest(before) !== rest(after)) throw new RecordEditError('the edit would change other frontmatter keys; the doc is left as it is', file);
}
