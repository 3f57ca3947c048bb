/**
 * The UI's one adapter to the run pipeline (see types.ts: UiEngine): it lists docs through the front
 * door's loadProject() and runs them through runProject(), the same pipeline as `stepdoc run` and the
 * library (preflight, mock target, runner), so the dashboard cannot drift from the CLI.
 */
import { byDisplayPath } from '../core/order.js';
import { dirname, relative, resolve, sep } from 'node:path';
import { loadProject } from '../app/load-project.js';
import { runProject } from '../app/run-project.js';
import type { AppEvent, ProjectOptions } from '../app/types.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticsError, UserError } from '../core/errors.js';
import type { Doc } from '../core/model.js';
import type { RunEvent } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { SettingsFlags } from '../config/flags.js';
import type { StepGraph } from '../graph/graph.js';
import { clearSpecCache } from '../openapi/cache.js';
import { resolveSwaggerPath } from '../openapi/resolve-path.js';
import type { DocEntry, EngineRun, UiEngine } from './types.js';

export interface EngineOptions {
  paths: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  flags: SettingsFlags;
  /** Run against the embedded mock (built per run from the selected docs' specs and config `mock.specs`). */
  mock?: boolean;
  strictState?: boolean;
}

/** Loads the project once up front (a config error is exit 2 before the server starts). */
export async function createEngine(options: EngineOptions): Promise<UiEngine> {
  const paths = options.paths.length ? options.paths : ['scenarios'];
  const project: ProjectOptions = { ...options.flags, cwd: options.cwd, env: options.env };
  const load = async () => {
    const loaded = await loadProject({ ...project, paths, includeSkipped: true });
    if (loaded.loadErrors.length) throw new DiagnosticsError(loaded.loadErrors);
    return loaded;
  };
  const { settings } = await load();
  let known = new Set<string>();

  const engine: UiEngine = {
    rootDir: settings.rootDir,
    mock: Boolean(options.mock),
    secrets: settings.secrets,
    async list() {
      const loaded = await load();
      const entries = [
        ...loaded.graphs.map((g) => entryOf(g.doc, g, settings)),
        ...loaded.invalid.map((d) => entryOf(d, undefined, settings, loaded.diagnostics)),
      ];
      known = new Set(entries.map((e) => e.file));
      return entries.sort(byDisplayPath);
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
      let sources: ReadonlyMap<string, string> = new Map();
      const forward = (event: AppEvent) => {
        if (event.type === 'project:loaded') sources = event.sources;
        else if (event.type !== 'record:end') onEvent(event satisfies RunEvent);
      };
      const outcome = await runProject({
        ...project,
        paths: files,
        includeSkipped: true,
        mock: options.mock,
        strictState: options.strictState,
        keepGoing: true,
        passWithNoDocs: true,
        signal,
        onEvent: forward,
      });
      if (!outcome.result) throw new UserError(stoppedMessage(outcome.stopped?.message, outcome.diagnostics), outcome.stopped?.reason ?? 'stopped');
      return { result: outcome.result, sources };
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

/** A run refused before its first request (preflight, config): its reason and errors, for the page. */
function stoppedMessage(message: string | undefined, diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  return [message ?? 'the run did not start', ...errors].join('\n');
}

function entryOf(doc: Doc, graph: StepGraph | undefined, settings: RunSettings, diagnostics: Diagnostic[] = []): DocEntry {
  const fm = doc.frontmatter;
  const folder = relative(settings.rootDir, dirname(doc.file)).split(sep).join('/') || '.';
  return {
    file: doc.file,
    displayPath: doc.displayPath,
    folder,
    title: doc.title,
    endpoint: fm.endpoint ? `${fm.endpoint.method} ${fm.endpoint.path}` : undefined,
    domain: fm.domain,
    tags: fm.tags,
    status: fm.rawStatus ?? fm.status,
    verifiedAt: fm.verifiedAt,
    timesReused: fm.timesReused,
    uses: graph ? usedFiles(graph) : [],
    spec: fm.swagger ? resolveSwaggerPath(fm.swagger, settings).file : undefined,
    // Spans name a doc by its display path or its absolute path.
    errors: diagnostics.filter((d) => d.severity === 'error' && (d.span?.file === doc.file || d.span?.file === doc.displayPath)),
  };
}

function usedFiles(graph: StepGraph): string[] {
  return graph.nodes.flatMap((n) => (n.kind === 'use' && n.target ? [n.target.doc.file] : []));
}
