import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { Doc, Step } from '../core/model.js';
import type { SourceSpan } from '../core/span.js';
import type { Operation } from '../openapi/model.js';
import type { SpecValidator } from '../openapi/validate.js';

const TEMPLATE = /\{\{|\{%/;

/**
 * The literal parts of a step's JSON body against the operation's request schema. Values that hold
 * a template are unknown until the run: violations at (or under) them are dropped, everything else
 * — missing required fields, a number where the spec wants a string — is a finding now.
 * Steps that expect a 4xx answer send invalid bodies on purpose and are not checked.
 */
export function checkLiteralBody(doc: Doc, step: Step, operation: Operation, validator: SpecValidator, severity: 'error' | 'warning'): Diagnostic[] {
  if (step.body === undefined || step.bodyKind !== 'json' || !operation.requestBody || expectsClientError(doc, step)) return [];
  const templated: string[] = [];
  if (!collectTemplated(step.body, '', templated)) return [];
  const outcome = validator.validateRequest(operation, 'application/json', step.body);
  if (!outcome.validated) return [];
  const make = severity === 'error' ? errorDiag : warningDiag;
  return outcome.violations
    .filter((v) => !templated.some((t) => v.pointer === t || v.pointer.startsWith(t + '/')))
    .map((v) => {
      const field = v.pointer.split('/').slice(1).map(unescapePointerToken).join('.') || '(the body)';
      const span = spanFor(step, v.pointer);
      return make('request-body-schema', `request body \`${field}\` ${v.message} (${operation.method} ${operation.path}, rule \`${v.rule}\`)`, span, {
        expected: v.expected === undefined ? undefined : JSON.stringify(v.expected),
      });
    });
}

function expectsClientError(doc: Doc, step: Step): boolean {
  const statuses = step.expect.status ?? (step.phase === 'test' && doc.frontmatter.expectedOutcome !== undefined ? doc.frontmatter.expectedOutcome : undefined);
  return statuses?.every((s) => s >= 400) ?? false;
}

/** Pointers of templated values; false when a key is templated (the shape itself is unknown). */
function collectTemplated(value: unknown, pointer: string, into: string[]): boolean {
  if (typeof value === 'string') {
    if (TEMPLATE.test(value)) into.push(pointer);
    return true;
  }
  if (Array.isArray(value)) return value.every((v, i) => collectTemplated(v, `${pointer}/${i}`, into));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (TEMPLATE.test(k)) return false;
      if (!collectTemplated(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, into)) return false;
    }
  }
  return true;
}

/** The value's own span, else its key's, else the nearest ancestor's (a missing field points at its parent). */
function spanFor(step: Step, pointer: string): SourceSpan {
  const parts = ['body', ...pointer.split('/').slice(1).map(unescapePointerToken)];
  while (parts.length > 0) {
    const path = parts.join('.');
    const span = step.valueSpans[path] ?? step.keySpans[path];
    if (span) return span;
    parts.pop();
  }
  return step.span;
}

function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
