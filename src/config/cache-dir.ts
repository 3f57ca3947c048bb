import { join, resolve } from 'node:path';

/**
 * Where stepdoc keeps what it can reuse across runs (compiled validators, src/openapi/validator-store.ts):
 * `STEPDOC_CACHE_DIR` (relative to the working directory; an empty value turns the cache off), else
 * `$XDG_CACHE_HOME/stepdoc`, else `$HOME/.cache/stepdoc`; an environment with neither has no cache.
 * Per user, not per project: entries are keyed by content, so projects that share a spec share its validators.
 */
export function cacheDirFrom(env: Record<string, string | undefined>, cwd: string): string | undefined {
  const explicit = env.STEPDOC_CACHE_DIR;
  if (explicit !== undefined) return explicit === '' ? undefined : resolve(cwd, explicit);
  if (env.XDG_CACHE_HOME) return join(resolve(cwd, env.XDG_CACHE_HOME), 'stepdoc');
  return env.HOME ? join(env.HOME, '.cache', 'stepdoc') : undefined;
}
