import { parseArgs } from 'node:util';
import { ExitCode } from '../../core/exit-codes.js';
import type { CliIO, Command } from '../io.js';
import { parseRunOptions, RUN_OPTIONS } from '../run-options.js';

/**
 * `stepdoc run --watch`: runs once, then on each change on disk re-runs the docs that changed, whose
 * spec changed, or that `use:` a changed doc (each run prints its own summary). Ctrl-C ends it (130).
 * Changes made while a run goes are kept and handled when it ends.
 */
export async function runWatch(argv: string[], io: CliIO, runOnce: Command): Promise<number> {
  const args = argv.filter((a) => a !== '--watch');
  const options = parseRunOptions(args);
  if (options.help) return runOnce(args, io);
  const flags = withoutPaths(args);
  const [{ createEngine }, { watchFiles }, { affectedDocs }] = await Promise.all([
    import('../../ui/engine.js'),
    import('../../ui/watch.js'),
    import('../../ui/affected.js'),
  ]);
  const engine = await createEngine({ paths: options.paths, cwd: io.cwd, env: io.env, flags: options.settings });
  const changes = new Set<string>();
  let wake: (() => void) | undefined;
  // Only real changes: a doc whose recorded metadata alone changed (our own --record) runs nothing.
  const watcher = watchFiles((files) => {
    for (const f of files) changes.add(f);
    if (files.length > 0) wake?.();
  });
  const follow = async () => {
    const entries = await engine.list();
    watcher.update([...engine.watchRoots(), ...entries.flatMap((e) => (e.spec ? [e.file, e.spec] : [e.file]))]);
    return entries;
  };
  try {
    await follow();
    await runOnce(args, io);
    while (!io.signal.aborted) {
      io.stdout.write('\nwatching for changes (Ctrl-C to stop)\n');
      await nextChange(
        io.signal,
        () => changes.size > 0,
        (w) => (wake = w),
      );
      if (io.signal.aborted) break;
      const changed = new Set(changes);
      changes.clear();
      engine.invalidate([...changed]);
      const entries = await follow();
      const rerun = affectedDocs(changed, entries, new Set(entries.map((e) => e.file)));
      io.stdout.write(
        `\n${changed.size} file${changed.size === 1 ? '' : 's'} changed; ${rerun.length ? `re-running ${rerun.length} doc${rerun.length === 1 ? '' : 's'}` : 'no doc to re-run'}\n`,
      );
      if (rerun.length > 0) await runOnce([...flags, ...rerun], io);
    }
  } finally {
    watcher.close();
  }
  return ExitCode.Interrupted;
}

function nextChange(signal: AbortSignal, ready: () => boolean, setWake: (wake: () => void) => void): Promise<void> {
  if (ready() || signal.aborted) return Promise.resolve();
  return new Promise((done) => {
    setWake(done);
    signal.addEventListener('abort', () => done(), { once: true });
  });
}

/** The arguments without the doc paths, to re-run the same command on other docs. */
function withoutPaths(argv: string[]): string[] {
  const { tokens } = parseArgs({ args: argv, options: RUN_OPTIONS, allowPositionals: true, strict: true, tokens: true });
  const positional = new Set((tokens ?? []).filter((t) => t.kind === 'positional' || t.kind === 'option-terminator').map((t) => t.index));
  return argv.filter((_, i) => !positional.has(i));
}
