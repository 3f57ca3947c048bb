import type { ValidateFunction } from 'ajv';
import path from 'node:path';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import { SchemaCompiler } from './compile.js';
import { convertDocument } from './convert.js';
import { unknownFormatWarnings } from './formats.js';
import type { LoadedSpec, MediaSpec, Operation, ValidationOutcome } from './model.js';
import { selectMedia, selectResponse } from './select.js';
import { toViolations } from './violations.js';

/** Validates bodies against one spec. Validators are compiled lazily, once per schema location. */
export interface SpecValidator {
  readonly spec: LoadedSpec;
  /** Found while preparing the schemas (unknown formats, invalid patterns, schemas that do not compile). */
  readonly warnings: Diagnostic[];
  validateRequest(operation: Operation, mediaType: string | undefined, body: unknown): ValidationOutcome;
  validateResponse(operation: Operation, status: number, mediaType: string | undefined, body: unknown): ValidationOutcome;
  /** Compiles every request and response schema now; returns how many (for benchmarks and sweeps). */
  compileAll(): number;
}

export interface SpecValidatorOptions {
  /** Where compiled validators are cached across processes (validator-store.ts); none: compiled in memory only. */
  cacheDir?: string;
}

export async function createSpecValidator(spec: LoadedSpec, options: SpecValidatorOptions = {}): Promise<SpecValidator> {
  const converted = convertDocument(spec.document, spec.version);
  const name = path.basename(spec.file);
  const warnings = [...converted.warnings.map((w) => ({ ...w, message: `${name}: ${w.message}` })), ...unknownFormatWarnings(converted.formats, name)];
  const compiler = new SchemaCompiler(spec.version, converted, options.cacheDir);
  const compiled = new Map<string, ValidateFunction | Error>();

  const compile = (pointer: string): ValidateFunction | Error => {
    let entry = compiled.get(pointer);
    if (entry === undefined) {
      try {
        entry = compiler.compile(pointer);
      } catch (error) {
        entry = error as Error;
        warnings.push(warningDiag('spec-schema-invalid', `${name}: the schema at ${pointer} cannot be compiled (${entry.message}); not validated`));
      }
      compiled.set(pointer, entry);
    }
    return entry;
  };

  const run = (media: MediaSpec | undefined, target: string, body: unknown): ValidationOutcome => {
    if (!media || media.pointer === undefined) {
      return { validated: false, violations: [], target, reason: `no schema for ${target}: nothing validated` };
    }
    const validate = compile(media.pointer);
    if (validate instanceof Error) {
      return { validated: false, violations: [], target, reason: `the schema for ${target} cannot be compiled: ${validate.message}` };
    }
    const ok = validate(body);
    return { validated: true, violations: ok ? [] : toViolations(validate.errors), target };
  };

  return {
    spec,
    warnings,
    validateRequest(operation, mediaType, body) {
      const content = operation.requestBody?.content ?? {};
      const chosen = selectMedia(content, mediaType);
      const target = chosen?.key ?? mediaType ?? 'application/json';
      return run(chosen?.media, target, body);
    },
    validateResponse(operation, status, mediaType, body) {
      const response = selectResponse(operation.responses, status);
      if (!response) {
        return { validated: false, violations: [], target: String(status), reason: `no response ${status} in the spec: nothing validated` };
      }
      const chosen = selectMedia(response.response.content, mediaType);
      const target = `${response.key} ${chosen?.key ?? mediaType ?? 'application/json'}`;
      return run(chosen?.media, target, body);
    },
    compileAll() {
      let count = 0;
      for (const operation of spec.operations) {
        const medias = [...Object.values(operation.requestBody?.content ?? {}), ...Object.values(operation.responses).flatMap((r) => Object.values(r.content))];
        for (const media of medias) {
          if (media.pointer === undefined) continue;
          if (!(compile(media.pointer) instanceof Error)) count++;
        }
      }
      return count;
    },
  };
}
