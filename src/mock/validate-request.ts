import type { MediaSpec, Operation, ParameterSpec, ValidationOutcome } from '../openapi/model.js';
import type { RequestViolation } from './problem.js';
import type { MockRequest } from './request.js';
import { asSchema, declaredTypes, isObject } from './schema-util.js';

/** Validates a request body against its operation: the OpenAPI layer's ajv validators (src/openapi/validate.ts). */
export type BodyCheck = (operation: Operation, mediaType: string | undefined, body: unknown) => ValidationOutcome;

/** Headers the transport sets; a spec that lists them as required parameters is not the request's fault. */
const TRANSPORT_HEADERS = new Set(['authorization', 'content-type', 'accept', 'content-length', 'host', 'user-agent']);

/** Every violation of the request against its operation: required params, param types, the body's schema. */
export function validateRequest(operation: Operation, request: MockRequest, check: BodyCheck): RequestViolation[] {
  const violations: RequestViolation[] = [];
  for (const param of operation.parameters) {
    const violation = checkParameter(param, request);
    if (violation) violations.push(violation);
  }
  violations.push(...checkBody(operation, request, check));
  return violations;
}

function checkParameter(param: ParameterSpec, request: MockRequest): RequestViolation | undefined {
  if (param.in === 'cookie' || param.in === 'formData') return undefined;
  const where = param.in === 'header' ? 'header' : param.in;
  if (where === 'header' && TRANSPORT_HEADERS.has(param.name.toLowerCase())) return undefined;
  const value =
    where === 'query' ? queryValue(request.query, param.name) : where === 'path' ? request.params[param.name] : request.headers[param.name.toLowerCase()];
  const pointer = `/${where}/${param.name}`;
  if (value === undefined || value === '') {
    if (!param.required) return undefined;
    return { in: where, pointer, rule: 'required', message: `${where} parameter \`${param.name}\` is required` };
  }
  const first = Array.isArray(value) ? value[0] : value;
  const types = declaredTypes(asSchema(param.schema));
  if (types.includes('string') || types.length === 0) return undefined;
  if (types.includes('integer') && !/^-?\d+$/.test(first))
    return { in: where, pointer, rule: 'type', message: `${where} parameter \`${param.name}\` must be an integer`, value: first };
  if (types.includes('number') && !types.includes('integer') && !Number.isFinite(Number(first)))
    return { in: where, pointer, rule: 'type', message: `${where} parameter \`${param.name}\` must be a number`, value: first };
  if (types.includes('boolean') && !['true', 'false'].includes(first))
    return { in: where, pointer, rule: 'type', message: `${where} parameter \`${param.name}\` must be true or false`, value: first };
  return undefined;
}

/** A query parameter, also when sent deepObject-style (`filter[name]=…`) or as `ids[]=…`. */
function queryValue(query: Record<string, string | string[]>, name: string): string | string[] | undefined {
  if (query[name] !== undefined) return query[name];
  const nested = Object.keys(query).find((key) => key.startsWith(`${name}[`));
  if (nested === undefined) return undefined;
  const value = query[nested];
  return nested === `${name}[]` ? value : typeof value === 'string' ? '[object]' : value;
}

function checkBody(operation: Operation, request: MockRequest, check: BodyCheck): RequestViolation[] {
  const body = operation.requestBody;
  if (!body) return [];
  if (request.body === undefined) {
    return body.required ? [{ in: 'body', pointer: '', rule: 'required', message: 'a request body is required' }] : [];
  }
  const media = chooseMedia(body.content, request.mediaType);
  if (!media?.spec.schema) return [];
  if (!isJsonMedia(media.type) || typeof request.body !== 'object') return checkRequiredOnly(media.spec, request.body);
  return check(operation, request.mediaType ?? 'application/json', request.body).violations.map((v) => ({ ...v, in: 'body' as const }));
}

/** Form and multipart fields arrive as strings: only the presence of required fields is meaningful. */
function checkRequiredOnly(media: MediaSpec, body: unknown): RequestViolation[] {
  const schema = asSchema(media.schema);
  const required = Array.isArray(schema.required) ? schema.required : [];
  const fields = isObject(body) ? body : {};
  return required
    .filter((name): name is string => typeof name === 'string' && fields[name] === undefined)
    .map((name) => ({ in: 'body', pointer: '', rule: 'required', message: `must have required property '${name}'` }));
}

export function chooseMedia(content: Record<string, MediaSpec>, mediaType: string | undefined): { type: string; spec: MediaSpec } | undefined {
  const entries = Object.entries(content);
  const exact = entries.find(([type]) => type.split(';')[0].trim().toLowerCase() === mediaType);
  const json = entries.find(([type]) => isJsonMedia(type));
  const found = exact ?? (mediaType === undefined || isJsonMedia(mediaType) ? json : undefined) ?? entries[0];
  return found ? { type: found[0], spec: found[1] } : undefined;
}

export function isJsonMedia(type: string): boolean {
  const base = type.split(';')[0].trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}
