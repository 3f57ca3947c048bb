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

Run \`stepdoc run --help\` for the options of run. Docs: README.md and docs/ in the package.
`;
