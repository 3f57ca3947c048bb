import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
export const VERSION: string = pkg.version;

export const HELP = `stepdoc ${VERSION} — run the API workflows written in Markdown endpoint docs

Usage:
  stepdoc run [PATH...]            run docs (default: scenarios/)
  stepdoc lint [PATH...]           static checks, no network
  stepdoc mock [PATH...] --port N  serve the mock built from swagger files
  stepdoc record REPORT.json       apply a saved run's results to the docs
  stepdoc merge-reports FILE...    merge shard reports into one
  stepdoc coverage [PATH...]       swagger operations vs docs that declare them
  stepdoc ui [PATH...] [--mock]    local dashboard: browse, run live, record (127.0.0.1)
  stepdoc new --swagger FILE "METHOD /path"   draft a doc from an operation
  stepdoc import curl [FILE|-]     curl commands (as in API guides) → a doc
  stepdoc init                     a starter project whose \`run --mock\` passes

Run \`stepdoc help COMMAND\` (or \`stepdoc COMMAND --help\`) for a command's options and exit codes.
Docs: README.md and docs/ in the package.
`;

/**
 * One command's help, in the layout every command shares (and `run`'s RUN_HELP follows): a usage
 * line, what it does, option groups with the flags in one column, one line of exit codes.
 */
export interface CommandHelp {
  /** `stepdoc lint [PATH...] [options]`; more than one for commands with several forms. */
  usage: string | string[];
  summary: string;
  groups?: Array<{ title: string; options: Array<[flag: string, description: string]> }>;
  /** Exit codes besides 3 (a bug in stepdoc), which every command shares and the layout adds. */
  exitCodes: Array<[code: number, meaning: string]>;
  /** A last line, e.g. where the docs are. */
  footer?: string;
}

/** Flags start at column 3, their descriptions at column 30 (as in RUN_HELP). */
const FLAG_WIDTH = 27;

export function formatHelp(help: CommandHelp): string {
  const [first, ...more] = Array.isArray(help.usage) ? help.usage : [help.usage];
  const lines = [`Usage: ${first}`, ...more.map((u) => `       ${u}`), '', help.summary.trimEnd()];
  for (const group of help.groups ?? []) {
    lines.push('', group.title, ...group.options.map(([flag, text]) => `  ${flag.padEnd(Math.max(FLAG_WIDTH, flag.length + 2))}${text}`));
  }
  const codes = [...help.exitCodes, [3, 'a bug in stepdoc'] as [number, string]].sort((a, b) => a[0] - b[0]);
  lines.push('', `Exit codes: ${codes.map(([code, meaning]) => `${code} ${meaning}`).join(' · ')}`);
  if (help.footer) lines.push(help.footer);
  return `${lines.join('\n')}\n`;
}
