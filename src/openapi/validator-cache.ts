import type { LoadedSpec } from './model.js';
import type { SpecValidator } from './validate.js';

const validators = new WeakMap<LoadedSpec, Promise<SpecValidator>>();

/**
 * One validator per loaded spec per process: the runner's checks and the embedded mock (same process
 * under `run --mock`) share the ajv functions each compiles lazily, so no schema is compiled twice.
 * The first caller's cache directory is the one used (within a process they are the same setting).
 */
export function validatorFor(spec: LoadedSpec, cacheDir?: string): Promise<SpecValidator> {
  let pending = validators.get(spec);
  if (!pending) {
    pending = import('./validate.js').then(({ createSpecValidator }) => createSpecValidator(spec, { cacheDir }));
    validators.set(spec, pending);
  }
  return pending;
}
