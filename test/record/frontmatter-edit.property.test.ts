import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyScalarEdits, readFrontmatterValues, type ScalarEdit } from '../../src/record/frontmatter-edit.js';
import { locateFrontmatter } from '../../src/record/frontmatter-locate.js';

/**
 * Generated docs: frontmatter with comments, blank lines, nested maps, plain/double/single-quoted values,
 * unicode, trailing comments; bodies with fences holding `---`; LF or CRLF; with or without BOM.
 * After any set of edits, the body and every line not holding an edited key must be byte-identical.
 */
type Style = 'plain' | 'double' | 'single' | 'empty';
interface RecordLine {
  kind: 'record';
  key: string;
  style: Style;
  value: string;
  comment: string;
}
interface OtherLines {
  kind: 'other';
  lines: string[];
}
type Entry = RecordLine | OtherLines;

const RECORD_KEYS = ['status', 'verifiedAt', 'savedAt', 'timesReused'] as const;
const unicode = fc.constantFrom('héllo', '日本語', '✓ ok', 'emoji 🎉', 'tab\tin', 'quote " and \' marks', 'a: b', '# not a comment', '---');
const comment = fc.oneof(
  fc.constant(''),
  unicode.map((u) => `   # ${u.replace(/[\r\n]/g, '')}`),
);

const quoted = (style: Style, raw: string): string =>
  style === 'double' ? JSON.stringify(raw) : style === 'single' ? `'${raw.replace(/'/g, "''")}'` : style === 'empty' ? '' : raw;

const recordLine = (key: string) =>
  fc
    .record({
      style: fc.constantFrom<Style>('plain', 'double', 'single', 'empty'),
      comment,
      n: fc.nat(50),
    })
    .map(({ style, comment: c, n }): RecordLine => {
      const raw = key === 'timesReused' ? String(n) : key === 'status' ? 'pending' : '2026-01-26T21:28:12.398Z';
      return { kind: 'record', key, style, value: quoted(style, raw), comment: c };
    });

const otherEntry = fc.oneof(
  unicode.map((u): OtherLines => ({ kind: 'other', lines: [`# ${u}`] })),
  fc.constant<OtherLines>({ kind: 'other', lines: [''] }),
  fc
    .tuple(fc.constantFrom('endpoint', 'domain', 'note', 'clé', 'x-custom'), unicode, fc.constantFrom<Style>('double', 'single'), comment)
    .map(([k, v, s, c]): OtherLines => ({ kind: 'other', lines: [`${k}: ${quoted(s, v)}${c}`] })),
  fc.constant<OtherLines>({ kind: 'other', lines: ['tags: [payments, "cards", \'x\']  # flow'] }),
  fc.constant<OtherLines>({ kind: 'other', lines: ['vars:', '  amount: 10   # nested', '  status: nested-not-top', '  label: "ü"'] }),
  fc.constant<OtherLines>({ kind: 'other', lines: ['useFallbackApi: true'] }),
);

const bodyLine = fc.oneof(
  fc.constantFrom('# Title', '', 'Prose with ünïcode ✓', '---', '```yaml', '```', 'steps:', '  - id: a', '---', 'status: failed', '~~~'),
  unicode,
);

const docArb = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  records: fc.subarray([...RECORD_KEYS]).chain((keys) => fc.tuple(...keys.map(recordLine))),
  others: fc.array(otherEntry, { maxLength: 6 }),
  body: fc.array(bodyLine, { maxLength: 15 }),
  trailingNewline: fc.boolean(),
  seed: fc.nat(),
});

const editsArb = fc.record({
  status: fc.option(fc.constantFrom('verified', 'failed'), { nil: undefined }),
  verifiedAt: fc.option(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    { nil: undefined },
  ),
  savedAt: fc.option(fc.constant('2026-03-01T10:00:00.000Z'), { nil: undefined }),
  timesReused: fc.option(fc.nat(1000), { nil: undefined }),
});

