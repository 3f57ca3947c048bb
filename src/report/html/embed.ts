import { resolve } from 'node:path';
import { repoPath } from '../paths.js';
import { renderDiagnostic } from '../../core/codeframe.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { RunResult } from '../../core/result.js';

/** A diagnostic plus its rendered code frame, so the page can show the offending line. */
export type ViewDiagnostic = Diagnostic & { frame: string };

export interface ReportView {
  run: Omit<RunResult, 'diagnostics' | 'docs'> & {
    diagnostics: ViewDiagnostic[];
    docs: (Omit<RunResult['docs'][number], 'diagnostics'> & { diagnostics: ViewDiagnostic[] })[];
  };
  invalid: { file: string; diagnostics: ViewDiagnostic[] }[];
}

function framed(diag: Diagnostic, sources: ReadonlyMap<string, string>, rootDir: string): ViewDiagnostic {
  const file = diag.span?.file;
  const source = file === undefined ? undefined : (sources.get(file) ?? sources.get(resolve(rootDir, file)));
  // Shown relative to the repository: the absolute path of the machine that ran means nothing here.
  const shown = diag.span ? { ...diag, span: { ...diag.span, file: repoPath(rootDir, diag.span.file) } } : diag;
  return { ...diag, frame: renderDiagnostic(shown, source) };
}

type ViewDoc = ReportView['run']['docs'][number];

/** One doc as the page shows it: its diagnostics with code frames. */
export function viewDoc(doc: RunResult['docs'][number], sources: ReadonlyMap<string, string>, rootDir: string): ViewDoc {
  return { ...doc, diagnostics: doc.diagnostics.map((d) => framed(d, sources, rootDir)) };
}

export function buildView(result: RunResult, invalidFiles: string[], sources: ReadonlyMap<string, string>, rootDir: string): ReportView {
  const frame = (d: Diagnostic) => framed(d, sources, rootDir);
  const diagnostics = result.diagnostics.map(frame);
  return {
    run: { ...result, diagnostics, docs: result.docs.map((doc) => viewDoc(doc, sources, rootDir)) },
    invalid: invalidFiles.map((file) => ({ file: repoPath(rootDir, file), diagnostics: diagnostics.filter((d) => d.span?.file === file) })),
  };
}

/**
 * JSON safe inside `<script type="application/json">`: `<` (and `>`, `&`) become `\u003c`…, so no
 * string in the data can close the element or open a comment; U+2028/2029 for old parsers.
 */
export function embedJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
