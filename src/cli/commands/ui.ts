import { parseArgs } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { intFlag, parseCommandArgs } from '../args.js';
import type { CliIO, Command } from '../io.js';
import { parseRunOptions, RUN_OPTIONS } from '../run-options.js';

const HELP = `stepdoc ui [PATH...] [options] — a local dashboard: browse the docs, run them live, record the results

  PATH                       docs or folders of docs (default: scenarios/)
  --port N                   port on 127.0.0.1 (default 4020; 0 = any free port)
  --open                     open the page in the default browser
  --mock                     runs go to the embedded mock built from the docs' swagger files
  --strict-state             with --mock: unknown ids answer 404
  --config, --base-url, --fallback-url, --token, --var, --secret, --timeout, --concurrency,
  --schema, --allow-delete, --include-skipped, --rate-limit, --max-concurrent, --retries
                             the run targets and settings, as for \`stepdoc run\`

The first line of output is the page's URL with its per-process token; the page's requests need it.
It listens on 127.0.0.1 only and refuses other Host headers. Docs are re-read when they change on disk,
and the affected docs that were run are run again. Nothing is written into a doc unless you click
"Record these results". Ctrl-C stops it.
`;

/** The run flags that make sense for a dashboard (no reporters, no record, no shard, no dry run). */
const RUN_FLAGS = [
  'config',
  'base-url',
  'fallback-url',
  'token',
  'var',
  'secret',
  'mock',
  'strict-state',
  'concurrency',
  'timeout',
  'max-body',
  'schema',
  'allow-delete',
  'include-skipped',
  'rate-limit',
  'max-concurrent',
  'retries',
  'tag',
  'domain',
  'grep',
] as const;
const OPTIONS = {
  ...Object.fromEntries(RUN_FLAGS.map((name) => [name, RUN_OPTIONS[name]])),
  port: { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const as Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export const command: Command = async (argv: string[], io: CliIO): Promise<number> => {
  const { values } = parseCommandArgs(argv, OPTIONS, 'ui');
  if (values.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  const port = intFlag(values.port as string | undefined, '--port', 0, 65535) ?? 4020;
  const run = parseRunOptions(withoutOwnFlags(argv));
  const [{ createEngine }, { startUi }] = await Promise.all([import('../../ui/engine.js'), import('../../ui/start.js')]);
  const engine = await createEngine({
    paths: run.paths,
    cwd: io.cwd,
    env: io.env,
    flags: run.settings,
    mock: run.mock,
    strictState: run.strictState,
  });
  const ui = await startUi(engine, port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`--port ${port}: the port is in use`, 'pick another port, or --port 0 for any free one');
    throw error;
  });
  io.stdout.write(`stepdoc ui: ${ui.url}/?token=${ui.token}\n`);
  io.stdout.write(`${ui.docs} docs${run.mock ? ', runs against the embedded mock' : ''}. Ctrl-C to stop.\n`);
  if (values.open) openBrowser(`${ui.url}/?token=${ui.token}`);
  await new Promise<void>((done) => (io.signal.aborted ? done() : io.signal.addEventListener('abort', () => done(), { once: true })));
  await ui.close();
  io.stdout.write('stepdoc ui stopped\n');
  return ExitCode.Interrupted;
};

/** The arguments without --port/--open, for the run options parser (one mapping of flags to settings). */
function withoutOwnFlags(argv: string[]): string[] {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  const drop = new Set<number>();
  for (const t of tokens ?? []) {
    if (t.kind !== 'option' || (t.name !== 'port' && t.name !== 'open')) continue;
    drop.add(t.index);
    if (t.value !== undefined && !t.inlineValue) drop.add(t.index + 1);
  }
  return argv.filter((_, i) => !drop.has(i));
}

/** Best effort: a machine without a browser still has the printed URL. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  void import('node:child_process').then(({ spawn }) => {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  });
}
