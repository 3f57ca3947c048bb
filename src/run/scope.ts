import type { Doc } from '../core/model.js';
import type { RunSettings } from '../core/settings.js';
import { builtinVariables } from '../template/builtins.js';

/**
 * The variables of one doc run, later sources shadowing earlier ones (docs/format.md):
 * built-ins, env, config.params, config vars (with --var), the doc's own vars.
 */
export function docVariables(settings: RunSettings, doc: Doc, timestamp: number): Record<string, unknown> {
  const { env, config } = runConstants(settings);
  // Assigned, not spread: a spread would compute every lazy built-in (see builtinVariables).
  const variables = builtinVariables(timestamp);
  variables.env = env;
  variables.config = config;
  return Object.assign(variables, settings.vars, doc.frontmatter.vars);
}

/**
 * `env` and `config` are the same for every doc of a run: copied once (frozen, so no doc can change
 * another's view). Copying `process.env` per doc cost ≈0.25 ms a doc: each key is a native lookup.
 */
const constants = new WeakMap<RunSettings, { env: Readonly<Record<string, string | undefined>>; config: unknown }>();

function runConstants(settings: RunSettings) {
  let entry = constants.get(settings);
  if (!entry) {
    entry = {
      env: Object.freeze({ ...settings.env }),
      config: Object.freeze({ params: Object.freeze({ ...settings.params }), vars: Object.freeze({ ...settings.vars }) }),
    };
    constants.set(settings, entry);
  }
  return entry;
}
