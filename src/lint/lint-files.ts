import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Doc } from '../core/model.js';
import { DocCache, displayPathOf, isEndpointDoc } from '../doc/load.js';
import { parseDoc } from '../doc/parse.js';
import { statusSkipReason } from '../run/select.js';
import { buildGraph } from '../graph/build.js';
import { knownVariableNames } from '../graph/known-variables.js';
import { checkFrontmatter } from './frontmatter-rules.js';
import { createSwaggerCheck } from './swagger-rules.js';

/** What linting a set of files needs; plain data, so a worker thread can receive it. */
export interface FilesJob {
  files: string[];
  /** Files named on the command line: docs even without frontmatter. */
  explicit: string[];
  cwd: string;
  /** Variables known before any step (config vars, STEPDOC_VAR_*, --var); only names matter. */
  vars: Record<string, unknown>;
  swaggerRoot: string;
  /** Config `remoteRefs`, folders already absolute. */
  remoteRefs?: Record<string, string>;
  /** Where compiled validators are cached across runs (plain data: a path). */
  validatorCacheDir?: string;
  schemaMode: 'off' | 'warn' | 'strict';
  /** Config `includeSkipped`: docs with status skip/deprecated run, so their errors count. */
  includeSkipped?: boolean;
}

export interface FilesResult {
  diagnostics: Diagnostic[];
  docs: number;
  /** Display path → source, only for docs with findings (the code frames need them). */
  sources: Array<[string, string]>;
}

/**
 * Lints files one by one: parse (steps checked against the steps schema, as in `run`), graph
 * analysis (as `run`), frontmatter rules, swagger checks. Each doc is dropped once checked, which keeps the heap (and GC time) small.
 */
export async function lintFiles(job: FilesJob): Promise<FilesResult> {
  const explicit = new Set(job.explicit);
  // Used docs are parsed once and kept (a doc may be used by many).
  const used = new DocCache(job.cwd);
  const resolveUse = (from: Doc, target: string) => used.resolveUse(from, target);
  const checkSwagger = createSwaggerCheck({
    rootDir: job.cwd,
    swaggerRoot: job.swaggerRoot,
    schemaMode: job.schemaMode,
    remoteRefs: job.remoteRefs,
    validatorCacheDir: job.validatorCacheDir,
  });

  const result: FilesResult = { diagnostics: [], docs: 0, sources: [] };
  for (const file of job.files) {
    const doc = parse(readText(file), file, job.cwd);
    if (!doc || !(explicit.has(file) || isEndpointDoc(doc))) continue;
    result.docs++;
    // The parser checked the steps against schema/steps.schema.json, exactly as for `run`.
    const own = withoutNoise([...doc.diagnostics]);
    own.push(...buildGraph(doc, { knownVariables: knownVariableNames(job.vars, doc), resolveUse }).diagnostics);
    own.push(...checkFrontmatter(doc));
    if (doc.frontmatter.swagger) own.push(...(await checkSwagger(doc)));
    // `run` does not run a doc whose status is skip/deprecated, so nothing in it can stop a run: as for run,
    // its errors are not errors (one verdict), but they are still shown, as warnings that say why.
    const skipped = statusSkipReason(doc, job.includeSkipped ?? false);
    if (skipped)
      own.splice(
        0,
        own.length,
        ...own.map((d) => (d.severity === 'error' ? { ...d, severity: 'warning' as const, message: `${d.message} (not run: ${skipped})` } : d)),
      );
    if (own.length > 0) {
      result.diagnostics.push(...own);
      result.sources.push([doc.displayPath, doc.source]);
    }
  }
  return result;
}

function parse(text: string | undefined, file: string, rootDir: string): Doc | undefined {
  if (text === undefined) return undefined;
  const display = file.startsWith(rootDir + sep)
    ? file
        .slice(rootDir.length + 1)
        .split(sep)
        .join('/')
    : displayPathOf(file, rootDir);
  return parseDoc(text, file, display);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Files found by walking a folder are docs when they have frontmatter, or steps and an endpoint (as in `run`). */
/** An unclosed fence runs to the end of the doc, prose included: YAML errors after it are its echo. */
function withoutNoise(diagnostics: Diagnostic[]): Diagnostic[] {
  const fence = diagnostics.find((d) => d.code === 'unclosed-fence')?.span?.line;
  if (fence === undefined) return diagnostics;
  return diagnostics.filter((d) => !(d.code.startsWith('yaml-') && (d.span?.line ?? 0) > fence));
}
