import { ExitCode } from '../../core/exit-codes.js';
import { Redactor } from '../../core/redact.js';
import { choiceFlag, intFlag, parseCommandArgs } from '../args.js';
import { formatHelp, VERSION } from '../help.js';
import { frameStyle, useColor, type CliIO } from '../io.js';
import { countBySeverity } from '../../lint/types.js';

const OPTIONS = {
  config: { type: 'string' },
  var: { type: 'string', multiple: true },
  format: { type: 'string' },
  'max-warnings': { type: 'string' },
  threads: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = formatHelp({
  usage: 'stepdoc lint [PATH...] [options]     (default PATH: scenarios/)',
  summary: 'Static checks of docs and stepdoc.config.yaml; nothing is sent.',
  groups: [
    {
      title: 'Options',
      options: [
        ['--config FILE', 'config file (default ./stepdoc.config.yaml when present)'],
        ['--var NAME=VALUE', 'repeatable; names known as template variables (as for run)'],
        ['--format text|json|sarif', 'output on stdout (default text, with code frames)'],
        ['--max-warnings N', 'more than N warnings fail like an error (exit 2)'],
        ['--quiet', 'text: errors only'],
        ['--threads N', 'lint large sets (1,000+ docs per thread) on N threads (default 1)'],
      ],
    },
  ],
  exitCodes: [
    [0, 'clean or warnings only'],
    [2, 'errors (or too many warnings), bad usage'],
  ],
  footer: 'Every diagnostic code is explained in docs/diagnostics.md.',
});

export async function command(argv: string[], io: CliIO): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(argv, OPTIONS, 'lint');
  if (v.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  const format = choiceFlag(v.format, '--format', ['text', 'json', 'sarif'] as const) ?? 'text';
  const maxWarnings = intFlag(v['max-warnings'], '--max-warnings', 0);
  const { lint } = await import('../../lint/lint.js');
  const threads = intFlag(v.threads, '--threads', 1, 64);
  const report = await lint({ paths: positionals, cwd: io.cwd, env: io.env, config: v.config, vars: v.var, threads });
  const redactor = new Redactor(report.secrets);
  const { errors, warnings } = countBySeverity(report.diagnostics);
  if (format === 'json') {
    const { formatJson } = await import('../../lint/format-json.js');
    io.stdout.write(redactor.text(formatJson(report)));
  } else if (format === 'sarif') {
    const { formatSarif } = await import('../../lint/format-sarif.js');
    io.stdout.write(redactor.text(formatSarif(report, VERSION)));
  } else {
    const { formatText } = await import('../../lint/format-text.js');
    io.stdout.write(redactor.text(formatText(report, frameStyle(useColor(io)), { errorsOnly: v.quiet })));
  }
  if (errors > 0) return ExitCode.Invalid;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return ExitCode.Invalid;
  }
  return ExitCode.Ok;
}
