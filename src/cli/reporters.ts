import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { Reporter, ReporterOptions } from '../report/reporter.js';

const KNOWN = ['console', 'json', 'junit', 'html', 'github'];

/** Reporters load lazily, by name; the GitHub one joins by itself on GitHub Actions. */
export async function createReporters(names: string[], options: ReporterOptions): Promise<Reporter[]> {
  const wanted = [...new Set(names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean))];
  if (options.env.GITHUB_ACTIONS === 'true' && !wanted.includes('github')) wanted.push('github');
  const reporters: Reporter[] = [];
  for (const name of wanted) {
    if (!KNOWN.includes(name)) throw new UsageError(`unknown reporter \`${name}\``, didYouMean(name, KNOWN) ?? `reporters: ${KNOWN.join(', ')}`);
    if (name === 'console') {
      const { createConsoleReporter } = await import('../report/console.js');
      reporters.push(createConsoleReporter(options));
    }
  }
  return reporters;
}
