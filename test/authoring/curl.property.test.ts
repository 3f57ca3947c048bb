import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RenderedRequest } from '../../src/core/result.js';
import { curlCommand } from '../../src/http/curl.js';
import { importCurl } from '../../src/import/import-curl.js';

/**
 * Copy as curl → import is the identity on bodies, query values and headers, whatever they hold:
 * quotes, backslashes, line breaks, non-ASCII. Strings with `$`, `{` or `}` are left out: the import
 * reads those as guide placeholders on purpose.
 */
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !/[${}]/.test(s));
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).object;

describe('copy as curl → import', () => {
  it('gives back the JSON body, the params and the headers', () => {
    fc.assert(
      fc.property(
        json,
        fc.dictionary(
          key,
          text.filter((s) => s.trim() === s && !/[\n\r]/.test(s)),
          { maxKeys: 3 },
        ),
        key,
        (body, headerValues, param) => {
          const headers = Object.fromEntries(Object.entries(headerValues).map(([k, v]) => [`X-${k}`, v]));
          const request: RenderedRequest = {
            method: 'POST',
            url: `http://127.0.0.1:9/v1/items?${param}=a%20b`,
            headers,
            body,
            bodyKind: 'json',
            api: { name: 'default', baseUrl: 'http://127.0.0.1:9' },
            auth: { profile: 'staff', header: 'Authorization', scheme: 'Bearer' },
          };
          const [{ step }] = importCurl(curlCommand(request), 'copied.sh').steps;
          expect(step.body).toEqual(body);
          expect(step.params).toEqual({ [param]: 'a b' });
          expect(step.token).toBe('staff');
          expect(step.headers ?? {}).toEqual(headers);
        },
      ),
      { numRuns: 300 },
    );
  });
});
