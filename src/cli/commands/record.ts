import path from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { applyReports } from '../../record/apply-report.js';
import { formatRecordSummary } from '../../record/format.js';
import { loadReport } from '../../record/report-file.js';
import { recordFailed } from '../../record/summary.js';
import { useColor, type Command } from '../io.js';
import { formatHelp } from '../help.js';

const HELP = formatHelp({
  usage: 'stepdoc record REPORT.json [REPORT.json...] [options]',
  summary: `Applies the results of saved JSON reports (e.g. from read-only CI shards) to the docs' frontmatter:
status, verifiedAt, savedAt and timesReused, exactly as \`stepdoc run --record\` would.
Applying the same report twice changes nothing the second time (see docs/recording.md).`,
  groups: [
    {
      title: 'Options',
      options: [
        ['--root DIR', "project root the reports' doc paths are relative to (default: current folder)"],
        ['--ledger FILE', 'where applied reports are remembered (default: reports/.stepdoc-record-ledger.json)'],
        ['--no-ledger', 'do not read or write the ledger (re-applying a report then counts again)'],
        ['--format FORMAT', 'console (default) or json'],
        ['-h, --help', 'this help'],
      ],
    },
  ],
  exitCodes: [
    [0, 'applied (or nothing to change)'],
    [1, 'a doc could not be written (changed on disk since the run, or an error)'],
    [2, 'an unreadable report or bad usage'],
    [130, 'interrupted'],
  ],
});

/** `stepdoc record REPORT.json [...]`. Exit 0 when every doc was recorded, 1 when one was not, 2 on bad input. */
export const command: Command = async (argv, io) => {
  const args = parse(argv);
  if (args.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  const rootDir = path.resolve(io.cwd, args.root ?? '.');
  const reports = [];
  for (const file of args.reports) reports.push(await loadReport(path.resolve(io.cwd, file), file));
  const summary = await applyReports(reports, {
    rootDir,
    ledger: args.noLedger ? false : args.ledger,
    signal: io.signal,
  });
  if (args.format === 'json') io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else io.stdout.write(formatRecordSummary(summary, pc.createColors(useColor(io))));
  if (io.signal.aborted) return ExitCode.Interrupted;
  return recordFailed(summary) ? ExitCode.Failed : ExitCode.Ok;
};

interface RecordArgs {
  reports: string[];
  root?: string;
  ledger?: string;
  noLedger: boolean;
  format: 'console' | 'json';
  help: boolean;
}

function parse(argv: string[]): RecordArgs {
  const { values, positionals } = parseOptions(argv);
  const format = values.format;
  if (format !== 'console' && format !== 'json') throw new UsageError(`record: unknown --format \`${format}\``, 'use console or json');
  if (!values.help && positionals.length === 0) throw new UsageError('record: no report given', 'usage: stepdoc record REPORT.json [...]');
  return { reports: positionals, root: values.root, ledger: values.ledger, noLedger: values['no-ledger'] ?? false, format, help: values.help ?? false };
}

/** node:util parseArgs, its errors turned into usage errors (exit 2). */
function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        ledger: { type: 'string' },
        'no-ledger': { type: 'boolean', default: false },
        format: { type: 'string', default: 'console' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`record: ${(error as Error).message}`, 'run `stepdoc record --help` for the options');
  }
}
