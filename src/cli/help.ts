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
  stepdoc new --swagger FILE "METHOD /path"   draft a doc from an operation

Run \`stepdoc run --help\` for the options of run. Docs: README.md and docs/ in the package.
`;

/** One command's help, in the layout every command shares: usage, what it does, option groups, exit codes. */
export interface CommandHelp {
  usage: string | string[];
  summary: string;
  groups?: Array<{ title: string; options: Array<[flag: string, description: string]> }>;
  exitCodes: Array<[code: number, meaning: string]>;
}

export function formatHelp(help: CommandHelp): string {
  const usage = (Array.isArray(help.usage) ? help.usage : [help.usage]).map((u) => `  ${u}`);
  const lines = ['Usage:', ...usage, '', help.summary.trimEnd()];
  for (const group of help.groups ?? []) {
    const width = Math.max(...group.options.map(([flag]) => flag.length));
    lines.push('', `${group.title}:`, ...group.options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`));
  }
  lines.push('', 'Exit codes:', ...help.exitCodes.map(([code, meaning]) => `  ${String(code).padEnd(3)}  ${meaning}`));
  return `${lines.join('\n')}\n`;
}
