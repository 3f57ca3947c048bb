import type { Ajv, ValidateFunction } from 'ajv';
import { AJV_OPTIONS, ajvVersions, createAjv, evaluateStandalone, standaloneCode } from './ajv-factory.js';
import type { ConvertedDocument } from './convert.js';
import { registerFormats } from './formats.js';
import { escapePointerToken, pointerTokens } from './json-pointer.js';
import type { SpecVersion } from './model.js';
import { type DocumentEntries, ValidatorStore } from './validator-store.js';

/** The id the converted document is registered under in ajv; never fetched. */
const DOCUMENT_ID = 'stepdoc://spec/document.json';

/** What a cached file holds when the schema did not compile: the message, so the warning is the same. */
interface CompileFailure {
  compileError: string;
}

/**
 * Compiles the schema at a pointer of one converted document into an ajv validator. With a cache
 * directory, a validator compiled before (same document, same libraries) is loaded from its
 * standalone code instead, and ajv itself is only loaded on the first miss.
 */
export class SchemaCompiler {
  private ajv: Ajv | undefined;
  private entries: DocumentEntries | null | undefined;

  constructor(
    private readonly version: SpecVersion,
    private readonly converted: ConvertedDocument,
    private readonly cacheDir: string | undefined,
  ) {}

  /** Throws when the schema cannot be compiled. */
  compile(pointer: string): ValidateFunction {
    const entries = this.cacheEntries();
    const cached = entries ? load(entries, pointer) : undefined;
    if (cached) {
      if ('compileError' in cached) throw new Error(cached.compileError);
      return cached;
    }
    const ajv = this.compiler();
    let validate: ValidateFunction;
    try {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${toFragment(pointer)}` });
    } catch (error) {
      entries?.write(pointer, `module.exports = ${JSON.stringify({ compileError: (error as Error).message })};`);
      throw error;
    }
    entries?.write(pointer, standaloneCode(ajv, validate));
    return validate;
  }

  private compiler(): Ajv {
    if (!this.ajv) {
      this.ajv = createAjv(this.version);
      registerFormats(this.ajv, this.converted.formats);
      this.ajv.addSchema(this.converted.document, DOCUMENT_ID);
    }
    return this.ajv;
  }

  /** Keyed on first use: hashing a big document is only worth it when something is compiled. */
  private cacheEntries(): DocumentEntries | undefined {
    if (this.entries === undefined) {
      this.entries = null;
      if (this.cacheDir) {
        const formats = [...this.converted.formats].sort().join(',');
        const fingerprint = `${ajvVersions()} spec ${this.version} id ${DOCUMENT_ID} formats ${formats} options ${JSON.stringify(AJV_OPTIONS)}`;
        this.entries = new ValidatorStore(this.cacheDir).forDocument(JSON.stringify(this.converted.document), fingerprint);
      }
    }
    return this.entries ?? undefined;
  }
}

/** A validator (or a recorded compile failure) from the cache; anything else is a miss. */
function load(entries: DocumentEntries, pointer: string): ValidateFunction | CompileFailure | undefined {
  const code = entries.read(pointer);
  if (code === undefined) return undefined;
  try {
    const value = evaluateStandalone(code) as ValidateFunction | CompileFailure;
    if (typeof value === 'function' || typeof (value as CompileFailure)?.compileError === 'string') return value;
  } catch {
    // A damaged entry: compiled again and overwritten.
  }
  return undefined;
}

/** A pointer as a URI fragment ajv can resolve (`{`, spaces and `%` escaped). */
function toFragment(pointer: string): string {
  return pointerTokens(pointer)
    .map((token) => `/${encodeURIComponent(escapePointerToken(token)).replace(/%7E/gi, '~')}`)
    .join('');
}
