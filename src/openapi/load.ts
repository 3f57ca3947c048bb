import path from 'node:path';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { bundleFiles } from './bundle.js';
import { Dereferencer } from './deref.js';
import type { LoadedSpec, SpecVersion } from './model.js';
import { normaliseOas3 } from './normalize-oas3.js';
import { normaliseSwagger2 } from './normalize-swagger2.js';
import { prepareRefs } from './refs.js';
import { readSpecFile } from './read-file.js';
import type { RemoteRefMap } from './remote-refs.js';
import { asObject, asString, isObject } from './util.js';

/**
 * Loads one Swagger 2.0 / OpenAPI 3.x file (and the local files it references) into the normalised
 * model. Messy content gives warnings; only a file that cannot be read or parsed at all throws
 * (a UserError the cache turns into a warning, so the run goes on without validation).
 */
export async function loadSpec(file: string, options: { remoteRefs?: RemoteRefMap } = {}): Promise<LoadedSpec> {
  const absolute = path.resolve(file);
  const raw = await readSpecFile(absolute);
  if (!isObject(raw)) throw new UserError(`swagger file ${absolute} is not a JSON/YAML object`, 'spec-invalid');
  const prepared = await prepareRefs(absolute, raw, options.remoteRefs);
  const bundled = await bundleFiles(absolute, prepared);
  const document = asObject(bundled.doc);
  const warnings: Diagnostic[] = [...prepared.warnings, ...bundled.warnings];
  const version = detectVersion(document, absolute, warnings);
  const ctx = { doc: document, deref: new Dereferencer(document) };
  const operations = version === '2.0' ? normaliseSwagger2(ctx) : normaliseOas3(ctx);
  if (!isObject(document.paths)) {
    warnings.push(warningDiag('spec-no-paths', `${path.basename(absolute)} has no \`paths\`: no operation to validate against`));
  }
  return { file: absolute, version, title: asString(asObject(document.info).title), operations, warnings, document };
}

function detectVersion(doc: Record<string, unknown>, file: string, warnings: Diagnostic[]): SpecVersion {
  const swagger = doc.swagger;
  const openapi = asString(doc.openapi);
  if (swagger !== undefined && String(swagger).startsWith('2')) return '2.0';
  if (openapi?.startsWith('3.1')) return '3.1';
  if (openapi?.startsWith('3.')) return '3.0';
  // No (or an odd) version field: guess from the shape, and say so.
  const guess: SpecVersion = doc.basePath !== undefined || doc.definitions !== undefined || isSwagger2Shaped(doc) ? '2.0' : '3.0';
  const written = swagger ?? openapi;
  warnings.push(
    warningDiag(
      'spec-unknown-version',
      `${path.basename(file)} ${written === undefined ? 'declares neither `swagger` nor `openapi`' : `declares version ${String(written)}`}; read as ${guess === '2.0' ? 'Swagger 2.0' : 'OpenAPI 3.0'}`,
    ),
  );
  return guess;
}

/** A body parameter or a response `schema` directly under the response marks Swagger 2.0. */
function isSwagger2Shaped(doc: Record<string, unknown>): boolean {
  const text = JSON.stringify(doc.paths ?? {});
  return text.includes('"in":"body"') || (!text.includes('"content":') && text.includes('"schema":'));
}
