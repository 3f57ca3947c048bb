import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { AnyStep, Doc } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import { checkAgainst, compileValidator, shippedSchema, type SchemaFinding } from './schema-check.js';

/**
 * A doc's steps against schema/steps.schema.json (the file editors use), compiled once. Unknown keys
 * become `unknown-step-key` (top level of a step), `unknown-expect-key` or `unknown-key`, with a
 * did-you-mean; wrong shapes become `step-schema`.
 */
export function createStepSchemaCheck(): (doc: Doc) => Diagnostic[] {
  const root = shippedSchema('steps.schema.json');
  const stepSchema = (root.definitions as Record<string, Record<string, unknown>>).step;
  const valid = compileValidator(root, stepSchema);
  return (doc) => {
    const out: Diagnostic[] = [];
    for (const step of doc.steps) if (!valid(step.raw)) out.push(...findingsToDiagnostics(step, checkAgainst(root, stepSchema, step.raw)));
    return out;
  };
}

function findingsToDiagnostics(step: AnyStep, findings: SchemaFinding[]): Diagnostic[] {
  return findings.map((finding) => {
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
