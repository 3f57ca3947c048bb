import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/checks/body.js';
import { extractVariables } from '../../src/checks/extract.js';
import type { BodyPredicate } from '../../src/core/model.js';

const json = {
  data: {
    items: [
      { type: 'note', uid: 'n1' },
      { type: 'event', uid: 'e1' },
      { type: 'event', uid: 'e2' },
    ],
  },
  status: 'OK',
};
const input = { status: 200, headers: {}, json };

describe('extraction with paths that can match several values', () => {
  it('a filter extracts the first match as a scalar', () => {
    const { values, failures } = extractVariables({ uid: { from: 'body', path: "$.data.items[?(@.type=='event')].uid" } }, input);
    expect(failures).toEqual([]);
    expect(values.uid).toBe('e1');
  });

  it('`all: true` extracts every match as a list (a single path: a list of one)', () => {
    const { values } = extractVariables(
      {
        uids: { from: 'body', path: "$.data.items[?(@.type=='event')].uid", all: true },
        every: { from: 'body', path: '$.data.items[*].uid', all: true },
        one: { from: 'body', path: '$.status', all: true },
      },
      input,
    );
    expect(values).toEqual({ uids: ['e1', 'e2'], every: ['n1', 'e1', 'e2'], one: ['OK'] });
  });

  it('a miss names the nearest part that exists and its keys', () => {
    const { failures } = extractVariables({ chat: { from: 'body', path: '$.data.uid' }, deep: { from: 'body', path: '$.data.items[5].uid' } }, input);
    expect(failures[0].message).toContain('the nearest part that exists is `$.data`, with keys: items');
    expect(failures[1].message).toContain('`$.data.items`, an array of 3 whose first item has keys: type, uid');
  });

  it('body predicates: exists = at least one match, length = the number of matches', () => {
    const p = (x: Partial<BodyPredicate>) => ({ path: "$.data.items[?(@.type=='event')]", ...x }) as BodyPredicate;
    const [exists, length, missing] = checkBody(json, [p({ exists: true }), p({ length: 2 }), { path: '$.data.nothing.here', exists: true } as BodyPredicate]);
    expect([exists.passed, length.passed, missing.passed]).toEqual([true, true, false]);
    expect(missing.message).toContain('`$.data`, with keys: items');
  });
});
