import type { Doc } from '../core/model.js';
import type { RunSettings } from '../core/settings.js';
import { builtinVariables, BUILTIN_NAMES } from '../template/builtins.js';

/**
 * The variables of one doc run, later sources shadowing earlier ones (docs/format.md):
 * built-ins, env, config.params, config vars (with --var), the doc's own vars.
 */
export function docVariables(settings: RunSettings, doc: Doc, timestamp: number): Record<string, unknown> {
  return {
    ...builtinVariables(timestamp),
    env: { ...settings.env },
    config: { params: { ...settings.params }, vars: { ...settings.vars } },
    ...settings.vars,
    ...doc.frontmatter.vars,
  };
}

/** Names known before any step runs, for static analysis. */
export function knownVariableNames(settings: Pick<RunSettings, 'vars'>, doc: Doc): Set<string> {
  return new Set([...BUILTIN_NAMES, 'env', 'config', ...Object.keys(settings.vars), ...Object.keys(doc.frontmatter.vars)]);
}
