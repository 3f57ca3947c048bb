import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { AnyStep, BodyKind, FileField, OnFail, Phase, Step, UseStep } from '../core/model.js';
import type { SourceSpan } from '../core/span.js';
import { didYouMean } from '../core/suggest.js';
import { readExpect, readExtract, readRetry, spanOf, type StepContext } from './expect.js';
import { checkStepShape } from './step-schema.js';
import { asBoolean, asNumber, asString, asStringList, isPlainObject } from './values.js';

export { STEP_KEYS } from './step-schema.js';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const ON_FAIL: OnFail[] = ['abort', 'skip', 'continue'];
const BODY_KINDS: Record<string, BodyKind> = {
  json: 'json',
  'application/json': 'json',
  form: 'form',
  urlencoded: 'form',
  'application/x-www-form-urlencoded': 'form',
  multipart: 'multipart',
  'multipart/form-data': 'multipart',
};

export interface StepInput {
  raw: unknown;
  index: number;
  phase: Phase;
  span: SourceSpan;
  ctx: StepContext;
}

/** One entry of a `steps:` list → a request step or a `use:` step. Problems become diagnostics. */
export function readStep({ raw, index, phase, span, ctx }: StepInput): AnyStep | undefined {
  if (!isPlainObject(raw)) {
    ctx.diagnostics.push(errorDiag('step-type', 'a step must be a mapping of keys', span, { expected: '`- id: …` with method and path' }));
    return undefined;
  }
  const id = asString(raw.id) ?? `step_${index + 1}`;
  const shape = checkStepShape(raw, id, { keySpans: ctx.keySpans, valueSpans: ctx.valueSpans, fallback: span });
  const before = ctx.diagnostics.length;
  const step = readKnownKeys(raw, id, { index, phase, span, ctx });
  ctx.diagnostics.push(...withoutRepeats(shape, ctx.diagnostics.slice(before)));
  return step;
}

/** A shape finding where the reader already said something precise at the same place adds nothing. */
function withoutRepeats(shape: Diagnostic[], precise: Diagnostic[]): Diagnostic[] {
  const places = new Set(precise.map((d) => `${d.span?.line}:${d.span?.col}`));
  return shape.filter((d) => d.code !== 'step-schema' || !places.has(`${d.span?.line}:${d.span?.col}`));
}

function readKnownKeys(raw: Record<string, unknown>, id: string, { index, phase, span, ctx }: Omit<StepInput, 'raw'>): AnyStep {
  const common = {
    id,
    index,
    phase,
    span,
    raw,
    description: asString(raw.description ?? raw.name),
    needs: asStringList(raw.needs) ?? [],
    keySpans: ctx.keySpans,
    valueSpans: ctx.valueSpans,
  };
  if (raw.use !== undefined) {
    const use = asString(raw.use);
    if (!use) ctx.diagnostics.push(errorDiag('use-type', '`use` must be the path of another doc', spanOf(ctx, 'use')));
    return { kind: 'use', ...common, use: use ?? '' } satisfies UseStep;
  }
  return readRequestStep(raw, common, ctx);
}

function readRequestStep(
  raw: Record<string, unknown>,
  common: Omit<Step, 'kind' | 'method' | 'bodyKind' | 'extract' | 'expect' | 'onFail'>,
  ctx: StepContext,
): Step {
  const method = (asString(raw.method) ?? 'GET').toUpperCase();
  if (!METHODS.includes(method)) {
    ctx.diagnostics.push(
      errorDiag('unknown-method', `unknown HTTP method \`${method}\``, spanOf(ctx, 'method'), {
        help: didYouMean(method, METHODS),
        expected: METHODS.join(', '),
      }),
    );
  }
  if (raw.path === undefined && raw.url === undefined) {
    ctx.diagnostics.push(
      errorDiag('step-no-target', `step \`${common.id}\` has neither \`path\` nor \`url\``, common.span, {
        expected: 'path: "/resource" (joined to the API base URL)',
      }),
    );
  }
  for (const key of ['path', 'url'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') ctx.diagnostics.push(errorDiag('step-type', `\`${key}\` must be a string`, spanOf(ctx, key)));
  }
  const onFail = (asString(raw.onFail) ?? 'abort') as OnFail;
  if (!ON_FAIL.includes(onFail)) {
    ctx.diagnostics.push(
      errorDiag('invalid-on-fail', `\`onFail: ${onFail}\` is not one of abort, skip, continue`, spanOf(ctx, 'onFail'), { help: didYouMean(onFail, ON_FAIL) }),
    );
  }
  const contentType = asString(raw.content_type);
  const bodyKind = contentType === undefined ? (raw.file_fields ? 'multipart' : raw.form_fields ? 'form' : 'json') : BODY_KINDS[contentType.toLowerCase()];
  if (bodyKind === undefined) {
    ctx.diagnostics.push(
      errorDiag('content-type', `unknown content_type \`${contentType}\``, spanOf(ctx, 'content_type'), { expected: 'json, form or multipart' }),
    );
  }
  const sleepMs = raw.sleep === undefined ? undefined : asNumber(raw.sleep);
  if (raw.sleep !== undefined && (sleepMs === undefined || sleepMs < 0))
    ctx.diagnostics.push(errorDiag('sleep-type', '`sleep` must be milliseconds', spanOf(ctx, 'sleep')));
  return {
    kind: 'request',
    ...common,
    method,
    path: asString(raw.path),
    url: asString(raw.url),
    params: raw.params ?? raw.query,
    headers: raw.headers,
    body: raw.body,
    bodyKind: bodyKind ?? 'json',
    formFields: raw.form_fields,
    fileFields: readFileFields(raw.file_fields, ctx),
    token: asString(raw.token),
    api: asString(raw.api) ?? (asBoolean(raw.useFallbackApi ?? raw.useFallback) ? 'fallback' : undefined),
    xOnBehalfOf: typeof raw.x_on_behalf_of === 'string' ? raw.x_on_behalf_of : asBoolean(raw.x_on_behalf_of),
    extract: readExtract(raw.extract, ctx, 'extract'),
    expect: readExpect(raw.expect, ctx, 'expect'),
    onFail,
    skipReason: asString(raw.skipReason),
    sleepMs,
    retry: readRetry(raw.retry, ctx, 'retry'),
  };
}

function readFileFields(value: unknown, ctx: StepContext): FileField[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.entries(value).map(([field_name, file_path]) => ({ field_name, file_path })) : [];
  const out: FileField[] = [];
  list.forEach((item, i) => {
    const fieldName = isPlainObject(item) ? asString(item.field_name ?? item.name) : undefined;
    const filePath = isPlainObject(item) ? asString(item.file_path ?? item.path) : undefined;
    if (!fieldName || !filePath) {
      ctx.diagnostics.push(errorDiag('file-field', 'each file field needs `field_name` and `file_path`', spanOf(ctx, `file_fields.${i}`)));
    } else {
      out.push({
        fieldName,
        filePath,
        contentType: isPlainObject(item) ? asString(item.content_type) : undefined,
        fileName: isPlainObject(item) ? asString(item.file_name ?? item.filename) : undefined,
      });
    }
  });
  return out;
}
