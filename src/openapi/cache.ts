import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import { StepdocError } from '../core/errors.js';
import { loadSpec } from './load.js';
import { clearSwaggerListings } from './resolve-path.js';
import type { LoadedSpec } from './model.js';
import type { RemoteRefMap } from './remote-refs.js';

export interface SpecLoad {
  /** Undefined when the file could not be read or parsed at all. */
  spec?: LoadedSpec;
  /** Why not: a warning — the run goes on without validation for the docs using it. */
  diagnostics: Diagnostic[];
}

const loads = new Map<string, Promise<SpecLoad>>();

/** One load per file (and remote-ref mapping) per process; docs asking at the same time share the same promise. */
export function loadSpecCached(file: string, remoteRefs?: RemoteRefMap): Promise<SpecLoad> {
  const key = remoteRefs && Object.keys(remoteRefs).length > 0 ? `${file}\0${JSON.stringify(remoteRefs)}` : file;
  let pending = loads.get(key);
  if (!pending) {
    pending = loadSpec(file, { remoteRefs }).then(
      (spec) => ({ spec, diagnostics: [] }),
      (error: unknown) => ({ diagnostics: [toWarning(file, error)] }),
    );
    loads.set(key, pending);
  }
  return pending;
}

function toWarning(file: string, error: unknown): Diagnostic {
  if (error instanceof StepdocError) return { ...error.toDiagnostic(), severity: 'warning' };
  return warningDiag('spec-unreadable', `cannot load swagger file ${file}: ${(error as Error)?.message ?? String(error)}`);
}

/** Forget every loaded spec and where `swagger:` paths pointed (tests, watch mode). */
export function clearSpecCache(): void {
  loads.clear();
  clearSwaggerListings();
}
