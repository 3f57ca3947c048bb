import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { Doc } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import { checkLiteralBody } from './request-body.js';

export interface SwaggerLintSettings {
  rootDir: string;
  swaggerRoot: string;
  /** From the config's `schema:`; off skips body checks, warn makes them warnings. */
  schemaMode: 'off' | 'warn' | 'strict';
  /** Config `remoteRefs` (absolute folders). */
  remoteRefs?: Record<string, string>;
  /** Where compiled validators are cached across runs; none: not cached. */
  validatorCacheDir?: string;
}

/** Spec warnings lint repeats (once per spec): parts of the spec it cannot check. */
const SPEC_WARNINGS = new Set(['spec-remote-ref', 'spec-broken-ref']);

/**
 * Swagger checks of a doc that declares `swagger:` (no network: local files only): the file exists
 * and loads, the doc's endpoint is one of its operations, literal request bodies fit the schema.
 * The OpenAPI layer loads lazily (on the first doc with a swagger file), each spec once.
 */
export function createSwaggerCheck(settings: SwaggerLintSettings): (doc: Doc) => Promise<Diagnostic[]> {
  let modules: Promise<Modules> | undefined;
  const reported = new Set<string>();
  return async (doc) => {
    if (!doc.frontmatter.swagger) return [];
    modules ??= loadModules();
    const { resolveSwaggerPath, loadSpecCached, findOperation, operationIndex, validatorFor } = await modules;
    const value = doc.frontmatter.swagger;
    const span = doc.frontmatter.keySpans.swagger;
    const location = resolveSwaggerPath(value, settings, span);
    if (!location.file) return location.diagnostics;
    const load = await loadSpecCached(location.file, settings.remoteRefs);
    if (!load.spec) return load.diagnostics.map((d) => ({ ...d, span: d.span ?? span }));
    const spec = load.spec;
    const out: Diagnostic[] = [];
    if (!reported.has(spec.file)) {
      reported.add(spec.file);
      out.push(...spec.warnings.filter((w) => SPEC_WARNINGS.has(w.code)).map((w) => ({ ...w, span: w.span ?? span })));
    }
    const endpoint = doc.frontmatter.endpoint;
    if (endpoint && !findOperation(spec, endpoint.method, endpoint.path)) {
      const wanted = `${endpoint.method} ${endpoint.path}`;
      const help = didYouMean(wanted, operationIndex(spec).routes());
      out.push(warningDiag('swagger-operation-not-found', `\`${wanted}\` is not an operation of ${value}`, endpoint.span, help ? { help } : {}));
    }
    if (settings.schemaMode === 'off') return out;
    for (const step of doc.steps) {
      if (step.kind !== 'request' || step.body === undefined || !step.path) continue;
      const operation = findOperation(spec, step.method, step.path);
      if (!operation?.requestBody) continue;
      const validator = await validatorFor(spec, settings.validatorCacheDir);
      out.push(...checkLiteralBody(doc, step, operation, validator, settings.schemaMode === 'warn' ? 'warning' : 'error'));
    }
    return out;
  };
}

type Modules = typeof import('../openapi/resolve-path.js') &
  typeof import('../openapi/cache.js') &
  typeof import('../openapi/lookup.js') &
  typeof import('../openapi/validator-cache.js');

async function loadModules(): Promise<Modules> {
  const [a, b, c, d] = await Promise.all([
    import('../openapi/resolve-path.js'),
    import('../openapi/cache.js'),
    import('../openapi/lookup.js'),
    import('../openapi/validator-cache.js'),
  ]);
  return { ...a, ...b, ...c, ...d };
}
