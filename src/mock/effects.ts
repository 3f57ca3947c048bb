import type { Effect } from './extension.js';
import { getPath, setPath } from './json-path.js';
import { holds, type PredicateScope } from './predicate.js';
import { normaliseCollection } from './resource.js';
import { renderString, renderValue } from './template.js';

/**
 * Applies `effects` once a request succeeded: `set` paths of another stored resource, or `add` a number to
 * them (a transfer crediting its account). A missing resource or a non-numeric target is left alone.
 */
export function applyEffects(effects: Effect[], scope: PredicateScope): void {
  for (const effect of effects) {
    if (!holds(effect.when, scope)) continue;
    const id = String(renderString(effect.id, scope.template));
    const lookup = scope.state.get(normaliseCollection(effect.collection), id);
    if (!lookup || !('found' in lookup)) continue;
    const record = lookup.found.record;
    for (const [path, value] of Object.entries(effect.set)) setPath(record, path, renderValue(value, scope.template));
    for (const [path, value] of Object.entries(effect.add)) {
      const current = getPath(record, path);
      const delta = Number(renderValue(value, scope.template));
      if (typeof current === 'number' && Number.isFinite(delta)) setPath(record, path, current + delta);
    }
  }
}
