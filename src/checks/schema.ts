import type { CheckKind, CheckResult } from '../core/result.js';
import type { SchemaViolation, ValidationOutcome } from '../core/validation.js';

export interface SchemaCheckOptions {
  kind: Extract<CheckKind, 'schema' | 'request-schema'>;
  /** `warn`: failures are warnings that do not fail the step; `strict`: errors. */
  mode: 'warn' | 'strict';
}

/**
 * One validation outcome → check results: one passed check, one failed check per violation
 * (naming the JSON pointer, the rule and the value), or one passed check saying nothing was
 * validated and why (shown in verbose output).
 */
export function schemaChecks(outcome: ValidationOutcome, options: SchemaCheckOptions): CheckResult[] {
  const name = checkName(options.kind, outcome.target);
  if (!outcome.validated) {
    return [{ kind: options.kind, name, passed: true, message: outcome.reason ?? 'nothing validated' }];
  }
  if (outcome.violations.length === 0) return [{ kind: options.kind, name, passed: true }];
  const severity = options.mode === 'warn' ? 'warning' : 'error';
  return outcome.violations.map((violation) => ({
    kind: options.kind,
    name,
    passed: false,
    expected: violation.expected ?? violation.rule,
    actual: violation.value,
    message: violationMessage(violation),
    severity,
  }));
}

export function checkName(kind: SchemaCheckOptions['kind'], target: string | undefined): string {
  const what = kind === 'request-schema' ? 'request body matches schema' : 'response body matches schema';
  return target ? `${what} (${target})` : what;
}

/** `/data/client/id: must be string (rule \`type\`)`. */
export function violationMessage(violation: SchemaViolation): string {
  const where = violation.pointer === '' ? '(root)' : violation.pointer;
  return `${where}: ${violation.message} (rule \`${violation.rule}\`)`;
}
