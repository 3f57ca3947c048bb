import type { Doc } from '../core/model.js';
import { BUILTIN_NAMES } from '../template/builtins.js';

/**
 * Names a doc's steps can read before any step extracts one: built-ins, `env`, `config`, the
 * config/CLI vars and the doc's own `vars`. Static analysis (run and lint) needs only the names.
 */
export function knownVariableNames(vars: Record<string, unknown>, doc: Doc): Set<string> {
  return new Set([...BUILTIN_NAMES, 'env', 'config', ...Object.keys(vars), ...Object.keys(doc.frontmatter.vars)]);
}
