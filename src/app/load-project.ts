import { resolve } from 'node:path';
import { errorDiag } from '../core/diagnostic.js';
import { DiagnosticsError } from '../core/errors.js';
import { resolveSettings } from '../config/resolve.js';
import { discoverDocs } from '../doc/discover.js';
import { canonicalDiagnostics } from '../report/merge.js';
import { prepareRun } from '../run/prepare.js';
import { readDurations, selectShard } from '../run/shard.js';
import type { LoadedProject, ProjectOptions } from './types.js';

/**
 * Config + discovered docs + prepare: the project as the run would see it, nothing sent. A bad
 * config or a bad `grep` throws a DiagnosticsError (nothing else can be loaded without them);
 * problems of docs and paths come back as diagnostics.
 */
export async function loadProject(options: ProjectOptions): Promise<LoadedProject> {
  const cwd = options.cwd ?? process.cwd();
  const { settings, extras, warnings } = await resolveSettings(options, cwd, options.env ?? process.env);
  checkGrep(settings.filters.grep);
  const found = await discoverDocs(options.paths?.length ? options.paths : ['scenarios'], cwd);
  const shard = settings.filters.shard;
  const durations = shard && options.durations ? await readDurations(resolve(cwd, options.durations)) : undefined;
  const prepared = await prepareRun(found, settings, { select: shard ? (docs) => selectShard(docs, shard, durations) : undefined });
  return {
    settings,
    graphs: prepared.graphs,
    skipped: prepared.skipped,
    invalid: prepared.invalid,
    selected: prepared.graphs.length + prepared.skipped.length + prepared.invalid.length,
    diagnostics: canonicalDiagnostics([...found.diagnostics, ...warnings, ...prepared.diagnostics]),
    loadErrors: found.diagnostics.filter((d) => d.severity === 'error'),
    sources: prepared.sources,
    extras,
  };
}

/** `--grep` is a regular expression; a malformed one is the user's mistake, not a crash. */
function checkGrep(grep: string | undefined): void {
  if (grep === undefined) return;
  try {
    new RegExp(grep, 'i');
  } catch (error) {
    const why = (error as Error).message.replace(/^Invalid regular expression: /, '');
    throw new DiagnosticsError([
      errorDiag('invalid-grep', `--grep is not a valid regular expression: ${why}`, undefined, {
        expected: 'a JavaScript regular expression, e.g. `clients|staff`',
      }),
    ]);
  }
}
