import type { CheckResult } from '../core/result.js';

/** `expected` undefined means any 2xx. */
export function checkStatus(actual: number, expected: number[] | undefined): CheckResult {
  const passed = expected ? expected.includes(actual) : actual >= 200 && actual < 300;
  const wanted = expected ? (expected.length === 1 ? expected[0] : expected) : '2xx';
  return {
    kind: 'status',
    name: 'status',
    passed,
    expected: wanted,
    actual,
    message: passed ? undefined : `expected status ${Array.isArray(wanted) ? wanted.join(' or ') : wanted}, got ${actual}`,
  };
}
