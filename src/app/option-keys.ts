import { closest } from '../core/suggest.js';

/** Every key runProject accepts, so a typo in a library call fails loudly instead of being ignored. */
export const RUN_PROJECT_KEYS = [
  'paths',
  'cwd',
  'env',
  'durations',
  'config',
  'baseUrl',
  'fallbackUrl',
  'tokens',
  'vars',
  'secrets',
  'concurrency',
  'timeoutMs',
  'maxBodyBytes',
  'tags',
  'domains',
  'grep',
  'shard',
  'dryRun',
  'includeSkipped',
  'allowDelete',
  'schema',
  'requestsPerSecond',
  'maxConcurrent',
  'retries',
  'mock',
  'strictState',
  'record',
  'reporters',
  'reportDir',
  'keepGoing',
  'maxFailures',
  'allowSkipped',
  'passWithNoDocs',
  'lastFailed',
  'keepLastRun',
  'quiet',
  'verbose',
  'out',
  'color',
  'onEvent',
  'signal',
] as const;

/** Throws a TypeError naming the first unknown key (with the closest known one), else returns. */
export function checkOptionKeys(options: object, known: readonly string[] = RUN_PROJECT_KEYS): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = closest(key, known);
    throw new TypeError(`stepdoc: unknown option \`${key}\`${near ? ` (did you mean \`${near}\`?)` : ''}`);
  }
}

// Compile-time: the list above names every option of RunProjectOptions, and nothing else.
type Listed = (typeof RUN_PROJECT_KEYS)[number];
type Unlisted = Exclude<keyof import('./types.js').RunProjectOptions, Listed>;
type Extra = Exclude<Listed, keyof import('./types.js').RunProjectOptions>;
export const OPTION_KEYS_COMPLETE: [Unlisted, Extra] extends [never, never] ? true : never = true;
