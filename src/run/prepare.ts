import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Doc } from '../core/model.js';
import type { DocResult } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { Discovered } from '../doc/discover.js';
import { DocCache, isEndpointDoc } from '../doc/load.js';
import { docNotExecuted } from './doc-result.js';
import { buildGraph } from '../graph/build.js';
import type { StepGraph } from '../graph/graph.js';
import { knownVariableNames } from '../graph/known-variables.js';
import { statusSkipReason, matchesFilters } from './select.js';

export interface PreparedRun {
  graphs: StepGraph[];
  /** Docs not run because of their status; reported as skipped. */
  skipped: DocResult[];
  /** Docs with errors: not run. */
  invalid: Doc[];
  /** Every diagnostic of the selected docs (errors of invalid docs, warnings of the rest). */
  diagnostics: Diagnostic[];
  /** Every doc read (selected, used or not), by absolute path → source, for reporters and record. */
  sources: Map<string, string>;
}

export interface PrepareOptions {
  /** Narrows the selected docs further (e.g. --shard). */
  select?: (docs: Doc[]) => Doc[];
}

/** Discovered files → parsed, filtered, analysed graphs. Nothing is sent. */
export async function prepareRun(found: Discovered, settings: RunSettings, options: PrepareOptions = {}): Promise<PreparedRun> {
  const cache = new DocCache(settings.rootDir);
  const grep = settings.filters.grep ? new RegExp(settings.filters.grep, 'i') : undefined;
  let docs: Doc[] = [];
  for (const file of found.files) {
    const doc = cache.load(file);
    if ((found.explicit.has(file) || isEndpointDoc(doc)) && matchesFilters(doc, settings.filters, grep)) docs.push(doc);
  }
  if (options.select) docs = options.select(docs);
  const prepared: PreparedRun = { graphs: [], skipped: [], invalid: [], diagnostics: [], sources: new Map() };
  const resolveUse = (from: Doc, target: string) => cache.resolveUse(from, target);
  for (const doc of docs) {
    const reason = statusSkipReason(doc, settings.includeSkipped);
    if (reason) {
      prepared.skipped.push(docNotExecuted(doc, 'skipped', reason));
      continue;
    }
    const built = buildGraph(doc, { knownVariables: knownVariableNames(settings.vars, doc), resolveUse });
    const diagnostics = [...doc.diagnostics, ...built.diagnostics];
    prepared.diagnostics.push(...diagnostics);
    if (hasErrors(diagnostics)) prepared.invalid.push(doc);
    else prepared.graphs.push(built.graph);
  }
  for (const doc of cache.all()) prepared.sources.set(doc.file, doc.source);
  return prepared;
}
