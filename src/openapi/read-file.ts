import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

/**
 * Reads and parses one spec file (JSON, or YAML when it is not JSON). Throws a UserError with code
 * `spec-unreadable` / `spec-invalid` — the cache turns that into a warning, never a crash.
 * Read synchronously: an asynchronous read of a large file is several thread-pool round trips, and
 * reading a project's specs one after the other keeps one parsed file alive at a time, not all of them.
 */
export async function readSpecFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read swagger file ${file}: ${(error as Error).message}`, 'spec-unreadable');
  }
  return parseSpecText(text, file);
}

export async function parseSpecText(text: string, file: string): Promise<unknown> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[') || /\.json$/i.test(file);
  if (looksJson) {
    try {
      return JSON.parse(trimmed);
    } catch (error) {
      if (/\.json$/i.test(file)) {
        throw new UserError(`swagger file ${file} is not valid JSON: ${(error as Error).message}`, 'spec-invalid');
      }
    }
  }
  // YAML only for the (rarer) YAML specs, so the JSON path never loads the parser.
  const { parse } = await import('yaml');
  try {
    return parse(trimmed, { maxAliasCount: 1000 });
  } catch (error) {
    throw new UserError(`swagger file ${file} is not valid JSON or YAML: ${(error as Error).message}`, 'spec-invalid');
  }
}
