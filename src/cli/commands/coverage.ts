import pc from 'picocolors';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { Redactor } from '../../core/redact.js';
import { resolveSettings } from '../../config/resolve.js';
import { discoverDocs } from '../../doc/discover.js';
import { DocCache } from '../../doc/load.js';
import { resolveSwaggerPath } from '../../openapi/resolve-path.js';
import { computeCoverage } from '../../report/coverage/compute.js';
import { formatCoverageJson } from '../../report/coverage/format-json.js';
import { formatCoverageText } from '../../report/coverage/format-text.js';
import { gatherCoverage } from '../../report/coverage/gather.js';
import { specsBelow } from '../../report/coverage/gate.js';
import { choiceFlag, parseCommandArgs } from '../args.js';
import { printDiagnostics } from '../diagnostics.js';
import { useColor, type CliIO, type Command } from '../io.js';
import { formatHelp } from '../help.js';

const HELP = formatHelp({
  usage: 'stepdoc coverage [PATH...] [options]     (default PATH: scenarios/)',
  summary: `Swagger operations vs the docs that declare them. PATH: docs (.md) or folders of docs. Each doc counts
for the operation of its \`swagger:\` file that its frontmatter \`endpoint\` names. Missing swagger files
are warnings (with a did-you-mean), not errors.`,
  groups: [
    {
      title: 'Options',
      options: [
        ['--config FILE', 'stepdoc.config.yaml (default: ./stepdoc.config.yaml when present), for swaggerRoot'],
        ['--format text|json', 'console table (default) or JSON on stdout (schema: docs/coverage.md)'],
        ['--swagger FILE', 'repeatable: also report this spec, even if no doc names it (to see uncovered APIs)'],
        ['--fail-under PCT', 'exit 1 when the operation coverage of any spec is below PCT (0–100)'],
        ['--now DATE', 'compute the age of verifiedAt against this date instead of the clock'],
      ],
    },
  ],
  exitCodes: [
    [0, 'ok'],
    [1, 'below --fail-under'],
    [2, 'usage, config or paths'],
  ],
});

const OPTIONS = {
  config: { type: 'string' },
  format: { type: 'string' },
  swagger: { type: 'string', multiple: true },
  'fail-under': { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const command: Command = async (argv: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'coverage');
  if (values.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  const format = choiceFlag(values.format, '--format', ['text', 'json'] as const) ?? 'text';
  const failUnder = percentFlag(values['fail-under']);
  const now = dateFlag(values.now) ?? new Date();
  const { settings } = await resolveSettings({ config: values.config }, io.cwd, io.env);
  const extraSpecs = (values.swagger ?? []).map((value) => swaggerFlag(value, settings));
  const found = await discoverDocs(positionals.length ? positionals : ['scenarios'], io.cwd);
  const redactor = new Redactor(settings.secrets);
  if (found.diagnostics.length > 0) {
    printDiagnostics(io, found.diagnostics, new Map(), redactor);
    return ExitCode.Invalid;
  }
  const cache = new DocCache(settings.rootDir);
  const docs = found.files.map((file) => cache.load(file));
  const gathered = await gatherCoverage(docs, extraSpecs, settings);
  printDiagnostics(io, gathered.warnings, new Map(), redactor);
  const report = computeCoverage({ ...gathered, now });
  const text = format === 'json' ? formatCoverageJson(report) : formatCoverageText(report, pc.createColors(useColor(io)));
  io.stdout.write(redactor.text(text));
  if (failUnder === undefined) return ExitCode.Ok;
  const below = specsBelow(report, failUnder);
  for (const spec of below) io.stderr.write(`coverage of ${spec.file} is ${spec.percent}%, below --fail-under ${failUnder}%\n`);
  return below.length > 0 ? ExitCode.Failed : ExitCode.Ok;
};

function percentFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim().replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`--fail-under ${value}: expected a percentage from 0 to 100, e.g. --fail-under 80`);
  return n;
}

function dateFlag(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now ${value}: expected a date, e.g. 2026-12-01 or 2026-12-01T10:00:00Z`);
  return date;
}

/** `--swagger` files resolve like a doc's `swagger:` (swaggerRoot, then the project root); a missing one is a usage error. */
function swaggerFlag(value: string, roots: { rootDir: string; swaggerRoot: string }): string {
  const location = resolveSwaggerPath(value, roots);
  if (location.file) return location.file;
  throw new UsageError(`--swagger ${value}: no such file`, location.diagnostics[0]?.help ?? 'give a path relative to the project root or to swaggerRoot');
}
