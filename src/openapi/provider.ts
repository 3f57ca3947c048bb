import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { Doc } from '../core/model.js';
import type { CheckResult } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import { didYouMean } from '../core/suggest.js';
import type { DocValidation, StepValidator, ValidationProvider } from '../core/validation.js';
import { schemaChecks } from '../checks/schema.js';
import { loadSpecCached } from './cache.js';
import type { SpecValidator } from './validate.js';
import { validatorFor } from './validator-cache.js';
import { findOperation, operationIndex } from './lookup.js';
import type { LoadedSpec, Operation } from './model.js';
import { resolveSwaggerPath } from './resolve-path.js';
import { bareMediaType, isJsonMediaType } from './util.js';

type Mode = 'warn' | 'strict';

/**
 * The runner's entry into the OpenAPI layer (loaded with a dynamic import, only for docs with
 * `swagger:`). Per doc: find and load its spec (cached per file), then hand out per-step validators.
 * ajv is loaded on the first spec that actually loads, never for docs without one.
 */
export function createValidationProvider(settings: RunSettings): ValidationProvider {
  const reported = new Set<string>();
  const mode: Mode = settings.schemaMode === 'warn' ? 'warn' : 'strict';

  return async (doc: Doc): Promise<DocValidation | undefined> => {
    const value = doc.frontmatter.swagger;
    if (!value || settings.schemaMode === 'off') return undefined;
    const span = doc.frontmatter.keySpans.swagger;
    const location = resolveSwaggerPath(value, settings, span);
    if (!location.file) return inactive(location.diagnostics);
    const load = await loadSpecCached(location.file, settings.remoteRefs);
    if (!load.spec) return inactive(load.diagnostics.map((d) => ({ ...d, span: d.span ?? span })));
    const spec = load.spec;
    const validator = await validatorFor(spec, settings.validatorCacheDir);
    // A `swagger:` path that needed resolving (from another machine) says which file it used.
    const warnings: Diagnostic[] = [...location.diagnostics];
    // A spec's own warnings are reported with the first doc that uses it, not with every doc.
    if (!reported.has(spec.file)) {
      reported.add(spec.file);
      warnings.push(...spec.warnings, ...validator.warnings);
    }
    const endpointWarning = checkEndpoint(doc, spec, value);
    if (endpointWarning) warnings.push(endpointWarning);
    return {
      warnings,
      forStep(method, path) {
        const operation = findOperation(spec, method, path);
        return operation ? stepValidator(operation, validator, mode) : undefined;
      },
    };
  };
}

function inactive(warnings: Diagnostic[]): DocValidation {
  return { warnings, forStep: () => undefined };
}

/** The doc's `endpoint` should be an operation of its spec; say so (with the closest one) when not. */
function checkEndpoint(doc: Doc, spec: LoadedSpec, specName: string): Diagnostic | undefined {
  const endpoint = doc.frontmatter.endpoint;
  if (!endpoint || findOperation(spec, endpoint.method, endpoint.path)) return undefined;
  const wanted = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
  const help = didYouMean(wanted, operationIndex(spec).routes());
  return warningDiag(
    'swagger-operation-not-found',
    `\`${wanted}\` is not an operation of ${specName}; its steps are not validated`,
    endpoint.span,
    help ? { help } : {},
  );
}

function stepValidator(operation: Operation, validator: SpecValidator, mode: Mode): StepValidator {
  const label = `${operation.method} ${operation.path}`;
  return {
    operation: label,
    request(body: unknown, mediaType: string | undefined): CheckResult[] {
      if (body === undefined) return [];
      if (!operation.requestBody) {
        return [
          { kind: 'request-schema', name: 'request body matches schema', passed: true, message: `no request body schema for ${label}: nothing validated` },
        ];
      }
      const bare = bareMediaType(mediaType) ?? 'application/json';
      if (!isJsonMediaType(bare)) {
        return [{ kind: 'request-schema', name: 'request body matches schema', passed: true, message: `${bare} body: only JSON bodies are validated` }];
      }
      return schemaChecks(validator.validateRequest(operation, bare, body), { kind: 'request-schema', mode });
    },
    response(status: number, mediaType: string | undefined, body: unknown): CheckResult[] {
      return schemaChecks(validator.validateResponse(operation, status, mediaType, body), { kind: 'schema', mode });
    },
  };
}
