import { cacheDirFrom } from './cache-dir.js';
import { dirname, resolve } from 'node:path';
import { errorDiag, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { DiagnosticsError } from '../core/errors.js';
import type { ApiTarget, RunSettings, TokenProfile } from '../core/settings.js';
import type { SourceSpan } from '../core/span.js';
import { readConfigFile, readDotEnv } from './file.js';
import type { SettingsFlags } from './flags.js';
import { booleanKey, readRateLimit, readRetryPolicy } from './policy.js';
import { rangeOf } from './shape.js';
import { isRecord, numberIn, pairs, SCHEMA_MODES } from './read.js';
import { readMockSpecs, readRemoteRefs } from './project-paths.js';
import { readOAuth2, readRedact } from './oauth2.js';

export interface ResolvedConfig {
  settings: RunSettings;
  configPath?: string;
  /** Config values the CLI may use beyond settings (reporters, reportDir). */
  extras: { reporters?: string[]; reportDir?: string };
  warnings: Diagnostic[];
}

/** defaults → stepdoc.config.yaml → STEPDOC_* environment → flags. Invalid input throws DiagnosticsError (exit 2). */
export async function resolveSettings(flags: SettingsFlags, cwd: string, processEnv: Record<string, string | undefined>): Promise<ResolvedConfig> {
  const env = await readDotEnv(cwd, processEnv);
  const file = await readConfigFile(flags.config, cwd, env);
  const diagnostics = [...file.diagnostics];
  // Shape errors (schema/config.schema.json) are reported once, with spans, as lint reports them:
  // a file with errors is not read further (flags are still checked, so every mistake shows at once).
  const c = hasErrors(file.diagnostics) ? {} : file.values;
  const spanOf = file.spanOf;
  const count = (key: 'concurrency' | 'timeoutMs' | 'maxBodyBytes') => numberIn(c[key], key, rangeOf(key), diagnostics, spanOf(key));
  const rootDir = cwd;
  // Paths written in a config file are relative to that file, so `--config elsewhere/…` works from any cwd.
  const configDir = file.path ? dirname(file.path) : cwd;
  const secrets: string[] = [...(Array.isArray(c.secrets) ? c.secrets.map(String) : [])];
  const settings: RunSettings = {
    rootDir,
    swaggerRoot: typeof c.swaggerRoot === 'string' ? resolve(configDir, c.swaggerRoot) : rootDir,
    apis: readApis(c, diagnostics, spanOf),
    tokens: readTokens(c.tokens, diagnostics),
    defaultToken: typeof c.defaultToken === 'string' ? c.defaultToken : 'staff',
    vars: readVars(c.vars, secrets),
    params: isRecord(c.params) ? c.params : {},
    env,
    secrets,
    onBehalfOf: { header: 'X-On-Behalf-Of', ...(isRecord(c.onBehalfOf) ? (c.onBehalfOf as { header?: string; value?: string }) : {}) },
    concurrency: count('concurrency') ?? 4,
    timeoutMs: count('timeoutMs') ?? 30_000,
    maxBodyBytes: count('maxBodyBytes') ?? 10 * 1024 * 1024,
    retry: readRetryPolicy(c.retry, diagnostics, spanOf),
    includeSkipped: booleanKey(c.includeSkipped, 'includeSkipped', diagnostics, spanOf) ?? false,
    dryRun: false,
    allowDelete: booleanKey(c.allowDelete, 'allowDelete', diagnostics, spanOf) ?? false,
    schemaMode: SCHEMA_MODES.includes(c.schema as never) ? (c.schema as RunSettings['schemaMode']) : 'strict',
    filters: { tags: [], domains: [] },
    headers: isRecord(c.headers) ? Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, String(v)])) : {},
    remoteRefs: readRemoteRefs(c.remoteRefs, configDir, diagnostics),
    mockSpecs: readMockSpecs(c.mock, diagnostics),
    cookies: booleanKey(c.cookies, 'cookies', diagnostics, spanOf) ?? true,
    redactKeys: readRedact(c.redact),
    validatorCacheDir: cacheDirFrom(env, cwd),
  };
  applyEnv(settings, env);
  applyFlags(settings, flags, diagnostics);
  for (const token of Object.values(settings.tokens)) settings.secrets.push(token.value, ...(token.oauth2 ? [token.oauth2.clientSecret] : []));
  if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics);
  const extras = {
    reporters: Array.isArray(c.reporters) ? c.reporters.map(String) : undefined,
    reportDir: typeof c.reportDir === 'string' ? c.reportDir : undefined,
  };
  return { settings, configPath: file.path, extras, warnings: diagnostics };
}

