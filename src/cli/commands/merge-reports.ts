import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { Redactor } from '../../core/redact.js';
import type { RunResult } from '../../core/result.js';
import { exitCodeFor } from '../../report/gate.js';
import { duplicateDocs, mergeRunResults } from '../../report/merge.js';
import { readJsonReport } from '../../report/read-report.js';
import { loadReporter } from '../../report/registry.js';
import type { ReporterOptions } from '../../report/reporter.js';
import { useColor, type CliIO, type Command } from '../io.js';
import { formatHelp } from '../help.js';

const HELP = formatHelp({
  usage: 'stepdoc merge-reports FILE... [options]',
  summary: `Merges the report.json of shard runs into one run. The outputs equal those of one unsharded run of the
same docs (timings aside).`,
  groups: [
    {
      title: 'Options',
      options: [
        ['--reporter NAME', 'repeatable: json (default), junit, html, github, console'],
        ['--report-dir DIR', 'where reports are written (default: reports/)'],
        ['--root-dir DIR', "the repository root the docs' paths are shown relative to (default: .)"],
        ['--secret VALUE', 'repeatable; also STEPDOC_SECRET_* and STEPDOC_TOKEN_* (redacted again)'],
        ['--max-report-body-chars N', "truncate response bodies further (default: keep the inputs' size)"],
        ['--gate', 'exit 1 when the merged run failed (as `stepdoc run` does)'],
        ['--allow-skipped false', 'with --gate: skipped docs fail the gate'],
      ],
    },
  ],
  exitCodes: [
    [0, 'merged'],
    [1, 'with --gate: the merged run failed'],
    [2, 'unreadable or incompatible reports, bad usage'],
  ],
});

function secretsFrom(io: CliIO, flags: string[]): string[] {
  const fromEnv = Object.entries(io.env)
    .filter(([k, v]) => (k.startsWith('STEPDOC_SECRET_') || k.startsWith('STEPDOC_TOKEN_')) && v)
    .map(([, v]) => v as string);
  return [...flags, ...fromEnv];
}

/** The docs' sources, best effort, for code frames in the HTML report (a merge may run elsewhere). */
async function readSources(results: RunResult, rootDir: string): Promise<Map<string, string>> {
  const files = new Set<string>(results.docs.map((d) => d.file));
  for (const d of results.diagnostics) if (d.span) files.add(d.span.file);
  const sources = new Map<string, string>();
  await Promise.all(
    [...files].map(async (file) => {
      try {
        sources.set(file, await readFile(resolve(rootDir, file), 'utf8'));
      } catch {
        /* a doc not present here just has no code frame */
      }
    }),
  );
  return sources;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      reporter: { type: 'string', multiple: true },
      'report-dir': { type: 'string' },
      'root-dir': { type: 'string' },
      secret: { type: 'string', multiple: true },
      'max-report-body-chars': { type: 'string' },
      gate: { type: 'boolean' },
      'allow-skipped': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean' },
    },
  });
  const max = values['max-report-body-chars'];
  if (max !== undefined && !/^\d+$/.test(max)) throw new UsageError(`--max-report-body-chars expects a number, got \`${max}\``);
  const allow = values['allow-skipped'];
  if (allow !== undefined && allow !== 'true' && allow !== 'false') throw new UsageError(`--allow-skipped expects true or false, got \`${allow}\``);
  return { values, positionals, maxChars: max === undefined ? Infinity : Number(max), allowSkipped: allow !== 'false' };
}

export const command: Command = async (argv, io) => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message, 'run `stepdoc merge-reports --help`');
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  if (positionals.length === 0)
    throw new UsageError('merge-reports needs at least one report.json', 'e.g. `stepdoc merge-reports shard-*/report.json --reporter junit --reporter html`');
  const inputs = await Promise.all(positionals.map((file) => readJsonReport(resolve(io.cwd, file))));
  const duplicates = duplicateDocs(inputs);
  if (duplicates.length > 0) {
    throw new UsageError(
      `${duplicates.length} doc(s) appear in more than one report, e.g. ${duplicates[0]}`,
      'merge the reports of disjoint shards of one run',
    );
  }
  const merged = mergeRunResults(inputs);
  const rootDir = resolve(io.cwd, values['root-dir'] ?? '.');
  const factories = await Promise.all((values.reporter?.length ? values.reporter : ['json']).map(loadReporter));
  const options: ReporterOptions = {
    rootDir,
    reportDir: resolve(io.cwd, values['report-dir'] ?? 'reports'),
    redactor: new Redactor(secretsFrom(io, values.secret ?? [])),
    out: io.stdout,
    color: useColor(io),
    env: io.env,
    maxReportBodyChars: parsed.maxChars,
    sources: await readSources(merged, rootDir),
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
  };
  const written: string[] = [];
  for (const factory of factories) written.push(...(await factory(options).finish(merged)));
  if (!options.quiet) {
    const s = merged.summary;
    io.stderr.write(`merged ${inputs.length} reports: ${s.total} docs (${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.invalid} invalid)\n`);
    for (const file of written) io.stderr.write(`  wrote ${file}\n`);
  }
  return values.gate ? exitCodeFor(merged, { allowSkipped: parsed.allowSkipped }) : ExitCode.Ok;
};
