import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { ReporterFactory } from './reporter.js';

/** Each format loads only when asked for: a console-only run never parses the HTML template. */
const loaders: Record<string, () => Promise<ReporterFactory>> = {
  console: async () => (await import('./console.js')).createConsoleReporter,
  json: async () => (await import('./json.js')).createJsonReporter,
  junit: async () => (await import('./junit.js')).createJunitReporter,
  html: async () => (await import('./html/index.js')).createHtmlReporter,
  github: async () => (await import('./github.js')).createGithubReporter,
};

export const REPORTER_NAMES: readonly string[] = Object.keys(loaders);

export async function loadReporter(name: string): Promise<ReporterFactory> {
  const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  if (!load) {
    const hint = didYouMean(name, REPORTER_NAMES);
    throw new UsageError(`unknown reporter \`${name}\` (known: ${REPORTER_NAMES.join(', ')})`, hint);
  }
  return load();
}

/** Reporters when none is given: console, plus GitHub annotations when running under GitHub Actions. */
export function defaultReporterNames(env: Record<string, string | undefined>): string[] {
  return env.GITHUB_ACTIONS === 'true' ? ['console', 'github'] : ['console'];
}
