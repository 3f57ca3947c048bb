import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { discoverDocs } from '../doc/discover.js';
import { cacheDirFrom } from '../config/cache-dir.js';
import { readRemoteRefs } from '../config/project-paths.js';
import { configSecrets, lintConfig } from './config-lint.js';
import { lintInParallel } from './parallel.js';
import type { LintOptions, LintReport } from './types.js';

/**
 * `stepdoc lint`: the parse and graph analysis `run` does (same diagnostics), plus checks only a
 * linter can afford: frontmatter shapes and dates,
 * swagger files, operations and literal bodies, the config file. Nothing is sent anywhere.
 */
export async function lint(options: LintOptions): Promise<LintReport> {
  const config = await lintConfig(options.config, options.cwd);
  const diagnostics: Diagnostic[] = [...config.diagnostics];
  const sources = new Map<string, string>();
  if (config.file) sources.set(config.file.display, config.file.source);
  const found = await discoverDocs(options.paths.length ? options.paths : ['scenarios'], options.cwd);
  diagnostics.push(...found.diagnostics);
  // Paths in a config file are relative to it (as `run` reads them).
  const configDir = config.file?.path ? dirname(config.file.path) : options.cwd;
  const swaggerRoot = typeof config.values.swaggerRoot === 'string' ? resolve(configDir, config.values.swaggerRoot) : options.cwd;
  const schema = config.values.schema;
  const result = await lintInParallel(
    {
      files: found.files,
      explicit: [...found.explicit],
      cwd: options.cwd,
      vars: knownVars(config.values, options),
      swaggerRoot,
      remoteRefs: readRemoteRefs(config.values.remoteRefs, configDir, []),
      validatorCacheDir: cacheDirFrom(options.env, options.cwd),
      schemaMode: schema === 'off' || schema === 'warn' ? schema : 'strict',
      includeSkipped: config.values.includeSkipped === true,
    },
    options.threads,
  );
  diagnostics.push(...result.diagnostics);
  for (const [file, text] of result.sources) sources.set(file, text);
  return { diagnostics: sortDiagnostics(dedupe(diagnostics)), docs: result.docs, sources, secrets: configSecrets(config.values) };
}

/** Config vars, STEPDOC_VAR_* and --var: only the names matter to static analysis. */
function knownVars(values: Record<string, unknown>, options: LintOptions): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  const fromConfig = values.vars;
  if (fromConfig && typeof fromConfig === 'object' && !Array.isArray(fromConfig)) Object.assign(vars, fromConfig);
  for (const key of Object.keys(options.env)) {
    const match = /^STEPDOC_VAR_(.+)$/.exec(key);
    if (match) vars[match[1].toLowerCase()] = true;
  }
  for (const pair of options.vars ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0) vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}

/** The same finding reached twice (a used doc twice) is shown once; the first wins. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.span?.file}:${d.span?.line}:${d.span?.col}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const fa = a.d.span?.file ?? '';
      const fb = b.d.span?.file ?? '';
      if (fa !== fb) return fa < fb ? -1 : 1;
      return (a.d.span?.line ?? 0) - (b.d.span?.line ?? 0) || (a.d.span?.col ?? 0) - (b.d.span?.col ?? 0) || a.i - b.i;
    })
    .map(({ d }) => d);
}
