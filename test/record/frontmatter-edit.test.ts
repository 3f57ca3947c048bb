import { describe, expect, it } from 'vitest';
import { applyScalarEdits, readFrontmatterValues } from '../../src/record/frontmatter-edit.js';
import { RecordEditError } from '../../src/record/errors.js';

const BODY = '\n# T\n\n```yaml\n---\nsteps: []\n---\n```\n';

describe('applyScalarEdits', () => {
  it("keeps each value's quote style and the comments around it", () => {
    const text = `---\nstatus: pending   # one of: verified, pending\nverifiedAt: "2026-01-01T00:00:00.000Z"\nsavedAt: '2026-01-01T00:00:00.000Z'\ntimesReused: 1\n---${BODY}`;
    const out = applyScalarEdits(text, [
      { key: 'status', value: 'verified' },
      { key: 'verifiedAt', value: '2026-03-01T10:00:00.123Z' },
      { key: 'savedAt', value: '2026-03-01T10:00:00.123Z' },
      { key: 'timesReused', value: 2 },
    ]);
    expect(out).toBe(
      `---\nstatus: verified   # one of: verified, pending\nverifiedAt: "2026-03-01T10:00:00.123Z"\nsavedAt: '2026-03-01T10:00:00.123Z'\ntimesReused: 2\n---${BODY}`,
    );
  });

  it('keeps an unquoted timestamp unquoted', () => {
    const out = applyScalarEdits('---\nverifiedAt: 2026-01-26T21:28:12.398Z\n---\n', [{ key: 'verifiedAt', value: '2026-02-01T00:00:00.000Z' }]);
    expect(out).toBe('---\nverifiedAt: 2026-02-01T00:00:00.000Z\n---\n');
  });

  it("appends missing keys before the closing line, with the doc's CRLF, after the BOM", () => {
    const text = `\uFEFF---\r\nendpoint: "GET /x"\r\n# trailing comment\r\n---\r\nbody\r\n`;
    const out = applyScalarEdits(text, [
      { key: 'status', value: 'failed' },
      { key: 'timesReused', value: 1 },
    ]);
    expect(out).toBe(`\uFEFF---\r\nendpoint: "GET /x"\r\n# trailing comment\r\nstatus: failed\r\ntimesReused: 1\r\n---\r\nbody\r\n`);
  });

  it('quotes an inserted timestamp like its sibling key', () => {
    const out = applyScalarEdits('---\nsavedAt: "2026-01-01T00:00:00.000Z"\n---\n', [{ key: 'verifiedAt', value: '2026-02-01T00:00:00.000Z' }]);
    expect(out).toBe('---\nsavedAt: "2026-01-01T00:00:00.000Z"\nverifiedAt: "2026-02-01T00:00:00.000Z"\n---\n');
  });

  it('fills an empty value right after the colon, so a trailing comment stays a comment', () => {
    const out = applyScalarEdits('---\nverifiedAt:   # not yet\nstatus:\n---\n', [
      { key: 'verifiedAt', value: '2026-02-01T00:00:00.000Z' },
      { key: 'status', value: 'verified' },
    ]);
    expect(out).toBe('---\nverifiedAt: 2026-02-01T00:00:00.000Z   # not yet\nstatus: verified\n---\n');
  });

  it('replaces `~` and keeps a quoted number quoted (it reads back as the same text)', () => {
    const out = applyScalarEdits('---\nverifiedAt: ~\ntimesReused: "3"\n---\n', [
      { key: 'verifiedAt', value: '2026-02-01T00:00:00.000Z' },
      { key: 'timesReused', value: 4 },
    ]);
    expect(out).toBe('---\nverifiedAt: 2026-02-01T00:00:00.000Z\ntimesReused: "4"\n---\n');
  });

  it('lines new keys up with indented top-level keys', () => {
    const out = applyScalarEdits('---\n  status: pending\n---\n', [{ key: 'timesReused', value: 1 }]);
    expect(out).toBe('---\n  status: pending\n  timesReused: 1\n---\n');
    expect(readFrontmatterValues(out)).toEqual({ status: 'pending', timesReused: 1 });
  });

  it('accepts `...` as the closing line, like the doc reader', () => {
    expect(applyScalarEdits('---\nstatus: pending\n...\nbody', [{ key: 'timesReused', value: 1 }])).toBe('---\nstatus: pending\ntimesReused: 1\n...\nbody');
  });

  it('fills an empty frontmatter and creates one when the doc has none', () => {
    expect(applyScalarEdits('---\n---\nbody', [{ key: 'status', value: 'verified' }])).toBe('---\nstatus: verified\n---\nbody');
    expect(applyScalarEdits('\uFEFF# T\r\n', [{ key: 'status', value: 'failed' }])).toBe('\uFEFF---\r\nstatus: failed\r\n---\r\n# T\r\n');
  });

  it('falls back to double quotes when a plain value would not read back the same', () => {
    const out = applyScalarEdits('---\nstatus: pending\n---\n', [{ key: 'status', value: 'a: b # c' }]);
    expect(out).toBe('---\nstatus: "a: b # c"\n---\n');
  });

  it('leaves the text alone when there is nothing to change', () => {
    const text = '---\nstatus: pending\n---\n';
    expect(applyScalarEdits(text, [])).toBe(text);
  });

  it.each([
    ['an unterminated frontmatter', '---\nstatus: pending\n# no closing line\n'],
    ['invalid YAML', '---\nstatus: [pending\n---\n'],
    ['duplicate keys', '---\nstatus: a\nstatus: b\n---\n'],
    ['a non-scalar value', '---\nstatus:\n  - a\n---\n'],
    ['a block scalar', '---\nstatus: |\n  pending\n---\n'],
    ['a frontmatter that is a list', '---\n- a\n---\n'],
    ['a flow mapping (appending would break it)', '---\n{endpoint: x}\n---\n'],
  ])('refuses %s instead of guessing', (_what, text) => {
    expect(() => applyScalarEdits(text, [{ key: 'status', value: 'verified' }])).toThrow(RecordEditError);
  });
});
