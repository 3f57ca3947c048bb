import { describe, expect, it } from 'vitest';
import { jsonPathProblem } from '../../src/doc/jsonpath-syntax.js';

describe('JSONPath syntax', () => {
  it.each([
    '$',
    '$.data.id',
    '$.data.items[0].id',
    "$['data']['id']",
    '$.data.items[*].id',
    '$..id',
    '$.data..items[0]',
    "$.items[?(@.kind=='a')].id",
    '$.items[?(@.price > 10 && @.tag == "x]")]',
    '$.items[-1:]',
    '$.items[0,1]',
    '$.a[(@.length-1)]',
    '$.data.*',
    '$.data~',
    '$.data^',
    '$.data.client-id',
    '$.data.@type',
    '$.data.items.length',
  ])('accepts %s', (path) => {
    expect(jsonPathProblem(path)).toBeUndefined();
  });

  it.each([
    ['data.id', 'starts with `$`'],
    ['$.data.', 'ends with a dot'],
    ['$.data..', 'ends with a dot'],
    ['$.a...b', 'three dots'],
    ['$.items[0', 'unclosed `[`'],
    ['$.items[]', 'empty brackets'],
    ["$.items['a]", 'unclosed `[`'],
    ['$data', 'unexpected `d`'],
    ['$.a.[0]', '`.[`'],
    ['$. a', 'empty member name'],
  ])('rejects %s', (path, problem) => {
    expect(jsonPathProblem(path)?.message).toContain(problem);
  });
});
