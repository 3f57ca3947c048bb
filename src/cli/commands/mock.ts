import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { resolveSettings } from '../../config/resolve.js';
import { DocCache } from '../../doc/load.js';
import { intFlag, parseCommandArgs } from '../args.js';
import type { CliIO, Command } from '../io.js';
import { specFilesOfDocs } from '../../app/mock-target.js';
import { formatHelp } from '../help.js';

const HELP = formatHelp({
  usage: 'stepdoc mock [PATH...] [options]     (default PATH: swagger/)',
  summary: `Serves the embedded mock built from swagger files on 127.0.0.1. PATH: spec files (.json/.yaml), docs
(.md: their swagger: files), or folders of either. Stops cleanly on Ctrl-C. Business rules come from
\`x-stepdoc-mock\` in the specs (docs/mock.md).`,
  groups: [
    {
      title: 'Options',
      options: [
        ['--port N', 'port on 127.0.0.1 (default: 4010; 0 = any free port)'],
        ['--strict-state', "unknown ids answer 404 instead of the operation's example"],
        ['--seed N', 'seed for generated data (default: 1)'],
        ['--config FILE', 'stepdoc.config.yaml, for swaggerRoot when docs are given'],
      ],
    },
  ],
  exitCodes: [
    [0, 'stopped (Ctrl-C)'],
    [2, 'no spec to serve, a spec that cannot load, or bad usage'],
  ],
});

const OPTIONS = {
  port: { type: 'string' },
  'strict-state': { type: 'boolean' },
  seed: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SPEC_FILE = /\.(json|ya?ml)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'reports']);

export const command: Command = async (argv: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'mock');
  if (values.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  const port = intFlag(values.port, '--port', 0, 65535) ?? 4010;
  const seed = intFlag(values.seed, '--seed', 0);
  const { settings } = await resolveSettings({ config: values.config }, io.cwd, io.env);
  const specFiles = await collectSpecFiles(positionals.length ? positionals : ['swagger'], io.cwd, settings);
  if (specFiles.length === 0) throw new UsageError('no swagger files found in the given paths', 'pass spec files, docs with `swagger:`, or folders of them');
  const { loadSpec } = await import('../../openapi/load.js');
  const { startMock } = await import('../../mock/server.js');
  const loaded = await Promise.allSettled(specFiles.map((file) => loadSpec(file, { remoteRefs: settings.remoteRefs })));
  const specs = loaded.flatMap((result, i) => {
    if (result.status === 'fulfilled' && result.value.operations.length > 0) return [result.value];
    const why = result.status === 'rejected' ? (result.reason as Error).message : 'no operations';
    io.stderr.write(`warning: skipped ${relative(io.cwd, specFiles[i])}: ${why}\n`);
    return [];
  });
  if (specs.length === 0) throw new UsageError('none of the swagger files could be served');
  const mock = await startMock({
    specs,
    port,
    seed,
    strictState: values['strict-state'],
    validatorCacheDir: settings.validatorCacheDir,
    onRequest: (log) => io.stdout.write(`${log.method.padEnd(6)} ${log.path} → ${log.status} (${log.ms} ms)\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    // A port in use is the user's situation, not a bug in stepdoc.
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} on 127.0.0.1 is already in use`, 'pass another --port, or --port 0 for any free port');
    if (error.code === 'EACCES') throw new UsageError(`port ${port} on 127.0.0.1 needs privileges`, 'pass a port above 1023, or --port 0 for any free port');
    throw error;
  });
  io.stdout.write(`stepdoc mock on ${mock.url} — ${specFiles.length} spec(s), ${mock.routes.length} route(s)\n`);
  for (const file of specFiles) io.stdout.write(`  spec ${relative(io.cwd, file) || file}\n`);
  for (const route of mock.routes) io.stdout.write(`  ${route.method.padEnd(6)} ${route.path}\n`);
  io.stdout.write('Ctrl-C to stop.\n');
  await waitForAbort(io.signal);
  await mock.close();
  io.stdout.write('mock stopped\n');
  return ExitCode.Ok;
};

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((done) => signal.addEventListener('abort', () => done(), { once: true }));
}

/** Spec files named directly or found in folders; docs contribute their `swagger:` files. */
async function collectSpecFiles(paths: string[], cwd: string, settings: { rootDir: string; swaggerRoot: string }): Promise<string[]> {
  const specs = new Set<string>();
  const docs: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`no such file or folder: ${path}`);
    const files = info.isDirectory() ? await walk(absolute) : [absolute];
    for (const file of files) {
      if (file.endsWith('.md')) docs.push(file);
      else if (SPEC_FILE.test(file)) specs.add(file);
    }
  }
  if (docs.length > 0) {
    const cache = new DocCache(settings.rootDir);
    const parsed = docs.map((file) => cache.load(file));
    for (const file of (await specFilesOfDocs(parsed, settings)).files) specs.add(file);
  }
  return [...specs].sort();
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}
