import type { LoadedSpec } from './model.js';
import type { SpecValidator } from './validate.js';

const validators = new WeakMap<LoadedSpec, Promise<SpecValidator>>();

/**
 * One validator per loaded spec per process: the runner's checks and the embedded mock (same process
 * under `run --mock`) share the ajv functions each compiles lazily, so no schema is compiled twice.
 */
export function validatorFor(spec: LoadedSpec): Promise<SpecValidator> {
  let pending = validators.get(spec);
  if (!pending) {
    pending = import('./validate.js').then(({ createSpecValidator }) => createSpecValidator(spec));
    validators.set(spec, pending);
  }
  return pending;
}
