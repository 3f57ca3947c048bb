import type { Diagnostic } from '../core/diagnostic.js';
import { StepdocError } from '../core/errors.js';
import type { Step } from '../core/model.js';
import { compileValue, type TemplateNode } from '../template/compile.js';
import { referencedVariables } from '../template/variables.js';

/** A request step's template-bearing parts, each compiled once per doc. */
export interface CompiledRequest {
  path?: TemplateNode;
  url?: TemplateNode;
  params?: TemplateNode;
  headers?: TemplateNode;
  body?: TemplateNode;
  formFields?: TemplateNode;
  filePaths?: TemplateNode;
  token?: TemplateNode;
  /** Expected values of body/header predicates may be templates too (`"$.id": "{{client_id}}"`). */
  expectBody?: TemplateNode;
  untilBody?: TemplateNode;
}

export interface CompileOutcome {
  compiled: CompiledRequest;
  /** Variables the step reads: first segment → full paths. */
  reads: Map<string, string[][]>;
  diagnostics: Diagnostic[];
}

export function compileRequest(step: Step): CompileOutcome {
  const diagnostics: Diagnostic[] = [];
  const compiled: CompiledRequest = {};
  const spans = (path: string) => step.valueSpans[path] ?? step.keySpans[path];
  const part = (name: keyof CompiledRequest, value: unknown, path: string) => {
    if (value === undefined) return;
    try {
      compiled[name] = compileValue(value, (p) => spans(p) ?? step.span, path);
    } catch (error) {
      if (error instanceof StepdocError) diagnostics.push(error.toDiagnostic());
      else throw error;
    }
  };
  part('path', step.path, 'path');
  part('url', step.url, 'url');
  part('params', step.params, step.raw.params !== undefined ? 'params' : 'query');
  part('headers', step.headers, 'headers');
  part('body', step.body, 'body');
  part('formFields', step.formFields, 'form_fields');
  part(
    'filePaths',
    step.fileFields?.map((f) => f.filePath),
    'file_fields',
  );
  part('token', step.token, 'token');
  part(
    'expectBody',
    step.expect.body.map((p) => p.equals ?? p.contains ?? null),
    'expect.body',
  );
  part(
    'untilBody',
    step.retry?.until?.body.map((p) => p.equals ?? p.contains ?? null),
    'retry.until.body',
  );
  const reads = new Map<string, string[][]>();
  for (const node of Object.values(compiled)) if (node) referencedVariables(node, reads);
  return { compiled, reads, diagnostics };
}