/** Shapes were checked against the schema when the file was read; these readers only convert. */
function readApis(c: Record<string, unknown>, diagnostics: Diagnostic[], spanOf: (path: string) => SourceSpan | undefined): Record<string, ApiTarget> {
  const apis: Record<string, ApiTarget> = { default: {}, fallback: {} };
  const shared = readRateLimit(c.rateLimit, 'rateLimit', diagnostics, spanOf);
  for (const [name, value] of Object.entries(isRecord(c.apis) ? c.apis : {})) {
    const entry = typeof value === 'string' ? { baseUrl: value } : isRecord(value) ? value : {};
    const limit = entry.rateLimit === undefined ? shared : readRateLimit(entry.rateLimit, `apis.${name}.rateLimit`, diagnostics, spanOf);
    apis[name] = {
      baseUrl: typeof entry.baseUrl === 'string' ? entry.baseUrl : undefined,
      requestsPerSecond: limit.requestsPerSecond,
      maxConcurrent: limit.maxConcurrent,
    };
  }
  for (const api of Object.values(apis)) {
    api.requestsPerSecond ??= shared.requestsPerSecond;
    api.maxConcurrent ??= shared.maxConcurrent;
  }
  return apis;
}

function readTokens(value: unknown, diagnostics: Diagnostic[]): Record<string, TokenProfile> {
  const tokens: Record<string, TokenProfile> = {};
  for (const [name, v] of Object.entries(isRecord(value) ? value : {})) {
    if (isRecord(v)) {
      const profile: TokenProfile = {
        value: String(v.value ?? ''),
        header: String(v.header ?? 'Authorization'),
        scheme: v.scheme === undefined ? 'Bearer' : String(v.scheme),
      };
      if (isRecord(v.headers)) profile.headers = Object.fromEntries(Object.entries(v.headers).map(([k, h]) => [k, String(h)]));
      if (v.oauth2 !== undefined) {
        if (v.value !== undefined)
          diagnostics.push(errorDiag('config-type', `\`tokens.${name}\` has both \`value\` and \`oauth2\`: the token is either given or fetched`));
        const oauth2 = readOAuth2(v.oauth2, name, diagnostics);
        if (!oauth2) continue;
        profile.value = '';
        profile.oauth2 = oauth2;
      }
      tokens[name] = profile;
    } else if (v !== null && v !== undefined) tokens[name] = { value: String(v), header: 'Authorization', scheme: 'Bearer' };
  }
  return tokens;
}

/** `{ value, secret: true }` marks a variable secret: its value is redacted everywhere. */
function readVars(value: unknown, secrets: string[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(isRecord(value) ? value : {})) {
    if (isRecord(v) && 'value' in v && 'secret' in v) {
      vars[name] = v.value;
      if (v.secret === true) secrets.push(String(v.value));
    } else vars[name] = v;
  }
  return vars;
}

function applyEnv(settings: RunSettings, env: Record<string, string | undefined>): void {
  if (env.STEPDOC_BASE_URL) settings.apis.default.baseUrl = env.STEPDOC_BASE_URL;
  if (env.STEPDOC_FALLBACK_URL) settings.apis.fallback.baseUrl = env.STEPDOC_FALLBACK_URL;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const token = /^STEPDOC_TOKEN_(.+)$/.exec(key);
    if (token) setToken(settings, token[1].toLowerCase(), value);
    if (/^STEPDOC_SECRET_/.test(key)) settings.secrets.push(value);
    const v = /^STEPDOC_VAR_(.+)$/.exec(key);
    if (v) settings.vars[v[1].toLowerCase()] = value;
  }
}

function applyFlags(settings: RunSettings, flags: SettingsFlags, diagnostics: Diagnostic[]): void {
  if (flags.baseUrl) settings.apis.default.baseUrl = flags.baseUrl;
  if (flags.fallbackUrl) settings.apis.fallback.baseUrl = flags.fallbackUrl;
  for (const [name, value] of pairs(flags.tokens, '--token', 'PROFILE=VALUE', diagnostics)) setToken(settings, name, value);
  for (const [name, value] of pairs(flags.vars, '--var', 'NAME=VALUE', diagnostics)) settings.vars[name] = value;
  settings.secrets.push(...(flags.secrets ?? []));
  if (flags.concurrency !== undefined) settings.concurrency = flags.concurrency;
  if (flags.timeoutMs !== undefined) settings.timeoutMs = flags.timeoutMs;
  if (flags.maxBodyBytes !== undefined) settings.maxBodyBytes = flags.maxBodyBytes;
  if (flags.tags) settings.filters.tags = flags.tags;
  if (flags.domains) settings.filters.domains = flags.domains;
  if (flags.grep) settings.filters.grep = flags.grep;
  if (flags.shard) settings.filters.shard = flags.shard;
  if (flags.dryRun) settings.dryRun = true;
  if (flags.includeSkipped) settings.includeSkipped = true;
  if (flags.allowDelete) settings.allowDelete = true;
  if (flags.schema) settings.schemaMode = flags.schema;
  if (flags.retries !== undefined) settings.retry.attempts = flags.retries;
  for (const api of Object.values(settings.apis)) {
    if (flags.requestsPerSecond !== undefined) api.requestsPerSecond = flags.requestsPerSecond;
    if (flags.maxConcurrent !== undefined) api.maxConcurrent = flags.maxConcurrent;
  }
}

function setToken(settings: RunSettings, name: string, value: string): void {
  const existing = settings.tokens[name];
  settings.tokens[name] = {
    header: existing?.header ?? 'Authorization',
    scheme: existing?.scheme ?? 'Bearer',
    value,
    ...(existing?.headers ? { headers: existing.headers } : {}),
  };
}
