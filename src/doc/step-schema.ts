import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { declaredKeys, schemaDefinition, shippedSchema, type JsonSchema } from '../core/shipped-schema.js';
import { walkSchema, type SchemaFinding } from '../core/schema-walk.js';
import type { SourceSpan } from '../core/span.js';
import { didYouMean } from '../core/suggest.js';

/**
 * schema/steps.schema.json is the one definition of a step block: the parser (used by run and lint
 * alike) checks every step through it, and takes its key lists from it. Unknown keys are errors
 * with a did-you-mean (a typo like `expct:` must never drop checks silently); `x-` keys are the
 * user's own annotations.
 */
const root = shippedSchema('steps.schema.json');
const stepSchema = schemaDefinition(root, 'step');

export const STEP_KEYS = declaredKeys(stepSchema);
export const EXPECT_KEYS = declaredKeys(schemaDefinition(root, 'expect'));
export const PREDICATE_KEYS = declaredKeys(schemaDefinition(root, 'predicate'));
export const PREDICATE_TYPES = (schemaDefinition(root, 'predicate').properties as Record<string, JsonSchema>).type.enum as string[];

/** Keys a step block may hold next to `steps:` (beside `x-` keys). */
export const BLOCK_KEYS = declaredKeys(root);
/** The block's top level alone: its keys, not the steps under them (those are checked one by one). */
const blockTop: JsonSchema = { ...root, required: [], properties: Object.fromEntries(BLOCK_KEYS.map((k) => [k, {}])) };

export interface SpanLookup {
  keySpans: Record<string, SourceSpan>;
  valueSpans: Record<string, SourceSpan>;
  fallback: SourceSpan;
}

/** A step's raw value against the schema: one diagnostic per finding. */
export function checkStepShape(raw: unknown, stepId: string, spans: SpanLookup): Diagnostic[] {
  return walkSchema(root, stepSchema, raw).map((finding) => toDiagnostic(finding, stepId, spans));
}

/** The top level of a block that has `steps:`: anything else there is a typo or a misplaced key. */
export function checkBlockKeys(raw: Record<string, unknown>, spans: SpanLookup): Diagnostic[] {
  return walkSchema(root, blockTop, raw)
    .filter((f) => f.unknownKey)
    .map((f) =>
      errorDiag('unknown-block-key', `unknown key \`${f.unknownKey!.key}\` next to \`steps:\``, spans.keySpans[f.path] ?? spans.fallback, {
        help: didYouMean(f.unknownKey!.key, BLOCK_KEYS),
        expected: 'only `steps:` (and your own `x-` keys) at the top of a step block',
      }),
    );
}

function toDiagnostic(finding: SchemaFinding, stepId: string, spans: SpanLookup): Diagnostic {
  if (finding.unknownKey) {
    const { key, parent, allowed } = finding.unknownKey;
    const span = spans.keySpans[finding.path] ?? spans.fallback;
    const code = unknownKeyCode(parent);
    const where = parent ? ` in \`${parent}\`` : '';
    const help = didYouMean(key, allowed);
    return errorDiag(code, `unknown ${code === 'unknown-step-key' ? 'step key' : 'key'} \`${key}\`${where}`, span, {
      help,
      expected: help ? undefined : `one of ${allowed.join(', ')}, or an \`x-\` key of your own`,
    });
  }
  const span = spans.valueSpans[finding.path] ?? spans.keySpans[finding.path] ?? spans.fallback;
  return errorDiag('step-schema', `\`${finding.path || 'step'}\` of step \`${stepId}\` ${finding.missing ? 'is required' : 'has the wrong shape'}`, span, {
    expected: finding.expected,
  });
}

/** Which object an unknown key sits in decides its code (docs/diagnostics.md). */
function unknownKeyCode(parent: string): string {
  if (parent === '') return 'unknown-step-key';
  if (parent === 'expect' || parent === 'retry.until') return 'unknown-expect-key';
  if (parent === 'retry') return 'unknown-retry-key';
  if (/^extract\.[^.]+$/.test(parent)) return 'unknown-extract-key';
  return 'unknown-key';
}
