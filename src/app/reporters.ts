import type { Reporter, ReporterOptions } from '../report/reporter.js';

/** A reporter by name, or with its own `quiet` (the console summary added when only file reporters were asked for). */
export type ReporterSpec = string | { name: string; quiet: boolean };

/** Reporters load lazily, by name; the GitHub one joins by itself on GitHub Actions. */
export async function createReporters(specs: ReporterSpec[], options: ReporterOptions): Promise<Reporter[]> {
  const { loadReporter } = await import('../report/registry.js');
  const wanted = new Map<string, Partial<ReporterOptions>>();
  for (const spec of specs) {
    if (typeof spec !== 'string') wanted.set(spec.name, { quiet: spec.quiet });
    else
      for (const name of spec
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean))
        wanted.set(name, {});
  }
  if (options.env.GITHUB_ACTIONS === 'true' && !wanted.has('github')) wanted.set('github', {});
  const entries = [...wanted];
  const factories = await Promise.all(entries.map(([name]) => loadReporter(name)));
  return factories.map((factory, i) => factory({ ...options, ...entries[i][1] }));
}
