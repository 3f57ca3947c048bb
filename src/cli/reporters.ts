import type { Reporter, ReporterOptions } from '../report/reporter.js';

/** Reporters load lazily, by name; the GitHub one joins by itself on GitHub Actions. */
export async function createReporters(names: string[], options: ReporterOptions): Promise<Reporter[]> {
  const { loadReporter } = await import('../report/registry.js');
  const wanted = [...new Set(names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean))];
  if (options.env.GITHUB_ACTIONS === 'true' && !wanted.includes('github')) wanted.push('github');
  const factories = await Promise.all(wanted.map((name) => loadReporter(name)));
  return factories.map((factory) => factory(options));
}
