import type { SettingsFlags } from '../config/flags.js';
import { booleanFlag, choiceFlag, intFlag, parseCommandArgs, shardFlag } from './args.js';

/** Every flag of `stepdoc run` (DESIGN §7), in one table. */
export const RUN_OPTIONS = {
  config: { type: 'string' },
  'base-url': { type: 'string' },
  'fallback-url': { type: 'string' },
  token: { type: 'string', multiple: true },
  var: { type: 'string', multiple: true },
  secret: { type: 'string', multiple: true },
  mock: { type: 'boolean' },
  'strict-state': { type: 'boolean' },
  record: { type: 'boolean' },
  concurrency: { type: 'string' },
  reporter: { type: 'string', multiple: true },
  'report-dir': { type: 'string' },
  tag: { type: 'string', multiple: true },
  domain: { type: 'string', multiple: true },
  grep: { type: 'string' },
  shard: { type: 'string' },
  durations: { type: 'string' },
  timeout: { type: 'string' },
  'max-body': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'include-skipped': { type: 'boolean' },
  'keep-going': { type: 'boolean' },
  schema: { type: 'string' },
  'allow-delete': { type: 'boolean' },
  'rate-limit': { type: 'string' },
  'max-concurrent': { type: 'string' },
  retries: { type: 'string' },
  'max-failures': { type: 'string' },
  'allow-skipped': { type: 'string' },
  'pass-with-no-docs': { type: 'boolean' },
  list: { type: 'boolean' },
  'last-failed': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface RunCommandOptions {
  paths: string[];
  settings: SettingsFlags;
  mock: boolean;
  strictState: boolean;
  record: boolean;
  reporters?: string[];
  reportDir?: string;
  durations?: string;
  keepGoing: boolean;
  maxFailures?: number;
  allowSkipped: boolean;
  passWithNoDocs: boolean;
  list: boolean;
  lastFailed: boolean;
  quiet: boolean;
  verbose: boolean;
  help: boolean;
}

export function parseRunOptions(argv: string[]): RunCommandOptions {
  const { values: v, positionals } = parseCommandArgs(argv, RUN_OPTIONS, 'run');
  const settings: SettingsFlags = {
    config: v.config,
    baseUrl: v['base-url'],
    fallbackUrl: v['fallback-url'],
    tokens: v.token,
    vars: v.var,
    secrets: v.secret,
    concurrency: intFlag(v.concurrency, '--concurrency', 1, 1024),
    timeoutMs: intFlag(v.timeout, '--timeout', 1),
    maxBodyBytes: intFlag(v['max-body'], '--max-body', 1),
    tags: v.tag,
    domains: v.domain,
    grep: v.grep,
    shard: shardFlag(v.shard),
    dryRun: v['dry-run'],
    includeSkipped: v['include-skipped'],
    allowDelete: v['allow-delete'],
    schema: choiceFlag(v.schema, '--schema', ['off', 'warn', 'strict'] as const),
    requestsPerSecond: intFlag(v['rate-limit'], '--rate-limit', 1),
    maxConcurrent: intFlag(v['max-concurrent'], '--max-concurrent', 1),
    retries: intFlag(v.retries, '--retries', 1, 20),
  };
  return {
    paths: positionals,
    settings,
    mock: Boolean(v.mock),
    strictState: Boolean(v['strict-state']),
    record: Boolean(v.record),
    reporters: v.reporter,
    reportDir: v['report-dir'],
    durations: v.durations,
    keepGoing: Boolean(v['keep-going']),
    maxFailures: intFlag(v['max-failures'], '--max-failures', 1),
    allowSkipped: booleanFlag(v['allow-skipped'], '--allow-skipped') ?? true,
    passWithNoDocs: Boolean(v['pass-with-no-docs']),
    list: Boolean(v.list),
    lastFailed: Boolean(v['last-failed']),
    quiet: Boolean(v.quiet),
    verbose: Boolean(v.verbose),
    help: Boolean(v.help),
  };
}

export const RUN_HELP = `Usage: stepdoc run [PATH...] [options]     (default PATH: scenarios/)

Targets and auth
  --config FILE              config file (default ./stepdoc.config.yaml when present)
  --base-url URL             the default API              (env STEPDOC_BASE_URL)
  --fallback-url URL         the \`fallback\` API           (env STEPDOC_FALLBACK_URL)
  --token PROFILE=VALUE      repeatable; Authorization: Bearer VALUE (env STEPDOC_TOKEN_<PROFILE>)
  --var NAME=VALUE           repeatable; template variables (env STEPDOC_VAR_<NAME>)
  --secret VALUE             repeatable; redacted from every output (env STEPDOC_SECRET_*)
  --mock                     run against the embedded mock built from the docs' swagger files
  --strict-state             with --mock: unknown ids answer 404

Selection
  --tag T, --domain D        repeatable filters
  --grep RE                  path, title or endpoint matches RE
  --shard I/N                deterministic split for CI matrices (--durations REPORT.json to balance)
  --include-skipped          also run docs whose status is skip/skipped
  --last-failed              rerun only the docs that failed or were invalid in the last run
  --list                     print the docs the selection would run (endpoint, use:), send nothing

Running
  --concurrency N            docs at once (default 4)
  --timeout MS               per request (default 30000)
  --max-body BYTES           responses are cut beyond this size (default 10 MB)
  --schema off|warn|strict   swagger validation (default strict when a schema exists); compiled
                             validators are kept in env STEPDOC_CACHE_DIR (default ~/.cache/stepdoc; empty: off)
  --rate-limit N             requests per second per API;  --max-concurrent N  in flight per API
  --retries N                attempts on 429/502/503/resets (idempotent requests)
  --allow-delete             allow DELETE steps against non-mock targets
  --dry-run                  render and print requests, send nothing, write nothing into docs
  --keep-going               run the valid docs even when some are invalid
  --max-failures N           stop starting docs after N failures (the rest count as not run)
  --pass-with-no-docs        a selection that matches no docs exits 0 (default: exit 2)
  --watch                    then re-run the affected docs on each change on disk (Ctrl-C ends)

Output
  --reporter NAME            repeatable: console (default), json, junit, html, github
  --report-dir DIR           default reports/
  --record                   write status/verifiedAt/timesReused back into the docs (not with --dry-run)
  --allow-skipped false      skipped docs fail the gate
  --quiet, --verbose         the summary line and failures reach the console unless --quiet

Outcomes: passed (sent and checked) · failed · skipped · dry run · not sent (held back by the DELETE
guard) · not run (never started: --max-failures, interrupt) · invalid
Exit codes: 0 all passed · 1 a doc failed · 2 invalid docs, config or usage, preflight, no docs matched · 3 a bug in stepdoc · 130 interrupted
`;
