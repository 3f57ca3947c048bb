import type { Scope } from '../template/render.js';
import type { ExpectSpec, Step } from '../core/model.js';
import type { CheckResult } from '../core/result.js';
import type { Doc } from '../core/model.js';
import { checkBody } from '../checks/body.js';
import { checkDuration } from '../checks/duration.js';
import { checkHeaders } from '../checks/headers.js';
import { checkStatus } from '../checks/status.js';
import type { TemplateNode } from '../template/compile.js';
import { renderNode } from '../template/render.js';
import type { HttpResponse } from '../http/types.js';

/** The statuses a step accepts: its own, else the doc's expectedOutcome for the test phase, else 2xx. */
export function expectedStatus(step: Step, doc: Doc): number[] | undefined {
  if (step.expect.status) return step.expect.status;
  if (step.phase === 'test' && doc.frontmatter.expectedOutcome !== undefined) return doc.frontmatter.expectedOutcome;
  return undefined;
}

/** Runs the checks of one expect block against a response. Pure: results, never throws. */
export function evaluateExpect(
  spec: ExpectSpec,
  status: number[] | undefined,
  response: HttpResponse,
  expectedValues: TemplateNode | undefined,
  scope: Scope,
): CheckResult[] {
  const checks: CheckResult[] = [checkStatus(response.status, status)];
  if (spec.body.length) {
    const values = expectedValues ? (renderNode(expectedValues, scope) as unknown[]) : [];
    const json = response.json;
    if (json === undefined) {
      checks.push({
        kind: 'body',
        name: 'JSON body',
        passed: false,
        expected: 'a JSON body',
        actual: response.bodyText.slice(0, 200),
        message: response.jsonError ?? 'the response body is not JSON',
      });
    } else checks.push(...checkBody(json, spec.body, values));
  }
  if (spec.headers.length) checks.push(...checkHeaders(response.headers, spec.headers));
  if (spec.maxMs !== undefined) checks.push(checkDuration(response.durationMs, spec.maxMs));
  return checks;
}

export function failed(checks: CheckResult[]): boolean {
  return checks.some((c) => !c.passed && c.severity !== 'warning');
}
