import type { Diagnostic } from '../core/diagnostic.js';
import { errorDiag } from '../core/diagnostic.js';
import { pathSlug } from '../scaffold/names.js';
import { parseGuideJson } from './json-repair.js';
import type { CurlRequest } from './options.js';
import type { Placeholders } from './placeholders.js';
import { type Bases, queryParams, splitOnce, targetOf, tokenProfile } from './request-parts.js';

/** What a step conversion needs from around it: shared state, and a way to point into the source. */
export interface StepContext {
  placeholders: Placeholders;
  bases: Bases;
  notes: string[];
  diagnostics: Diagnostic[];
  /** A diagnostic span for an offset inside a word of the command (best effort: the command's line). */
  spanOf(word: string, offsetInWord: number): Diagnostic['span'];
  /** `line N` of an offset inside a word, for notes. */
  lineOf(word: string, offsetInWord: number): number;
}

export interface ImportedStep {
  step: Record<string, unknown>;
  /** `METHOD /path/{name}` for the frontmatter. */
  endpoint: string;
}

const JSON_TYPE = /^application\/(.+\+)?json\b/i;

/** One curl request → one step (keys in the order the docs write them). Undefined when its body is refused. */
export function toStep(req: CurlRequest, ctx: StepContext): ImportedStep | undefined {
  const { placeholders } = ctx;
  const target = targetOf(req.url ?? '', ctx.bases, placeholders, ctx.notes);
  const headers: Record<string, string> = {};
  let token = 'none';
  let kind: 'json' | 'form' | 'multipart' | undefined = req.json ? 'json' : undefined;
  for (const [name, value] of req.headers) {
    if (/^authorization$/i.test(name)) token = tokenProfile(value, ctx.notes);
    else if (/^content-type$/i.test(name) && JSON_TYPE.test(value)) kind = 'json';
    else if (/^content-type$/i.test(name) && /^application\/x-www-form-urlencoded\b/i.test(value)) kind = 'form';
    else if (/^content-type$/i.test(name) && /^multipart\/form-data\b/i.test(value)) kind = 'multipart';
    else headers[name] = placeholders.text(value);
  }
  if (req.user !== undefined && token === 'none') {
    token = 'basic';
    ctx.notes.push('-u became token profile `basic`: configure tokens.basic: { value: <base64 of user:password>, scheme: Basic }');
  }
  const step: Record<string, unknown> = {};
  const method = req.method ?? (req.data.length || req.form.length ? (req.get ? 'GET' : 'POST') : 'GET');
  const body = bodyOf(req, kind, ctx);
  if (body === null) return undefined;
  const params = { ...target.params, ...(req.get ? queryOfData(req, ctx) : {}) };
  const where = target.url ?? target.path ?? '/';
  step.id = `${method.toLowerCase()}_${pathSlug(where.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, '$1').replace(/^https?:\/\/[^/]+/, ''))}`;
  step.method = method;
  if (target.url) step.url = target.url;
  else step.path = target.path;
  if (target.api) step.api = target.api;
  if (Object.keys(params).length) step.params = params;
  step.token = token;
  if (Object.keys(headers).length) step.headers = headers;
  Object.assign(step, body ?? {});
  const endpointPath = (target.path ?? new URL(target.url ?? 'http://x/').pathname).replace(/\{\{\s*([^}\s]+)\s*\}\}/g, '{$1}');
  return { step, endpoint: `${method} ${endpointPath}` };
}

/** The step keys of the body; `null` when the body is refused (a diagnostic says why). */
function bodyOf(req: CurlRequest, kind: string | undefined, ctx: StepContext): Record<string, unknown> | undefined | null {
  if (req.form.length) return multipart(req.form, ctx);
  if (!req.data.length || req.get) return undefined;
  const fromFile = req.data.find((d) => !d.urlencode && d.value.startsWith('@'));
  if (fromFile) {
    ctx.diagnostics.push(
      errorDiag('import-body-file', `the body is read from a file (\`${fromFile.value}\`); the import needs the body itself`, ctx.spanOf(fromFile.value, 0), {
        help: "paste the file's content after -d",
      }),
    );
    return null;
  }
  const text = req.data.map((d) => d.value).join('&');
  const looksJson = /^\s*[[{]/.test(text);
  if (kind === 'json' || (kind === undefined && looksJson)) return jsonBody(req.data[0].value, req.data.length, ctx);
  return { content_type: 'form', form_fields: formFields(req, ctx) };
}

function jsonBody(text: string, parts: number, ctx: StepContext): Record<string, unknown> | null {
  const parsed = parts === 1 ? parseGuideJson(text) : { ok: false as const, offset: 0, message: 'a JSON body given in several -d parts' };
  if (!parsed.ok) {
    ctx.diagnostics.push(
      errorDiag('import-json', `the JSON body is not valid JSON: ${parsed.message}`, ctx.spanOf(text, parsed.offset), {
        help: 'fix the JSON in the command, then import it again',
      }),
    );
    return null;
  }
  for (const r of parsed.repairs) ctx.notes.push(`line ${ctx.lineOf(text, r.offset)}: ${r.what} in the JSON body`);
  return { body: ctx.placeholders.value(parsed.value) };
}

function formFields(req: CurlRequest, ctx: StepContext): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const part of req.data) Object.assign(out, queryParams(part.value, ctx.placeholders, !part.urlencode));
  return out;
}

function queryOfData(req: CurlRequest, ctx: StepContext): Record<string, string | string[]> {
  return req.data.length ? formFields(req, ctx) : {};
}

/** `-F name=value`, `-F file=@path;type=application/pdf;filename=x.pdf`. */
function multipart(form: string[], ctx: StepContext): Record<string, unknown> {
  const fields: Record<string, string> = {};
  const files: Array<Record<string, string>> = [];
  for (const entry of form) {
    const [name, value = ''] = splitOnce(entry, '=');
    if (!value.startsWith('@')) {
      fields[name] = ctx.placeholders.text(value);
      continue;
    }
    const [file, ...attributes] = value.slice(1).split(';');
    const spec: Record<string, string> = { field_name: name, file_path: ctx.placeholders.text(file) };
    for (const attribute of attributes) {
      const [key, v = ''] = splitOnce(attribute, '=');
      if (key.trim() === 'type') spec.content_type = v;
      if (key.trim() === 'filename') spec.file_name = v;
    }
    files.push(spec);
  }
  const out: Record<string, unknown> = { content_type: 'multipart' };
  if (Object.keys(fields).length) out.form_fields = fields;
  if (files.length) out.file_fields = files;
  return out;
}