type GeneratedDoc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function build(doc: GeneratedDoc) {
  // Interleave record keys among the other entries, deterministically from the seed.
  const seen = new Set<string>();
  const entries: Entry[] = doc.others.filter((e) => {
    const key = /^([^\s#:][^:]*):/.exec(e.lines[0])?.[1];
    if (key === undefined) return true;
    if (seen.has(key)) return false; // frontmatter keys are unique (duplicates are refused, tested elsewhere)
    seen.add(key);
    return true;
  });
  doc.records.forEach((r, i) => {
    entries.splice((doc.seed + i * 7) % (entries.length + 1), 0, r);
  });
  const fmLines: { text: string; key?: string }[] = [];
  for (const e of entries) {
    if (e.kind === 'record') fmLines.push({ text: `${e.key}:${e.value === '' ? '' : ' '}${e.value}${e.comment}`, key: e.key });
    else for (const l of e.lines) fmLines.push({ text: l });
  }
  const body = doc.body.join(doc.eol) + (doc.trailingNewline ? doc.eol : '');
  const text = (doc.bom ? '\uFEFF' : '') + ['---', ...fmLines.map((l) => l.text), '---', ''].join(doc.eol) + body;
  return { text, fmLines, entries };
}

describe('frontmatter edits (property)', () => {
  it('change only the edited keys, byte for byte everywhere else', () => {
    fc.assert(
      fc.property(docArb, editsArb, (doc, editSpec) => {
        const { text, fmLines, entries } = build(doc);
        const before = readFrontmatterValues(text);
        const edits: ScalarEdit[] = Object.entries(editSpec)
          .filter(([, v]) => v !== undefined)
          .map(([key, value]) => ({ key, value: value as string | number }));
        const out = applyScalarEdits(text, edits);
        const edited = new Set(edits.map((e) => e.key));

        // Everything up to the frontmatter and from the closing `---` on is identical.
        const a = locateFrontmatter(text)!;
        const b = locateFrontmatter(out)!;
        expect(out.slice(0, b.contentStart)).toBe(text.slice(0, a.contentStart));
        expect(out.slice(b.contentEnd)).toBe(text.slice(a.contentEnd));

        // Untouched lines identical; edited lines keep key, trailing comment and quote style; new keys appended.
        const outLines = out.slice(b.contentStart, b.contentEnd).split(doc.eol);
        expect(outLines.pop()).toBe('');
        fmLines.forEach((line, i) => {
          if (!line.key || !edited.has(line.key)) {
            expect(outLines[i]).toBe(line.text);
            return;
          }
          const rec = entries.find((e): e is RecordLine => e.kind === 'record' && e.key === line.key)!;
          expect(outLines[i].startsWith(`${rec.key}: `)).toBe(true);
          expect(outLines[i].endsWith(rec.comment)).toBe(true);
          const written = outLines[i].slice(rec.key.length + 2);
          if (rec.style === 'double') expect(written.startsWith('"')).toBe(true);
          if (rec.style === 'single') expect(written.startsWith("'")).toBe(true);
          if (rec.style === 'plain') expect(written[0]).not.toMatch(/["']/);
        });
        const appended = outLines.slice(fmLines.length);
        const missing = edits.filter((e) => !fmLines.some((l) => l.key === e.key));
        expect(appended.map((l) => l.split(':')[0])).toEqual(missing.map((e) => e.key));
        for (const l of appended) expect(l.includes('\r') || l.includes('\n')).toBe(false);

        // Values: edited keys read back as written, every other key as before; the whole doc still parses.
        const after = readFrontmatterValues(out);
        for (const e of edits) expect(String(after[e.key])).toBe(String(e.value));
        for (const [k, v] of Object.entries(before)) if (!edited.has(k)) expect(after[k]).toEqual(v);
        expect(() => parse(out.slice(b.contentStart, b.contentEnd))).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('is a no-op when the edits set the values already there', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const { text } = build(doc);
        const before = readFrontmatterValues(text);
        const same: ScalarEdit[] = RECORD_KEYS.filter((k) => (typeof before[k] === 'string' && before[k] !== '') || typeof before[k] === 'number').map((k) => ({
          key: k,
          value: before[k] as string | number,
        }));
        const out = applyScalarEdits(text, same);
        // Re-rendering a value in its own style gives back the same bytes (plain stays plain, quotes stay quotes).
        expect(out).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
