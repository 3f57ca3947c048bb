import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { AnyStep, Doc } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import { schemaValidator } from './ajv.js';
import { schemaFindings } from './schema-errors.js';

/**
 * Every step of every doc against schema/steps.schema.json (the file editors use). Unknown keys
 * become `unknown-step-key` (top level of a step) or `unknown-key` (inside expect/retry), with a
 * did-you-mean; wrong shapes become `step-schema`.
 */
export async function checkStepSchemas(docs: readonly Doc[]): Promise<Diagnostic[]> {
  if (!docs.some((d) => d.steps.length > 0)) return [];
  const validate = await schemaValidator('steps.schema.json', '/definitions/step');
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    for (const step of doc.steps) {
      if (!validate(step.raw)) out.push(...findingsToDiagnostics(step, validate.errors));
    }
  }
  return out;
}

function findingsToDiagnostics(step: AnyStep, errors: Parameters<typeof schemaFindings>[0]): Diagnostic[] {
  return schemaFindings(errors).map((finding) => {
    const span = (finding.unknownKey ? step.keySpans[finding.path] : step.valueSpans[finding.path] ?? step.keySpans[finding.path]) ?? step.span;
    if (finding.unknownKey) {
      const { key, allowed } = finding.unknownKey;
      const nested = finding.path.includes('.');
      const where = nested ? ` in \`${finding.path.slice(0, finding.path.length - key.length - 1)}\`` : '';
      return warningDiag(unknownKeyCode(finding.path), `unknown ${nested ? 'key' : 'step key'} \`${key}\`${where}`, span, {
        help: didYouMean(key, allowed) ?? `known keys: ${allowed.join(', ')}`,
      });
    }
    const name = finding.path || 'step';
    return errorDiag('step-schema', `\`${name}\` of step \`${step.id}\` has the wrong shape`, span, { expected: finding.expected });
  });
}

/** `expect.stauts` and `retry.until.stauts` are expect keys; other nested keys (retry) just keys. */
function unknownKeyCode(path: string): string {
  if (!path.includes('.')) return 'unknown-step-key';
  return /^(expect|retry\.until)\.[^.]+$/.test(path) ? 'unknown-expect-key' : 'unknown-key';
}
