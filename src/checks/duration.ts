import type { CheckResult } from '../core/result.js';

export function checkDuration(durationMs: number, maxMs: number): CheckResult {
  const passed = durationMs <= maxMs;
  return {
    kind: 'duration',
    name: `response within ${maxMs} ms`,
    passed,
    expected: `≤ ${maxMs} ms`,
    actual: `${Math.round(durationMs)} ms`,
    message: passed ? undefined : `took ${Math.round(durationMs)} ms, limit ${maxMs} ms`,
  };
}
