import type { HeaderPredicate } from '../core/model.js';
import type { CheckResult } from '../core/result.js';

/** Header names compare case-insensitively (responses arrive lower-cased). */
export function checkHeaders(headers: Record<string, string>, predicates: HeaderPredicate[]): CheckResult[] {
  return predicates.map((p) => {
    const actual = headers[p.name.toLowerCase()];
    const name = `header ${p.name}`;
    const result = (passed: boolean, expected: unknown, message: string): CheckResult => ({
      kind: 'header',
      name,
      passed,
      expected,
      actual,
      message: passed ? undefined : message,
      span: p.span,
    });
    if (p.exists === false) return result(actual === undefined, 'absent', `header ${p.name} is present`);
    if (actual === undefined) return result(false, p.equals ?? p.matches ?? p.contains ?? 'present', `header ${p.name} is missing`);
    if (p.equals !== undefined && actual !== p.equals) return result(false, p.equals, `expected ${p.name}: ${p.equals}, got ${actual}`);
    if (p.matches !== undefined && !new RegExp(p.matches, 'i').test(actual))
      return result(false, `/${p.matches}/`, `${p.name}: ${actual} does not match /${p.matches}/`);
    if (p.contains !== undefined && !actual.includes(p.contains)) return result(false, p.contains, `${p.name}: ${actual} does not contain ${p.contains}`);
    return result(true, p.equals ?? p.matches ?? p.contains ?? 'present', '');
  });
}
