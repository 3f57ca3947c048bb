import { testRequestSection } from '../doc/test-request-text.js';
import type { Operation, ParameterSpec } from '../openapi/model.js';
import type { SpecValidator } from '../openapi/validate.js';
import { generate } from '../mock/generate.js';
import { stepId, variableName } from './names.js';
import { parametersTable } from './params-table.js';
import { sampleBody } from './sample-body.js';

export interface DraftInput {
  operation: Operation;
  validator: SpecValidator;
  /** The endpoint as the user wrote it (`POST /v0/cards/{card_id}`), matched to `operation`. */
  method: string;
  path: string;
  /** The swagger file as the doc names it (relative to the project root). */
  swagger: string;
  domain: string;
  now: Date;
}

/**
 * A draft doc for one operation: complete frontmatter (status pending), a Test Request step with the
 * path parameters as doc vars, required query/header parameters, a body that fits the request schema,
 * `expect.status` from the spec's success codes, and a Parameters Reference table.
 */
export function draftDoc(input: DraftInput): string {
  const { operation } = input;
  const vars: Record<string, unknown> = {};
  const stepPath = input.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = variableName(name);
    vars[variable] = sampleParameter(operation.parameters.find((p) => p.in === 'path' && p.name === name));
    return `{{ ${variable} }}`;
  });
  const sample = sampleBody(operation, input.validator);
  const step: Record<string, unknown> = {
    id: stepId(input.method, operation.path, operation.operationId),
    description: operation.summary ?? `${input.method} ${input.path}`,
    method: input.method,
    path: stepPath,
  };
  const query = requiredOf(operation, 'query');
  if (Object.keys(query).length) step.params = query;
  const headers = requiredOf(operation, 'header');
  if (Object.keys(headers).length) step.headers = headers;
  if (sample) {
    if (/form-urlencoded/.test(sample.mediaType)) step.content_type = 'form';
    else if (/multipart/.test(sample.mediaType)) step.content_type = 'multipart';
    step[sample.mediaType.includes('json') || !step.content_type ? 'body' : 'form_fields'] = sample.body;
  }
  const statuses = successStatuses(operation);
  step.expect = { status: statuses.length === 1 ? statuses[0] : statuses };
  const bodySchema = sample ? operation.requestBody?.content[sample.mediaType]?.schema : undefined;
  return [
    frontmatter(input, vars),
    `# ${operation.summary ?? `${input.method} ${input.path}`}`,
    '',
    '## Summary',
    '',
    `Draft written by \`stepdoc new\` from ${operation.operationId ? `operation \`${operation.operationId}\` of ` : ''}\`${input.swagger}\`.`,
    'Replace the sample values, add the prerequisites the call needs, and check what the response must contain.',
    '',
    ...testRequestSection([step]),
    '',
    '## Parameters Reference',
    '',
    parametersTable(operation, bodySchema),
  ].join('\n');
}

function frontmatter(input: DraftInput, vars: Record<string, unknown>): string {
  const lines = [
    '---',
    `endpoint: ${JSON.stringify(`${input.method} ${input.path}`)}`,
    `domain: ${input.domain}`,
    `tags: [${input.domain}, draft]`,
    `swagger: ${input.swagger}`,
    'status: pending',
    `savedAt: ${JSON.stringify(input.now.toISOString())}`,
    'timesReused: 0',
    'tokens: [staff]',
  ];
  if (Object.keys(vars).length)
    lines.push(
      `vars: { ${Object.entries(vars)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join(', ')} }`,
    );
  lines.push('---', '');
  return lines.join('\n');
}

/** A parameter's example, default, enum or generated value; a marker to replace when there is none. */
function sampleParameter(param: ParameterSpec | undefined): unknown {
  const value = param?.schema === undefined ? undefined : generate(param.schema, { seed: 1, direction: 'request' });
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : 'REPLACE_ME';
}

const SKIPPED_HEADERS = /^(authorization|content-type|accept|content-length)$/i;

function requiredOf(operation: Operation, where: 'query' | 'header'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of operation.parameters) {
    if (p.in !== where || !p.required || (where === 'header' && SKIPPED_HEADERS.test(p.name))) continue;
    const value = sampleParameter(p);
    out[p.name] = where === 'header' ? String(value) : value;
  }
  return out;
}

/** The spec's 2xx codes (`2XX` counts as 200); 200 when it lists none. */
function successStatuses(operation: Operation): number[] {
  const codes = Object.keys(operation.responses)
    .map((k) => (/^2xx$/i.test(k) ? 200 : Number(k)))
    .filter((n) => Number.isInteger(n) && n >= 200 && n < 300);
  const unique = [...new Set(codes)].sort((a, b) => a - b);
  return unique.length ? unique : [200];
}
