import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { el, renderXml, xmlSafe } from '../../src/report/xml.js';
import { NASTY, xmlParser } from './fixtures.js';

const parser = xmlParser();

// Characters XML 1.0 cannot carry (they must never reach the output).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function roundTrip(value: string): { text: string; attr: string; xml: string } {
  const xml = renderXml(el('root', {}, [el('v', { a: value }, [], value)]));
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = parser.parse(xml) as { root: { v: { '#text'?: string; '@a': string } } };
  return { text: parsed.root.v['#text'] ?? '', attr: parsed.root.v['@a'], xml };
}

describe('xml escaper', () => {
  it('keeps every representable string exactly, in text and attributes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const { text, attr, xml } = roundTrip(value);
        expect(FORBIDDEN.test(xml)).toBe(false);
        expect(xml.includes(']]>')).toBe(false);
        expect(text).toBe(xmlSafe(value));
        expect(attr).toBe(xmlSafe(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes unrepresentable characters visibly instead of dropping them', () => {
    expect(xmlSafe('a\u0000b\u001fc\ud800d')).toBe('a\\u0000b\\u001fc\\ud800d');
    expect(xmlSafe('ok 😀 \t\n\r')).toBe('ok 😀 \t\n\r');
  });

  it('round-trips the nasty fixture string', () => {
    const { text, attr } = roundTrip(NASTY);
    expect(text).toContain(']]>');
    expect(text).toContain('<&>"\'');
    expect(text).toContain('😀');
    expect(text).toContain('\\u0000');
    expect(attr).toBe(text);
  });
});
