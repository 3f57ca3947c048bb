/**
 * The UI's one adapter to the run pipeline (see types.ts: UiEngine). It composes today's pieces
 * (config, discover, prepare, runner, recorder) the way `stepdoc run` does; when src/app's
 * runProject() lands, this file — and only this file — changes to call it.
 */
import { createRequire } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticsError } from '../core/errors.js';
import type { Doc } from '../core/model.js';
import type { RunEvent } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { SettingsFlags } from '../config/flags.js';
import { resolveSettings } from '../config/resolve.js';
import { discoverDocs } from '../doc/discover.js';
import type { StepGraph } from '../graph/graph.js';
import { clearSpecCache } from '../openapi/cache.js';
import { resolveSwaggerPath } from '../openapi/resolve-path.js';
import { prepareRun } from '../run/prepare.js';
import { runGraphs } from '../run/runner.js';
import { loadValidation } from '../run/validation.js';
import type { DocEntry, EngineRun, UiEngine } from './types.js';

/** Starts the embedded mock for some docs; given by the command (the mock target lives above this layer today). */
export type MockStarter = (docs: Doc[], settings: RunSettings) => Promise<{ settings: RunSettings; close(): Promise<void> }>;

export interface EngineOptions {
  paths: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  flags: SettingsFlags;
  /** Run against the embedded mock, started per run from the selected docs' specs. */
  startMock?: MockStarter;
}

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Resolves the configuration once (a config error is exit 2 before the server starts). */
export async function createEngine(options: EngineOptions): Promise<UiEngine> {
  const { settings } = await resolveSettings(options.flags, options.cwd, options.env);
  const paths = options.paths.length ? options.paths : ['scenarios'];
  const listed = { ...settings, includeSkipped: true };
  let known = new Set<string>();

  const engine: UiEngine = {
    rootDir: settings.rootDir,
    mock: Boolean(options.startMock),
    secrets: settings.secrets,
    async list() {
      const found = await discoverDocs(paths, options.cwd);
      if (found.diagnostics.length) throw new DiagnosticsError(found.diagnostics);
      const prepared = await prepareRun(found, listed);
      const entries = [...prepared.graphs.map((g) => entryOf(g.doc, g, settings)), ...prepared.invalid.map((d) => entryOf(d, undefined, settings, prepared.diagnostics))];
      known = new Set(entries.map((e) => e.file));
      return entries.sort((a, b) => a.displayPath.localeCompare(b.displayPath));
    },
    watchRoots() {
      return [...paths.map((p) => resolve(options.cwd, p)), settings.swaggerRoot, options.cwd];
    },
    async source(file) {
      if (!known.has(file)) return undefined;
      const { readFile } = await import('node:fs/promises');
      return readFile(file, 'utf8').catch(() => undefined);
    },
    async run(files, { onEvent, signal }) {
      const found = await discoverDocs(files, options.cwd);
      const prepared = await prepareRun(found, settings);
      const target = options.startMock ? await options.startMock(docsOf(prepared.graphs), settings) : { settings, close: async () => {} };
      try {
        const result = await runGraphs({
          settings: target.settings, graphs: prepared.graphs, skipped: prepared.skipped, diagnostics: prepared.diagnostics,
          listener: onEvent, signal, validation: await loadValidation(prepared.graphs, target.settings), version, mock: Boolean(options.startMock),
        });
        return { result, sources: prepared.sources };
      } finally {
        await target.close();
      }
    },
    invalidate(files) {
      if (files.some((f) => !/\.md$/i.test(f))) clearSpecCache();
    },
    async record(run: EngineRun, files: string[]) {
      const { createRecorder } = await import('../record/recorder.js');
      const recorder = createRecorder({ rootDir: settings.rootDir, sources: run.sources });
      const wanted = new Set(files);
      for (const doc of run.result.docs) if (wanted.has(doc.file)) recorder.onEvent({ type: 'doc:end', doc } satisfies RunEvent);
      recorder.onEvent({ type: 'run:end', result: run.result });
      return recorder.settle();
    },
  };
  return engine;
}

function entryOf(doc: Doc, graph: StepGraph | undefined, settings: RunSettings, diagnostics: Diagnostic[] = []): DocEntry {
  const fm = doc.frontmatter;
  const folder = relative(settings.rootDir, dirname(doc.file)).split(sep).join('/') || '.';
  return {
    file: doc.file, displayPath: doc.displayPath, folder, title: doc.title,
    endpoint: fm.endpoint ? `${fm.endpoint.method} ${fm.endpoint.path}` : undefined,
    domain: fm.domain, tags: fm.tags, status: fm.rawStatus ?? fm.status, verifiedAt: fm.verifiedAt, timesReused: fm.timesReused,
    uses: graph ? usedFiles(graph) : [],
    spec: fm.swagger ? resolveSwaggerPath(fm.swagger, settings).file : undefined,
    // Spans name a doc by its display path or its absolute path.
    errors: diagnostics.filter((d) => d.severity === 'error' && (d.span?.file === doc.file || d.span?.file === doc.displayPath)),
  };
}

function usedFiles(graph: StepGraph): string[] {
  return graph.nodes.flatMap((n) => (n.kind === 'use' && n.target ? [n.target.doc.file] : []));
}

/** The docs to run and every doc they use: the mock is built from all their specs. */
function docsOf(graphs: StepGraph[], into = new Map<string, Doc>()): Doc[] {
  for (const graph of graphs) {
    into.set(graph.doc.file, graph.doc);
    for (const node of graph.nodes) if (node.kind === 'use' && node.target) docsOf([node.target], into);
  }
  return [...into.values()];
}
